package org.osteon.trajectory;

/** How a trajectory was computed: method, tolerances and work counters. */
public record RunInfo(String method, double rtol, double atol, long acceptedSteps, long rejectedSteps,
                      long functionEvaluations, long jacobianEvaluations, long decompositions, long restarts,
                      boolean switchedToStiff, long eventsFired, double solveMillis) {
}
