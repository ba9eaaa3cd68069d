package org.osteon.simulation;

/**
 * Something done to a run at an exact time: a dose, or the start or end of a held parameter
 * value. The integrator stops there and restarts after it.
 */
public interface ScheduledChange {
    /** When the output at this time is recorded relative to the change. */
    enum Phase {
        /** Applied first, so the output at this time shows it (a window's start, a dose). */
        BEFORE_OUTPUT,
        /** Applied after the output at this time is recorded (a window's end: windows are inclusive). */
        AFTER_OUTPUT
    }

    double time();

    Phase phase();

    /** Short description for logs and explanations. */
    String label();

    void apply(double[] y, double[] p);

    /**
     * Changes the zero-order input rates that are added to the states' derivatives until changed
     * again (infusions); {@code inputRates[i]} is in state i's unit per model time unit. Most
     * changes leave them alone.
     */
    default void applyInputs(double[] y, double[] p, double[] inputRates) {
    }

    /** Whether this change touches the input rates (so the run adds them to the right-hand side). */
    default boolean changesInputs() {
        return false;
    }
}
