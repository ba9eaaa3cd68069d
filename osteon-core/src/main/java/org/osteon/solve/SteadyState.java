package org.osteon.solve;

import java.util.List;

/**
 * An equilibrium y* with f(y*) = 0 found by {@link SteadyStateSolver}, with the linear stability
 * of the system there.
 *
 * @param state        the equilibrium (a copy is returned)
 * @param residualNorm max_i |f_i(y*)|, in state units per time unit
 * @param method       the algorithm that converged
 * @param iterations   iterations of that algorithm (Newton or continuation steps; integration
 *                     steps plus polishing iterations for {@link Method#INTEGRATION})
 * @param eigenvalues  eigenvalues of the Jacobian at y*, largest real part first
 * @param stability    classification of the eigenvalues
 * @param period       2 pi / |Im| of the dominant complex pair (the one with the largest real
 *                     part), in the model's time unit; NaN when all eigenvalues are real
 */
public record SteadyState(double[] state, double residualNorm, Method method, int iterations,
                          List<Eigenvalue> eigenvalues, Stability stability, double period) {

    /** How the equilibrium was found. */
    public enum Method {
        /** Damped Newton iteration on f(y) = 0. */
        NEWTON,
        /** Pseudo-transient continuation (switched evolution relaxation). */
        PSEUDO_TRANSIENT,
        /** Integration of the ODE towards equilibrium with Rodas5P, then polishing. */
        INTEGRATION
    }

    /** Linear stability of the equilibrium from the Jacobian's eigenvalues. */
    public enum Stability {
        /** All eigenvalues real and negative: perturbations decay monotonically. */
        STABLE,
        /** All real parts negative, with a complex pair: perturbations decay as damped oscillations. */
        STABLE_OSCILLATORY,
        /**
         * The largest real part is zero within tolerance and none is positive: e.g. a conservation
         * law (a family of equilibria) or a centre; linearisation does not decide.
         */
        NEUTRAL,
        /** Some eigenvalue has a positive real part. */
        UNSTABLE
    }

    /**
     * An eigenvalue of the Jacobian with the state that dominates its eigenvector (the index of
     * the largest component, or -1 when unknown), so a user can see what grows or oscillates.
     */
    public record Eigenvalue(double real, double imaginary, int dominant) {
        public Eigenvalue(double real, double imaginary) {
            this(real, imaginary, -1);
        }

        @Override
        public String toString() {
            return imaginary == 0 ? Double.toString(real)
                    : real + (imaginary < 0 ? " - " : " + ") + Math.abs(imaginary) + "i";
        }
    }

    public SteadyState {
        state = state.clone();
        eigenvalues = List.copyOf(eigenvalues);
    }

    @Override
    public double[] state() {
        return state.clone();
    }

    /** Whether perturbations oscillate (there is a complex pair). */
    public boolean oscillatory() {
        return !Double.isNaN(period);
    }
}
