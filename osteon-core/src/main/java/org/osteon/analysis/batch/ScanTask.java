package org.osteon.analysis.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.analysis.Axis;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.ScanResult;
import org.osteon.analysis.SteadyStart;
import org.osteon.analysis.Summary;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * A parameter scan as an {@link IndexedTask}, for engines other than the local thread pool: point
 * k of the grid (x fastest) simulated from the scenario's recipe, as {@link org.osteon.analysis.Scan}
 * does locally, giving the same numbers.
 */
public record ScanTask(ScenarioRecipe scenario, Axis x, Axis y, List<String> outputs, Summary summary,
                       InitialState initial) implements IndexedTask<ScanTask.Point> {
    /** The summaries at one point, or NaNs and the reason its run failed. */
    public record Point(double[] values, String failure) implements Serializable {
    }

    public ScanTask {
        outputs = List.copyOf(outputs);
    }

    public int points() {
        return x.size() * (y == null ? 1 : y.size());
    }

    /** Point k with a workspace of its own; the same numbers as {@link #apply(int, SimulationWorkspace)}. */
    @Override
    public Point apply(int k) {
        return apply(k, new SimulationWorkspace());
    }

    /**
     * Point k, solved with the calling worker's workspace and recording only the scanned outputs,
     * as {@link org.osteon.analysis.Scan} does; the scenario is compiled and its problem factory
     * built once per JVM.
     */
    @Override
    public Point apply(int k, SimulationWorkspace workspace) {
        Prepared prepared = prepared();
        Map<String, Double> m = new HashMap<>(4);
        m.put(x.symbol(), x.value(k % x.size()));
        if (y != null) {
            m.put(y.symbol(), y.value(k / x.size()));
        }
        double[] row = new double[outputs.size()];
        try {
            Trajectory tr = Simulator.solve(prepared.problems().problem(m), prepared.settings(), workspace, outputs);
            for (int o = 0; o < row.length; o++) {
                row[o] = summary.of(tr, outputs.get(o));
            }
            return new Point(row, null);
        } catch (RuntimeException e) {
            Arrays.fill(row, Double.NaN);
            return new Point(row, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** What every point of a scan of this scenario and initial state shares, built once per JVM. */
    private record Prepared(ProblemFactory problems, SolverSettings settings) {
    }

    private record PreparedKey(ScenarioRecipe scenario, InitialState initial) {
    }

    private static final Map<PreparedKey, Prepared> PREPARED = new ConcurrentHashMap<>();

    private Prepared prepared() {
        PreparedKey key = new PreparedKey(scenario, initial);
        Prepared p = PREPARED.get(key);
        if (p == null) {
            ModelCatalog catalog = ModelCatalogs.discover();
            ScenarioRecipe.Resolved r = scenario.resolve(catalog);
            ScenarioRunner runner = new ScenarioRunner(catalog);
            p = new Prepared(SteadyStart.of(ProblemFactory.of(runner, r.scenario(), r.model()), initial),
                    runner.settings(r.scenario()));
            if (PREPARED.size() > 64) {
                PREPARED.clear(); // a long-lived JVM running many scans; building again is cheap
            }
            PREPARED.put(key, p);
        }
        return p;
    }

    /** Runs the scan on {@code engine}. */
    public ScanResult run(Engine engine, Monitor monitor) {
        List<Point> rows = engine.map(this, points(), monitor);
        double[][] values = new double[outputs.size()][rows.size()];
        List<ScanResult.Failure> failures = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            for (int o = 0; o < outputs.size(); o++) {
                values[o][k] = rows.get(k).values()[o];
            }
            if (rows.get(k).failure() != null) {
                failures.add(new ScanResult.Failure(k, x.value(k % x.size()), y == null ? Double.NaN
                        : y.value(k / x.size()), rows.get(k).failure()));
            }
        }
        return new ScanResult(x, y, outputs, summary, values, failures);
    }
}
