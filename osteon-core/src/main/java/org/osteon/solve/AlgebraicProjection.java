package org.osteon.solve;

/**
 * Makes the algebraic components of a differential-algebraic state consistent: solves g(y) = 0
 * for them with the differential components held, by Newton's method on the algebraic block of
 * the Jacobian. A DAE solver needs a consistent start, at t0 and after every event that changes
 * the state; Osteon's algebraic components start from the model's values (0 when it gives none).
 */
public final class AlgebraicProjection {
    private static final int MAX_ITERATIONS = 50;

    private AlgebraicProjection() {
    }

    /**
     * Solves the algebraic rows of f in place in y.
     *
     * @throws SolverException when Newton's method fails: the algebraic block is singular (the rule
     *                         does not determine its variable there) or the iteration does not converge
     */
    public static void project(OdeFunction f, double t, double[] y) {
        int[] alg = f.algebraicComponents();
        if (alg.length == 0) {
            return;
        }
        int n = y.length;
        int m = alg.length;
        double[] g = new double[n];
        double[] jac = new double[n * n];
        DenseLU lu = new DenseLU(m);
        double[] step = new double[m];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            f.derivatives(t, y, g);
            f.jacobian(t, y, jac);
            double[] w = lu.matrix();
            for (int a = 0; a < m; a++) {
                step[a] = -g[alg[a]];
                for (int b = 0; b < m; b++) {
                    w[a * m + b] = jac[alg[a] * n + alg[b]];
                }
            }
            if (!lu.factor()) {
                throw new SolverException(SolverException.Reason.SINGULAR_MATRIX, t, alg[0],
                        "an algebraic rule does not determine its variable at t=" + t + " (its derivative with respect to "
                                + "the variable is zero), so the algebraic state cannot be made consistent");
            }
            lu.solve(step);
            boolean converged = true;
            for (int a = 0; a < m; a++) {
                double next = y[alg[a]] + step[a];
                if (!Double.isFinite(next)) {
                    throw new SolverException(SolverException.Reason.NOT_FINITE, t, alg[a],
                            "solving the algebraic rules at t=" + t + " gave a non-finite value");
                }
                converged &= Math.abs(step[a]) <= 1e-15 + 1e-13 * Math.abs(next);
                y[alg[a]] = next;
            }
            if (converged) {
                return;
            }
        }
        throw new SolverException(SolverException.Reason.NO_CONVERGENCE, t, alg[0],
                "Newton's method on the algebraic rules did not converge in " + MAX_ITERATIONS + " iterations at t=" + t);
    }
}
