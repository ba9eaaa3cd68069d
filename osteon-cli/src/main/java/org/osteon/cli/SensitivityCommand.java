package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteon.analysis.Sensitivity;
import org.osteon.analysis.Summary;
import org.osteon.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code osteon sensitivity}: local normalised sensitivities of summary outputs to the parameters, ranked. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Local normalised sensitivities S = (dy/dp)(p/y): the %% change of each summary output y per",
                "%% change of each parameter p. Central differences at relative steps h and h/2 with Richardson",
                "extrapolation, solver tolerance tightened to rtol <= 1e-10; each S comes with an error estimate."})
final class SensitivityCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, model file, or built-in id.")
    String target;

    @Option(names = "--outputs", split = ",", required = true, paramLabel = "A,B", description = "Outputs to summarise.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--summary", paramLabel = "S", description = "final (default), min, max or mean.")
    String summary = "final";

    @Option(names = "--params", split = ",", paramLabel = "P,Q", description = "Parameters to perturb, or 'all' (default): every constant, non-zero parameter.")
    List<String> params = new ArrayList<>(List.of("all"));

    @Option(names = "--fd-step", paramLabel = "H", description = "Relative finite-difference step h (default 1e-3); h/2 is used too.")
    double step = Sensitivity.DEFAULT_STEP;

    @Mixin
    SimulationOptions simulation;

    @Mixin
    TableOutOptions table;

    @Option(names = "--plot", paramLabel = "FILE", description = "Bar chart of the ranked coefficients (FILE.png or FILE.svg; one per output).")
    String plot;

    @Mixin
    ReportOptions report;

    @Mixin
    ParallelOptions parallel;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        table.validate();
        OutputFiles.requireExtension("--plot", plot, PlotOptions.TYPES);
        report.validate();
        Summary s = AnalysisTarget.summary(summary);
        if (s.isTime()) {
            throw new UserException("--summary " + s.label() + ": a time of min/max is read off the output grid and moves"
                    + " in jumps, so it has no useful derivative; use 'osteon scan' to see how it changes");
        }
        int threads = parallel.threads();
        AnalysisTarget t = AnalysisTarget.resolve(target, simulation, outputs);
        List<String> perturbed = parameters(t);
        Sensitivity analysis;
        try {
            analysis = new Sensitivity(t.problems(), t.runner().settings(t.scenario()), threads).withStep(step);
        } catch (IllegalArgumentException e) {
            throw new UserException("--fd-step " + step + ": " + e.getMessage());
        }
        Sensitivity.Result r;
        try {
            r = analysis.run(perturbed, t.outputs(), s, root.session().monitor("sensitivity"));
        } catch (IllegalArgumentException e) {
            throw new UserException("--params: " + e.getMessage());
        } finally {
            root.session().endProgress();
        }
        PrintWriter out = spec.commandLine().getOut();
        OutputFiles files = new OutputFiles(root.session(), out, spec.commandLine().getErr(), List.of(t.scenario())).dataOnStdout(table.toStdout());
        table.write(SensitivityOutput.table(r, t), files, out);
        if (!table.toStdout()) {
            SensitivityOutput.print(r, t, out);
        }
        if (plot != null) {
            for (String o : t.outputs()) {
                files.figure(SensitivityOutput.figure(r, t, o), t.outputs().size() == 1 ? plot : OutputFiles.withSuffix(plot, o));
            }
        }
        if (report.wanted()) {
            files.report(SensitivityOutput.report(r, t), report.report);
        }
        return 0;
    }

    private List<String> parameters(AnalysisTarget t) {
        if (params.size() == 1 && params.get(0).equalsIgnoreCase("all")) {
            List<String> all = Sensitivity.candidates(t.base());
            if (all.isEmpty()) {
                throw new UserException("--params all: model '" + t.model().id() + "' has no constant, non-zero parameter");
            }
            return all;
        }
        for (String p : params) {
            if (!t.symbolsOfModel().contains(p)) {
                throw new UserException("--params: model '" + t.model().id() + "' has no parameter '" + p + "'"
                        + Suggestions.didYouMean(p, t.symbolsOfModel()));
            }
        }
        return List.copyOf(params);
    }
}
