package org.osteon.solve;

/** Receives every accepted step of an integration. */
@FunctionalInterface
public interface StepListener {
    /**
     * @return {@code true} to go on, {@code false} to end the integration after this step
     *         (the integrator then returns with the step's end as its final time)
     */
    boolean onStep(DenseStep step);
}
