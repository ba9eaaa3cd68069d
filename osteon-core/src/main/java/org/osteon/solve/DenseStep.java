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

    /**
     * Writes at least the listed components of the interpolated state at {@code t} into
     * {@code out}, each the same number {@link #interpolate(double, double[])} writes; the other
     * components may be left as they were. For a caller that needs a few states at many times (a run
     * recording three outputs that read four of 46 states). The default interpolates all.
     */
    default void interpolate(double t, double[] out, int[] components) {
        interpolate(t, out);
    }
}
