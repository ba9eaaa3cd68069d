package org.osteon.compile;

/**
 * An event of a compiled model, seen by the simulation driver. The trigger is a boolean of
 * (t, y, p); its <em>guards</em> are continuous functions whose zero crossings are the only
 * places the trigger can change, so the driver finds firing times by root finding on them.
 * A guard of the form {@code time - c(p)} reports {@code c} through {@link #guardTime}, and the
 * driver then stops exactly there instead of searching.
 */
public interface CompiledEvent {
    String id();

    boolean trigger(double t, double[] y, double[] p);

    int guardCount();

    double guard(int k, double t, double[] y, double[] p);

    /** For a pure time guard {@code time - c(p)}: c; otherwise NaN. */
    double guardTime(int k, double[] p);

    /** Trigger value assumed just before the start of a simulation. */
    boolean initialValue();

    /** If false, a pending delayed firing is dropped when the trigger turns false. */
    boolean persistent();

    boolean useValuesFromTriggerTime();

    /** Delay between trigger and execution; 0 when the event has none. */
    double delay(double t, double[] y, double[] p);

    /** Priority among simultaneous events (higher first); 0 when the event has none. */
    double priority(double t, double[] y, double[] p);

    /** Whether the event has a priority expression (ties between explicit priorities are broken at random). */
    default boolean hasPriority() {
        return false;
    }

    /** Evaluates the right-hand sides of all assignments at the given state. */
    double[] evaluateAssignments(double t, double[] y, double[] p);

    /** Writes values from {@link #evaluateAssignments} into their targets. */
    void apply(double[] values, double[] y, double[] p);

    /**
     * As {@link #apply(double[], double[], double[])}, at time t: what the simulation calls. Events
     * whose effect depends on the time (SBML events that resize a compartment given by a rule)
     * override it.
     */
    default void apply(double t, double[] values, double[] y, double[] p) {
        apply(values, y, p);
    }

    /**
     * Whether this event fires after the output at its instant is recorded (default: before, so
     * the output shows its effect). Java parts that model end-of-day bookkeeping, which must not
     * show in that day's output, return true.
     */
    default boolean afterOutput() {
        return false;
    }
}
