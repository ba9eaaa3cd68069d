package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteon.analysis.Axis;
import org.osteon.analysis.Scan;
import org.osteon.analysis.ScanResult;
import org.osteon.analysis.Summary;
import org.osteon.report.Figure;
import org.osteon.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code osteon scan}: summary outputs over a 1-D or 2-D grid of parameter values, in parallel. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scan one or two parameters (or initial values) and summarise chosen outputs of each run:",
                "a line plot for one parameter, a heat map (one per output) for two. The model is compiled once and",
                "the runs share all cores. A run that fails gives NaN and is counted in a warning."})
final class ScanCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, model file, or built-in id.")
    String target;

    @Option(names = "--param", required = true, paramLabel = "NAME", description = "Parameter (or state, for its initial value) to scan.")
    String param;

    @Option(names = "--from", required = true, paramLabel = "X", description = "First value.")
    double from;

    @Option(names = "--to", required = true, paramLabel = "Y", description = "Last value.")
    double to;

    @Option(names = "--points", paramLabel = "N", description = "Number of values (default 20).")
    int points = 20;

    @Option(names = "--log", description = "Space the values evenly on a log scale.")
    boolean log;

    @Option(names = "--param2", paramLabel = "NAME", description = "Second parameter, for a 2-D scan.")
    String param2;

    @Option(names = "--from2", paramLabel = "X", description = "First value of the second parameter.")
    Double from2;

    @Option(names = "--to2", paramLabel = "Y", description = "Last value of the second parameter.")
    Double to2;

    @Option(names = "--points2", paramLabel = "N", description = "Number of values of the second parameter (default 20).")
    int points2 = 20;

    @Option(names = "--log2", description = "Log spacing for the second parameter.")
    boolean log2;

    @Option(names = "--outputs", split = ",", required = true, paramLabel = "A,B", description = "Outputs to summarise.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--summary", paramLabel = "S", description = "final (default), min, max, time-of-min, time-of-max or mean.")
    String summary = "final";

    @Option(names = "--initial", paramLabel = "scenario|steady-state", description = "Where each point starts: the"
            + " scenario's initial values (default) or the steady state of the point's own parameters.")
    String initial = "scenario";

    @Mixin
    SimulationOptions simulation;

    @Mixin
    TableOutOptions table;

    @Mixin
    PlotOptions plot;

    @Mixin
    ReportOptions report;

    @Mixin
    ParallelOptions parallel;

    @Mixin
    EngineOptions engineOptions;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        table.validate();
        plot.validate();
        report.validate();
        Summary s = AnalysisTarget.summary(summary);
        int threads = parallel.threads();
        AnalysisTarget t = AnalysisTarget.resolve(target, simulation, outputs);
        Axis x = axis("--param", param, from, to, points, log, t);
        Axis y = null;
        if (param2 != null) {
            if (from2 == null || to2 == null) {
                throw new UserException("--param2 " + param2 + " needs --from2 and --to2");
            }
            y = axis("--param2", param2, from2, to2, points2, log2, t);
        } else if (from2 != null || to2 != null) {
            throw new UserException("--from2/--to2 given without --param2");
        }
        org.osteon.analysis.InitialState start;
        try {
            start = org.osteon.analysis.InitialState.parse(initial);
        } catch (IllegalArgumentException e) {
            throw new UserException("--initial " + initial + ": " + e.getMessage());
        }
        ScanResult r;
        try {
            if (engineOptions.engine.equals("local")) {
                engineOptions.open(threads).close(); // checks --master
                r = new Scan(org.osteon.analysis.SteadyStart.of(t.problems(), start), t.runner().settings(t.scenario()),
                        threads).run(x, y, t.outputs(), s, root.session().monitor("scan"));
            } else {
                org.osteon.analysis.batch.ScenarioRecipe recipe = org.osteon.analysis.batch.ScenarioRecipe.of(target,
                        t.runner().catalog(), simulation.overrides());
                try (org.osteon.analysis.batch.Engine engine = engineOptions.open(threads)) {
                    r = new org.osteon.analysis.batch.ScanTask(recipe, x, y, t.outputs(), s, start)
                            .run(engine, root.session().monitor("scan"));
                }
            }
        } finally {
            root.session().endProgress();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!r.failures().isEmpty()) {
            ScanResult.Failure f = r.failures().get(0);
            err.println("warning: " + r.failures().size() + " of " + r.points() + " runs failed and are NaN; first at "
                    + x.symbol() + "=" + TextTable.number(f.x()) + (y == null ? "" : ", " + y.symbol() + "=" + TextTable.number(f.y()))
                    + ": " + f.message());
        }
        OutputFiles files = new OutputFiles(root.session(), out, err, List.of(t.scenario())).dataOnStdout(table.toStdout());
        DataTable data = ScanOutput.table(r);
        table.write(data, files, out);
        if (table.out == null) {
            data.text().print(out, "");
        }
        if (plot.wanted()) {
            List<Figure> figures = ScanOutput.figures(r, t, plot);
            for (int i = 0; i < figures.size(); i++) {
                files.figure(figures.get(i), figures.size() == 1 ? plot.plot : OutputFiles.withSuffix(plot.plot, r.outputs().get(i)));
            }
        }
        if (report.wanted()) {
            files.report(ScanOutput.report(r, t, data, plot), report.report);
        }
        return 0;
    }

    private static Axis axis(String option, String name, double a, double b, int n, boolean logarithmic, AnalysisTarget t) {
        if (!t.symbolsOfModel().contains(name)) {
            throw new UserException(option + ": model '" + t.model().id() + "' has no parameter or state '" + name + "'"
                    + Suggestions.didYouMean(name, t.symbolsOfModel()));
        }
        try {
            return logarithmic ? Axis.logarithmic(name, a, b, n) : Axis.linear(name, a, b, n);
        } catch (IllegalArgumentException e) {
            throw new UserException(option + " " + name + ": " + e.getMessage());
        }
    }
}
