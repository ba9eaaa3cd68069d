package org.osteon.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;

/**
 * Data simulated from a model at known parameter values with seeded Gaussian noise of a given
 * error model: for checking that a design can recover its parameters (and for Osteon's own
 * recovery tests).
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * @param names  parameters (or states) set to {@code truth} for the run
     * @param times  observation times in the model's time unit (within the scenario's span)
     */
    public static DataSet generate(ScenarioRunner runner, Scenario scenario, List<String> names, double[] truth,
                                   List<String> outputs, double[] times, ErrorModel error, long seed) {
        double[] t = ModelPredictor.sorted(times);
        ModelPredictor p = new ModelPredictor(runner, scenario, names, truth, outputs, t,
                runner.settings(scenario).withTolerances(1e-10, 1e-14));
        double[][] exact = p.predict(truth, false).values();
        SplittableRandom rng = new SplittableRandom(seed);
        List<Observation> rows = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            for (int i = 0; i < t.length; i++) {
                double y = exact[o][i];
                double sd = Math.sqrt(error.additive() * error.additive() + Math.pow(error.proportional() * y, 2));
                rows.add(new Observation(DataSet.DEFAULT_GROUP, outputs.get(o), t[i], y + sd * gaussian(rng), Double.NaN,
                        "synthetic seed " + seed));
            }
        }
        return DataSet.of("synthetic data (seed " + seed + ")", rows);
    }

    /** A standard normal deviate (Box-Muller). */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
