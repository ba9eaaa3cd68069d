package org.osteon.trajectory;

import java.util.List;

/**
 * How a trajectory was computed: method, tolerances, work counters, and the times at which the
 * integrator was stopped and restarted (scenario switches, doses, events).
 */
public record RunInfo(String method, double rtol, double atol, long acceptedSteps, long rejectedSteps,
                      long functionEvaluations, long jacobianEvaluations, long decompositions, long restarts,
                      boolean switchedToStiff, long eventsFired, double solveMillis, List<Double> restartTimes) {
    public RunInfo {
        restartTimes = List.copyOf(restartTimes);
    }
}
