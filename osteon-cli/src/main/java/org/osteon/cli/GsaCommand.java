package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteon.analysis.batch.Engine;
import org.osteon.analysis.gsa.Evaluation;
import org.osteon.analysis.gsa.GsaFiles;
import org.osteon.analysis.gsa.GsaJob;
import org.osteon.analysis.gsa.GsaRecipe;
import org.osteon.analysis.gsa.GsaResult;
import org.osteon.analysis.gsa.GsaSpec;
import org.osteon.analysis.gsa.Measure;
import org.osteon.analysis.gsa.Morris;
import org.osteon.analysis.gsa.Sobol;
import org.osteon.report.Bar;
import org.osteon.report.Figure;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;
import org.osteon.scenario.ModelCatalogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code osteon gsa}: Sobol indices or Morris elementary effects of output measures. */
@Command(name = "gsa", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Global sensitivity analysis of SPEC.yaml: Sobol first- and total-order indices (Saltelli",
                "sampling, bootstrap intervals) or Morris elementary effects (mu, mu*, sigma) of output measures such as",
                "OCa:max, BV:at:365 or CTX:auc. Writes DIR/sobol.csv or DIR/morris.csv and DIR/sensitivity.png."})
final class GsaCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Sensitivity spec (YAML).")
    Path spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results.")
    Path out;

    @Option(names = "--n", paramLabel = "N", description = "Sobol base samples or Morris trajectories (overrides the spec).")
    Integer n;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (overrides the spec).")
    Long seed;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    ParallelOptions parallel;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws IOException {
        if (n != null && n < 2) {
            throw new UserException("--n " + n + ": must be at least 2");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out " + out + ": exists and is not a directory");
        }
        if (!Files.isRegularFile(spec)) {
            throw new UserException(spec + ": sensitivity spec not found");
        }
        GsaRecipe recipe = GsaRecipe.read(spec, ModelCatalogs.discover()).with(n, seed);
        GsaJob job = recipe.job(ModelCatalogs.discover());
        GsaResult r;
        try (Engine engine = engineOptions.open(parallel.threads())) {
            long start = System.nanoTime();
            List<Evaluation> evaluations = engine.map(k -> recipe.job(ModelCatalogs.discover()).evaluate(k),
                    job.evaluations(), root.session().monitor("gsa"));
            r = job.analyse(evaluations, (System.nanoTime() - start) / 1e9, engine.name());
        } finally {
            root.session().endProgress();
        }
        PrintWriter stdout = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        root.session().checkCancelled();
        Files.createDirectories(out);
        OutputFiles files = new OutputFiles(root.session(), stdout, err, java.util.List.of()); // outputs: fixed names in DIR
        Path table = GsaFiles.write(r, out);
        files.announce("wrote " + table);
        List<Figure> figures = figures(r);
        for (int m = 0; m < figures.size(); m++) {
            String name = figures.size() == 1 ? "sensitivity.png" : "sensitivity-" + r.spec().measures().get(m).label()
                    .replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
            files.figure(figures.get(m), out.resolve(name).toString());
        }
        stdout.print(GsaFiles.table(r).replace(",", "\t"));
        stdout.printf(java.util.Locale.ROOT, "%d runs (%s engine) in %.2f s%n", r.evaluations(), r.engine(), r.seconds());
        if (r.failures() > 0) {
            err.println("warning: " + r.failures() + " of " + r.evaluations() + " runs failed; "
                    + (r.spec().method() == GsaSpec.Method.SOBOL ? "their sample rows are" : "their trajectories are")
                    + " left out; first, " + r.firstFailure());
        }
        return 0;
    }

    private static List<Figure> figures(GsaResult r) {
        List<Figure> out = new ArrayList<>();
        List<String> factors = r.factors();
        for (int m = 0; m < r.spec().measures().size(); m++) {
            Measure measure = r.spec().measures().get(m);
            List<Bar> bars = new ArrayList<>();
            String what;
            if (r.spec().method() == GsaSpec.Method.SOBOL) {
                Sobol.Indices s = r.sobol().get(m);
                for (int i = 0; i < factors.size(); i++) {
                    bars.add(new Bar(factors.get(i), s.total()[i]));
                }
                what = "total-order Sobol index of " + measure.label();
            } else {
                Morris.Effects e = r.morris().get(m);
                for (int i = 0; i < factors.size(); i++) {
                    bars.add(new Bar(factors.get(i), e.muStar()[i]));
                }
                what = "Morris mu* of " + measure.label();
            }
            out.add(Plots.bar(bars, what, PlotSpec.titled(r.spec().name() + ": " + what)));
        }
        return out;
    }
}
