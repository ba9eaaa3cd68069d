package org.osteon.solve;

/**
 * One accepted integration step with its continuous extension (dense output), valid between
 * {@link #startTime()} and {@link #endTime()}. Only valid during the listener call that received it.
 */
public interface DenseStep {
    double startTime();

    double endTime();

    /** State at the end of the step (do not modify). */
    double[] endState();

    /** Writes the interpolated state at time {@code t} (within the step) into {@code out}. */
    void interpolate(double t, double[] out);
}
