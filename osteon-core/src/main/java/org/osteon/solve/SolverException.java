package org.osteon.solve;

/**
 * A solver could not deliver an answer at the requested accuracy. It always says when, and for
 * which state when one is to blame, so no silently wrong numbers reach the user.
 */
public class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the solver stopped. */
    public enum Reason {
        STEP_SIZE_UNDERFLOW, NOT_FINITE, TOO_MANY_STEPS, SINGULAR_MATRIX, NO_CONVERGENCE, INVALID_INPUT,
        /** Stopped from outside: a time budget ran out or the caller cancelled ({@link Cancellation}). */
        CANCELLED
    }

    private final Reason reason;
    private final double time;
    private final int component;
    private final String componentName;

    public SolverException(Reason reason, double time, int component, String message) {
        this(reason, time, component, null, message);
    }

    public SolverException(Reason reason, double time, int component, String componentName, String message) {
        super(message);
        this.reason = reason;
        this.time = time;
        this.component = component;
        this.componentName = componentName;
    }

    public Reason reason() {
        return reason;
    }

    /** Time at which the failure happened. */
    public double time() {
        return time;
    }

    /** Index of the state to blame, or -1. */
    public int component() {
        return component;
    }

    /** Name of the state to blame, when known. */
    public String componentName() {
        return componentName;
    }

    /** The same failure with the state named, for messages a user can act on. */
    public SolverException withComponentName(String name) {
        if (component < 0 || name == null) {
            return this;
        }
        String msg = getMessage().replace("component " + component, "state '" + name + "'");
        SolverException e = new SolverException(reason, time, component, name, msg);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
