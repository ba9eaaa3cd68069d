package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.osteon.analysis.Comparison;
import org.osteon.analysis.Parallel;
import org.osteon.compile.Variable;
import org.osteon.report.Figure;
import org.osteon.report.NamedTrajectory;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code osteon compare}: several scenarios overlaid, as values or as % change from a baseline run. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run several scenarios and compare them on one time grid: absolute values, or %% change",
                "from the baseline run at each time. The grid is the baseline's; runs with another grid are",
                "resampled onto it (linear interpolation, a note says which). --until and --step give all runs one grid."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Scenario files, model files or built-in ids (at least two).")
    List<String> targets;

    @Option(names = "--baseline", paramLabel = "NAME", description = "The run the others are compared with: a scenario name or one of the arguments (default: the first).")
    String baseline;

    @Option(names = "--change", paramLabel = "KIND", description = "absolute (default) or percent: %% change from the baseline at each time.")
    String change = "absolute";

    @Option(names = "--outputs", split = ",", paramLabel = "A,B", description = "Outputs to compare (default: those all scenarios output).")
    List<String> outputs = new ArrayList<>();

    @Mixin
    TimeLimitOption timeLimit;

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

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Run(String name, String target, Scenario scenario, SimulationProblem problem) {
    }

    @Override
    public Integer call() throws IOException {
        Comparison.Change kind = change();
        table.validate();
        plot.validate();
        report.validate();
        int threads = parallel.threads();
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        List<Run> runs = baselineFirst(prepare(runner));
        PrintWriter err = spec.commandLine().getErr();
        List<Trajectory> solved;
        try {
            solved = Parallel.map(runs.size(), threads, root.session().monitor("compare"), i -> solve(runs.get(i), runner));
        } finally {
            root.session().endProgress();
        }
        List<String> names = runs.stream().map(Run::name).toList();
        List<Trajectory> full = solved.stream().map(t -> t.withoutKinds(Set.of(Variable.Kind.FLUX))).toList();
        Comparison comparison = Comparison.of(names, full, 0);
        List<String> symbols = symbols(runs, solved, comparison);
        if (!comparison.resampled().isEmpty()) {
            err.println("note: the runs have different time grids; " + String.join(", ", comparison.resampled())
                    + " resampled onto the grid of " + names.get(0) + " by linear interpolation (empty outside a run's own"
                    + " time span). Give --until and --step to run all on one grid.");
        }
        List<String> plotted = plot.outputs.isEmpty() ? symbols : checkCommon("--plot-outputs", plot.outputs, comparison);
        OutputFiles files = new OutputFiles(root.session(), spec.commandLine().getOut(), err, runs.stream().map(Run::scenario).toList()).dataOnStdout(table.toStdout());
        table.write(ComparisonOutput.table(comparison, symbols, kind), files, spec.commandLine().getOut());
        if (!table.toStdout()) {
            ComparisonOutput.summary(comparison, symbols).print(spec.commandLine().getOut(), "");
        }
        List<NamedTrajectory> named = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            named.add(new NamedTrajectory(names.get(r), comparison.aligned(r)));
        }
        Figure figure = null;
        if (plot.wanted() || report.wanted()) {
            PlotSpec ps = plot.spec(ComparisonOutput.title(comparison, kind), plotted.size()).withSeries(plotted);
            figure = Plots.timeSeries(named, kind == Comparison.Change.PERCENT
                    ? ps.withPercentChange(PlotSpec.Baseline.FIRST_RUN) : ps);
        }
        if (plot.wanted()) {
            files.figure(figure, plot.plot);
        }
        if (report.wanted()) {
            List<List<String>> rows = new ArrayList<>();
            for (Run r : runs) {
                rows.add(List.of(r.name(), r.scenario().source() == null ? r.target() : r.scenario().source(),
                        r.scenario().model(), r.scenario().description() == null ? "" : r.scenario().description()));
            }
            ModelInfo info = ModelInfo.of(runs.get(0).scenario(), runner);
            files.report(ComparisonOutput.report(comparison, kind, symbols, named, figure, info, rows), report.report);
        }
        return 0;
    }

    private Comparison.Change change() {
        String c = change.toLowerCase(Locale.ROOT);
        if (c.equals("absolute")) {
            return Comparison.Change.ABSOLUTE;
        }
        if (c.equals("percent") || c.equals("%")) {
            return Comparison.Change.PERCENT;
        }
        throw new UserException("--change " + change + ": use absolute or percent");
    }

    /** Every scenario resolved, compiled and turned into a problem before any run: typos fail at once. */
    private List<Run> prepare(ScenarioRunner runner) {
        List<Run> runs = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (String t : targets) {
            Scenario s = simulation.apply(Targets.resolve(t, runner.catalog()));
            String name = Targets.name(s, t);
            for (int k = 2; used.contains(name); k++) {
                name = Targets.name(s, t) + "#" + k;
            }
            used.add(name);
            runs.add(new Run(name, t, s, runner.problem(s, runner.model(s))));
        }
        return runs;
    }

    private List<Run> baselineFirst(List<Run> runs) {
        if (baseline == null) {
            return runs;
        }
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.name().equals(baseline) || r.target().equals(baseline)) {
                List<Run> out = new ArrayList<>(runs);
                out.add(0, out.remove(i));
                return out;
            }
        }
        throw new UserException("--baseline " + baseline + ": not one of the runs" + Suggestions.didYouMean(baseline,
                runs.stream().map(Run::name).toList()) + "; the runs are " + String.join(", ", runs.stream().map(Run::name).toList()));
    }

    private Trajectory solve(Run run, ScenarioRunner runner) {
        try {
            return Simulator.solve(run.problem(), runner.settings(run.scenario()), timeLimit.start(root.session()));
        } catch (SolverException e) {
            throw new SolverException(e.reason(), e.time(), e.component(), e.componentName(), run.name() + ": " + e.getMessage());
        }
    }

    /** --outputs, else what every scenario outputs (all it shows, for scenarios without an outputs list). */
    private List<String> symbols(List<Run> runs, List<Trajectory> solved, Comparison comparison) {
        if (!outputs.isEmpty()) {
            return checkCommon("--outputs", outputs, comparison);
        }
        List<String> common = new ArrayList<>();
        Trajectory first = ScenarioRunner.select(solved.get(0), runs.get(0).scenario());
        for (var c : first.columns()) {
            boolean everywhere = true;
            for (int r = 1; r < runs.size(); r++) {
                everywhere &= ScenarioRunner.select(solved.get(r), runs.get(r).scenario()).has(c.id());
            }
            if (everywhere) {
                common.add(c.id());
            }
        }
        if (common.isEmpty()) {
            throw new UserException("the scenarios have no output in common; choose some with --outputs");
        }
        return common;
    }

    private static List<String> checkCommon(String option, List<String> names, Comparison comparison) {
        for (String n : names) {
            if (!comparison.symbols().contains(n)) {
                throw new UserException(option + ": '" + n + "' is not an output of every run"
                        + Suggestions.didYouMean(n, comparison.symbols()));
            }
        }
        return List.copyOf(names);
    }
}
