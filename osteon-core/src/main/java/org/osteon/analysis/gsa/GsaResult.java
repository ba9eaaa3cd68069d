package org.osteon.analysis.gsa;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a sensitivity analysis: per measure, Sobol indices or Morris effects (the other
 * list holds nulls), and the runs that failed.
 */
public record GsaResult(GsaSpec spec, List<Sobol.Indices> sobol, List<Morris.Effects> morris, int evaluations,
                        int failures, String firstFailure, double seconds, String engine) {
    public GsaResult {
        sobol = java.util.Collections.unmodifiableList(new ArrayList<>(sobol));
        morris = java.util.Collections.unmodifiableList(new ArrayList<>(morris));
    }

    public List<String> factors() {
        return spec.factors().names();
    }
}
