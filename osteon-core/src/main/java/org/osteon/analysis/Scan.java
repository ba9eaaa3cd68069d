package org.osteon.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * A parameter scan: one simulation per grid point, in parallel, each reduced to summary values of
 * chosen outputs. The model is compiled once by the caller; each point only builds a new problem
 * (new parameter vector and initial state), which is cheap.
 *
 * <pre>{@code
 * ProblemFactory problems = ProblemFactory.of(runner, scenario, runner.model(scenario));
 * ScanResult r = new Scan(problems, runner.settings(scenario), Parallel.defaultThreads())
 *         .run(Axis.logarithmic("K_D8", 1, 100, 50), null, List.of("OCa"), Summary.MAX, Monitor.NONE);
 * }</pre>
 */
public final class Scan {
    private final ProblemFactory problems;
    private final SolverSettings settings;
    private final int threads;

    public Scan(ProblemFactory problems, SolverSettings settings, int threads) {
        this.problems = Objects.requireNonNull(problems);
        this.settings = Objects.requireNonNull(settings);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Runs the scan. Names and outputs are checked before the first run, so a typo fails at once;
     * a point whose run fails later (solver failure, invalid value) becomes NaN and a
     * {@link ScanResult.Failure}.
     *
     * @param y second axis, or null for a 1-D scan
     * @throws IllegalArgumentException or {@link org.osteon.scenario.ScenarioException} for unknown names
     * @throws java.util.concurrent.CancellationException if the monitor cancels
     */
    public ScanResult run(Axis x, Axis y, List<String> outputs, Summary summary, Monitor monitor) {
        Objects.requireNonNull(x, "x");
        if (y != null && y.symbol().equals(x.symbol())) {
            throw new IllegalArgumentException("both scan axes are '" + x.symbol() + "': scan two different symbols");
        }
        long points = (long) x.size() * (y == null ? 1 : y.size());
        if (points > Axis.MAX_POINTS) {
            throw new IllegalArgumentException("a scan of " + points + " points is too large (at most " + Axis.MAX_POINTS + ")");
        }
        List<String> outs = List.copyOf(outputs);
        Outputs.check(problems.problem(overrides(x, y, 0)), outs);
        int nx = x.size();
        // one workspace per worker thread, reused for all its points; each run records only the outputs kept
        List<Point> rows = Parallel.map((int) points, threads, monitor, SimulationWorkspace::new,
                (workspace, k) -> point(x, y, outs, summary, k, workspace));
        double[][] values = new double[outs.size()][(int) points];
        List<ScanResult.Failure> failures = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            Point row = rows.get(k);
            for (int o = 0; o < outs.size(); o++) {
                values[o][k] = row.values()[o];
            }
            if (row.failure() != null) {
                failures.add(new ScanResult.Failure(k, x.value(k % nx), y == null ? Double.NaN : y.value(k / nx),
                        row.failure()));
            }
        }
        return new ScanResult(x, y, outs, summary, values, failures);
    }

    private record Point(double[] values, String failure) {
    }

    private static Map<String, Double> overrides(Axis x, Axis y, int k) {
        Map<String, Double> m = new HashMap<>(4);
        m.put(x.symbol(), x.value(k % x.size()));
        if (y != null) {
            m.put(y.symbol(), y.value(k / x.size()));
        }
        return m;
    }

    /** The summaries at point k, or NaNs and the reason the run failed. */
    private Point point(Axis x, Axis y, List<String> outputs, Summary summary, int k, SimulationWorkspace workspace) {
        try {
            SimulationProblem p = problems.problem(overrides(x, y, k));
            Trajectory tr = Simulator.solve(p, settings, workspace, outputs);
            double[] row = new double[outputs.size()];
            for (int o = 0; o < row.length; o++) {
                row[o] = summary.of(tr, outputs.get(o));
            }
            return new Point(row, null);
        } catch (RuntimeException e) {
            double[] row = new double[outputs.size()];
            java.util.Arrays.fill(row, Double.NaN);
            return new Point(row, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
