package org.osteon.solve;

/**
 * An integration method (the algorithm, as opposed to the problem it solves). Implementations are
 * immutable and thread-safe; everything that changes during a run lives in the
 * {@link IntegrationContext}.
 */
public interface Integrator {
    /** Name users pick the method by, e.g. {@code dopri5}, {@code rodas5p}, {@code auto}. */
    String name();

    /**
     * Integrates from {@code t0} to {@code tStop} (which must be reached exactly), calling the
     * listener after every accepted step.
     *
     * @param y0 initial state, not modified
     * @return the time integration ended: {@code tStop}, or the end of the step after which the
     *         listener asked to stop
     * @throws SolverException on step-size underflow, a non-finite state, or an exhausted step budget
     */
    double integrate(OdeFunction f, double t0, double[] y0, double tStop, StepListener listener,
                     IntegrationContext context);
}
