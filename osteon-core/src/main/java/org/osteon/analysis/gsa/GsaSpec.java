package org.osteon.analysis.gsa;

import java.util.List;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.sampling.JointDistribution;

/**
 * A global sensitivity analysis: a scenario, the parameters that vary (independent distributions)
 * and the output measures, analysed by Sobol indices or Morris elementary effects.
 *
 * @param n          Sobol: base samples N (cost N (d+2) runs); Morris: trajectories r (cost r (d+1))
 * @param resamples  bootstrap resamples for the intervals
 * @param confidence coverage of the intervals, e.g. 0.95
 * @param levels     Morris grid levels (even)
 */
public record GsaSpec(String name, ScenarioRecipe scenario, Method method, int n, long seed, JointDistribution factors,
                      List<Measure> measures, InitialState initial, int resamples, double confidence, int levels) {
    /** Which analysis. */
    public enum Method {
        SOBOL, MORRIS
    }

    /** Unbounded distributions are cut to these quantiles for the Morris grid (whose ends are 0 and 1). */
    public static final double MORRIS_TAIL = 0.005;

    public GsaSpec {
        measures = List.copyOf(measures);
    }

    public GsaSpec with(Integer newN, Long newSeed) {
        return new GsaSpec(name, scenario, method, newN != null ? newN : n, newSeed != null ? newSeed : seed, factors,
                measures, initial, resamples, confidence, levels);
    }
}
