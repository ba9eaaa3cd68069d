package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteon.analysis.fit.Curve;
import org.osteon.analysis.fit.Fit;
import org.osteon.analysis.fit.FitOutput;
import org.osteon.analysis.fit.FitResult;
import org.osteon.analysis.fit.FitSpec;
import org.osteon.analysis.fit.FitSpecReader;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code osteon fit}: estimate model parameters from data. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimate model parameters from data (maximum likelihood): Levenberg-Marquardt with gradients from",
            "forward sensitivity equations, optional multi-start or CMA-ES, standard errors and 95%% intervals from the",
            "Fisher information, profile-likelihood intervals on request, identifiability findings. Writes",
            "DIR/estimates.csv, residuals.csv, correlation.csv, predictions.csv, starts.csv, fit.json and report.html."})
final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "Fit specification (see docs/pharmacometrics.md).")
    String specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results (created if missing).")
    String out;

    @Option(names = "--starts", paramLabel = "N", description = "Local fits from N points (the initial values and N-1 drawn within the bounds); overrides the spec.")
    Integer starts;

    @Option(names = "--profile", description = "Profile-likelihood intervals for every estimated parameter.")
    boolean profile;

    @Option(names = "--no-report", description = "Do not write report.html.")
    boolean noReport;

    @Mixin
    ParallelOptions parallel;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        FitSpec s = FitSpecReader.read(Path.of(specFile), runner);
        FitSpec.Options options = s.options().withThreads(parallel.threads());
        if (starts != null) {
            if (starts < 1 || starts > 10_000) {
                throw new UserException("--starts " + starts + ": must be from 1 to 10000");
            }
            options = options.withStarts(starts);
        }
        List<String> profiled = profile ? s.estimates().stream().map(e -> e.name()).toList() : s.profile();
        s = new FitSpec(s.scenario(), s.groups(), s.data(), s.transforms(), s.estimates(), s.error(), s.errors(), options, profiled);
        FitResult r;
        try {
            r = Fit.run(s, runner, root.session().monitor("fit"));
        } catch (IllegalArgumentException e) {
            throw new UserException(specFile + ": " + e.getMessage());
        } catch (Fit.FitException e) {
            spec.commandLine().getErr().println("osteon: fit failed: " + specFile + ": " + e.getMessage());
            return Osteon.EXIT_SIMULATION_FAILED;
        } finally {
            root.session().endProgress();
        }
        Path dir = Path.of(out);
        List<Curve> curves = Fit.curves(s, runner, r, 300);
        FitOutput.write(r, curves, dir);
        PrintWriter w = spec.commandLine().getOut();
        FitReport.print(r, w);
        if (!noReport) {
            FitReport.html(r, s, curves, runner).write(dir.resolve("report.html"));
        }
        w.println("wrote " + dir.resolve("estimates.csv") + ", residuals.csv, correlation.csv, predictions.csv, starts.csv,"
                + " fit.json" + (noReport ? "" : ", report.html"));
        return r.converged() ? 0 : Osteon.EXIT_SIMULATION_FAILED;
    }
}
