package org.osteon.trajectory;

import java.util.List;

/**
 * How a trajectory was computed: method, tolerances, work counters, and the times at which the
 * integrator was stopped and restarted (scenario switches, doses, events). Of the {@code restarts},
 * {@code continuations} are the segment boundaries where the state and the right-hand side were
 * continuous and a multistep method ({@code bdf}) kept its history instead of starting afresh.
 */
public record RunInfo(String method, double rtol, double atol, long acceptedSteps, long rejectedSteps,
                      long functionEvaluations, long jacobianEvaluations, long decompositions, long restarts,
                      boolean switchedToStiff, long eventsFired, double solveMillis, List<Double> restartTimes,
                      long continuations) {
    public RunInfo {
        restartTimes = List.copyOf(restartTimes);
    }

    /** A run without continuations (every restart started afresh). */
    public RunInfo(String method, double rtol, double atol, long acceptedSteps, long rejectedSteps,
                   long functionEvaluations, long jacobianEvaluations, long decompositions, long restarts,
                   boolean switchedToStiff, long eventsFired, double solveMillis, List<Double> restartTimes) {
        this(method, rtol, atol, acceptedSteps, rejectedSteps, functionEvaluations, jacobianEvaluations, decompositions,
                restarts, switchedToStiff, eventsFired, solveMillis, restartTimes, 0);
    }
}
