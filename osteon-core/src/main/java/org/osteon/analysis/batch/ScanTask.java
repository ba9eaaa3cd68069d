package org.osteon.analysis.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osteon.analysis.Axis;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.ScanResult;
import org.osteon.analysis.SteadyStart;
import org.osteon.analysis.Summary;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.Simulator;
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

    @Override
    public Point apply(int k) {
        ScenarioRecipe.Resolved r = scenario.resolve(ModelCatalogs.discover());
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        ProblemFactory problems = SteadyStart.of(ProblemFactory.of(runner, r.scenario(), r.model()), initial);
        Map<String, Double> m = new HashMap<>(4);
        m.put(x.symbol(), x.value(k % x.size()));
        if (y != null) {
            m.put(y.symbol(), y.value(k / x.size()));
        }
        double[] row = new double[outputs.size()];
        try {
            Trajectory tr = Simulator.solve(problems.problem(m), runner.settings(r.scenario()));
            for (int o = 0; o < row.length; o++) {
                row[o] = summary.of(tr, outputs.get(o));
            }
            return new Point(row, null);
        } catch (RuntimeException e) {
            Arrays.fill(row, Double.NaN);
            return new Point(row, e.getMessage() == null ? e.toString() : e.getMessage());
        }
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
