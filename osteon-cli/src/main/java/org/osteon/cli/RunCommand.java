package org.osteon.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Variable;
import org.osteon.report.Figure;
import org.osteon.report.HtmlReport;
import org.osteon.report.NamedTrajectory;
import org.osteon.report.Plots;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.CsvWriter;
import org.osteon.trajectory.JsonWriter;
import org.osteon.trajectory.TimeUnits;
import org.osteon.trajectory.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code osteon run}: simulate a scenario, a model file or a built-in model and write its trajectory, plot and report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate and write the trajectory (CSV, TSV or JSON), a plot and an HTML report.",
                "TARGET is a scenario (.yaml), a model file (.ant), or a built-in model or scenario id.",
                "Without --out, --plot or --report the trajectory goes to out/<name>.csv."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET", description = "Scenario file, model file, or built-in id.")
    String target;

    @Mixin
    SimulationOptions simulation;

    @Option(names = "--out", paramLabel = "FILE", description = "Trajectory file (.csv, .tsv or .json), or - for standard output.")
    String out;

    @Option(names = "--format", paramLabel = "FMT", description = "csv, tsv or json; for --out - (default csv) or to override the extension.")
    String format;

    @Mixin
    PlotOptions plot;

    @Mixin
    ReportOptions report;

    @Mixin
    TimeLimitOption timeLimit;

    @Option(names = "--time-unit", paramLabel = "UNIT", description = "Show times in this unit: day, week, month or year"
            + " (also hour, minute, second), in the table and on the plot's time axis. --until and --step stay in the"
            + " model's time unit. Default: the model's time unit.")
    String timeUnit;

    @Option(names = "--units", paramLabel = "WHERE", description = "Units of the CSV or TSV columns: none (default),"
            + " header (time [day], BV_change [%%]) or row (a second header row); '-' where the model declares no unit.")
    String units = "none";

    @Option(names = "--repeat", paramLabel = "N", description = "After a warm-up, solve N more times and print solve_ms_median=<ms> on stderr.")
    int repeat;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        plot.validate();
        report.validate();
        if (repeat < 0) {
            throw new UserException("--repeat " + repeat + ": must be 0 or more");
        }
        String file = out;
        String fmt = format(out);
        CsvWriter.Units unitsWhere = unitsWhere();
        if (timeUnit != null && TimeUnits.canonical(timeUnit) == null) {
            throw new UserException("--time-unit " + timeUnit + ": use one of " + String.join(", ", TimeUnits.names()));
        }
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario scenario = simulation.apply(Targets.resolve(target, runner.catalog()));
        String name = Targets.name(scenario, target);
        if (out == null && !plot.wanted() && !report.wanted()) {
            file = "out/" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
            fmt = "csv";
        }
        CompiledModel model = runner.model(scenario);
        UnitCheck.warnIfInconsistent(runner.definition(scenario), spec.commandLine().getErr());
        SimulationProblem problem = runner.problem(scenario, model);
        SolverSettings settings = runner.settings(scenario);
        List<String> plotted = plotted(scenario, problem);
        // Only what is written or drawn is recorded: the scenario's columns and the plotted ones.
        List<String> kept = kept(scenario, problem, plotted);
        Trajectory full = Simulator.solve(problem, settings, timeLimit.start(root.session()), kept);
        if (timeUnit != null) {
            try {
                full = TimeUnits.convert(full, timeUnit);
            } catch (IllegalArgumentException e) {
                throw new UserException("--time-unit " + timeUnit + ": " + e.getMessage());
            }
        }
        Trajectory trajectory = ScenarioRunner.select(full, scenario);
        root.session().checkCancelled();
        if (repeat > 0) {
            spec.commandLine().getErr().println("solve_ms_median=" + String.format(Locale.ROOT, "%.4f", medianSolveMillis(problem, settings, kept, repeat)));
        }
        OutputFiles files = new OutputFiles(root.session(), spec.commandLine().getOut(), spec.commandLine().getErr(), List.of(scenario))
                .dataOnStdout("-".equals(file));
        if (file != null) {
            write(trajectory, file, fmt, files, unitsWhere);
        }
        NamedTrajectory run = new NamedTrajectory(name, full);
        Figure figure = plot.wanted() || report.wanted()
                ? Plots.timeSeries(List.of(run), plot.spec(name, plotted.size()).withSeries(plotted)) : null;
        if (plot.wanted()) {
            files.figure(figure, plot.plot);
        }
        if (report.wanted()) {
            ModelInfo info = ModelInfo.of(scenario, runner);
            NamedTrajectory shown = new NamedTrajectory(name, trajectory);
            HtmlReport html = HtmlReport.titled(name)
                    .description(Reports.description(scenario, info))
                    .model(info.summary())
                    .figure("Time courses", figure)
                    .outputs(List.of(shown))
                    .solverStatistics(List.of(shown))
                    .section("Scenario", ScenarioTable.of(scenario, runner));
            files.report(html, report.report);
        }
        return 0;
    }

    /** The symbols to draw: --plot-outputs, else the scenario's outputs, else the states. */
    private List<String> plotted(Scenario scenario, SimulationProblem problem) {
        CompiledModel model = problem.model();
        List<String> ids = !plot.outputs.isEmpty() ? plot.outputs
                : !scenario.outputs().isEmpty() ? scenario.outputs()
                : model.layout().states().stream().map(Variable::id).toList();
        return Targets.checkOutputs("--plot-outputs", ids, problem);
    }

    private String format(String file) {
        String fmt = format != null ? format.toLowerCase(Locale.ROOT)
                : file == null || file.equals("-") ? "csv" : OutputFiles.extension(file);
        if (!fmt.equals("csv") && !fmt.equals("tsv") && !fmt.equals("json")) {
            throw new UserException("unknown output format '" + fmt + "': use .csv, .tsv or .json (or --format)");
        }
        return fmt;
    }

    /** The columns the run records: those the scenario shows, then the plotted ones it does not. */
    static List<String> kept(Scenario scenario, SimulationProblem problem, List<String> plotted) {
        java.util.LinkedHashSet<String> kept = new java.util.LinkedHashSet<>(ScenarioRunner.recorded(scenario, problem));
        kept.addAll(plotted);
        return List.copyOf(kept);
    }

    /**
     * Median wall time of {@code n} solves recording the {@code kept} columns, as the command does,
     * after the JIT has warmed up (at least 0.5 s or 20 solves).
     */
    static double medianSolveMillis(SimulationProblem problem, SolverSettings settings, List<String> kept, int n) {
        long warmEnd = System.nanoTime() + 500_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warmEnd; i++) {
            Simulator.solve(problem, settings, org.osteon.solve.Cancellation.NONE, kept);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Simulator.solve(problem, settings, org.osteon.solve.Cancellation.NONE, kept);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return n % 2 == 1 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]);
    }

    private CsvWriter.Units unitsWhere() {
        return switch (units.toLowerCase(Locale.ROOT)) {
            case "none" -> CsvWriter.Units.NONE;
            case "header" -> CsvWriter.Units.HEADER;
            case "row" -> CsvWriter.Units.ROW;
            default -> throw new UserException("--units " + units + ": use none, header or row");
        };
    }

    private void write(Trajectory tr, String file, String fmt, OutputFiles files, CsvWriter.Units unitsWhere) throws IOException {
        if (file.equals("-")) {
            java.io.PrintWriter stdout = spec.commandLine().getOut();
            if (fmt.equals("json")) {
                JsonWriter.write(tr, stdout);
                stdout.println();
            } else {
                CsvWriter.write(tr, stdout, fmt.equals("tsv") ? '\t' : ',', unitsWhere);
            }
            stdout.flush();
            return;
        }
        List<String> ids = new ArrayList<>();
        tr.columns().stream().map(c -> c.id()).limit(8).forEach(ids::add);
        files.write(Path.of(file), os -> writeFormat(tr, fmt, os, unitsWhere), tr.size() + " rows, " + (tr.columns().size() + 1)
                + " columns: time, " + String.join(", ", ids) + (tr.columns().size() > 8 ? ", ..." : ""));
    }

    private static void writeFormat(Trajectory tr, String fmt, java.io.OutputStream os, CsvWriter.Units unitsWhere) throws IOException {
        if (fmt.equals("json")) {
            JsonWriter.write(tr, os);
        } else {
            CsvWriter.write(tr, os, fmt.equals("tsv") ? '\t' : ',', unitsWhere);
        }
    }
}
