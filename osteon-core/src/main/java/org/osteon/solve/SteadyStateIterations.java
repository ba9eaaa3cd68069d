package org.osteon.solve;

/**
 * The two iterations of {@link SteadyStateSolver}: damped Newton and pseudo-transient
 * continuation, on {@code g(y) = f(time, y)}. Convergence is measured in the weighted RMS norm
 * {@code |v|_w = sqrt(mean((v_i / (atol_i + rtol_i |y_i|))^2))} used by the integrators. Each
 * returns an {@link Outcome} rather than throwing, so the caller can try the next method.
 */
final class SteadyStateIterations {
    /** Largest pseudo time step relative to the fastest time scale 1/|J|. */
    static final double PTC_MAX_DELTA = 1e7;
    /** Smallest pseudo time step (relative to 1/|J|) at which a small update counts as converged. */
    static final double PTC_CONVERGED_DELTA = 1e4;

    /** Result of one method: converged or not, where it ended, and why. */
    record Outcome(boolean converged, double[] y, int iterations, String note) {
    }

    private final OdeFunction f;
    private final double time;
    private final Tolerances tol;
    private final int n;
    private final DenseLU lu;
    private final double[] jac;

    SteadyStateIterations(OdeFunction f, double time, Tolerances tol) {
        this.f = f;
        this.time = time;
        this.tol = tol;
        this.n = f.dimension();
        this.lu = new DenseLU(n);
        this.jac = new double[n * n];
    }

    double[] residual(double[] y) {
        double[] r = new double[n];
        f.derivatives(time, y, r);
        return r;
    }

    /** |v|_w with weights at y. */
    double weightedNorm(double[] v, double[] y) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = tol.absolute(i) + tol.relative(i) * Math.abs(y[i]);
            double r = v[i] / w;
            sum += r * r;
        }
        return Math.sqrt(sum / n);
    }

    /** Jacobian at y into {@link #jac}; false if it is not finite. */
    private boolean jacobian(double[] y) {
        f.jacobian(time, y, jac);
        return SolverChecks.firstNonFinite(jac) < 0;
    }

    /** Max row sum of |a| (row-major, n x n); for a Jacobian J, 1/|J| bounds its fastest time scale from below. */
    static double maxRowSum(double[] a, int n) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(a[i * n + j]);
            }
            norm = Math.max(norm, s);
        }
        return norm;
    }

    /**
     * Damped Newton: {@code J dy = -f}, Armijo backtracking (halving, down to 1e-6) on
     * {@code |f|_w^2} with the weights of the current iterate; converged when a full Newton
     * update has {@code |dy|_w <= 1}. Gives up on a singular or non-finite Jacobian (pivot ratio
     * below 1e-13) and when the line search finds no decrease.
     */
    Outcome newton(double[] guess, int maxIterations) {
        double[] y = guess.clone();
        double[] fy = residual(y);
        if (SolverChecks.firstNonFinite(fy) >= 0) {
            return new Outcome(false, y, 0, "f is not finite at the start");
        }
        double[] dy = new double[n];
        double[] yt = new double[n];
        for (int it = 1; it <= maxIterations; it++) {
            if (!jacobian(y)) {
                return new Outcome(false, y, it, "the Jacobian is not finite at iteration " + it);
            }
            System.arraycopy(jac, 0, lu.matrix(), 0, n * n);
            if (!lu.factor() || lu.pivotRatio() < 1e-13) {
                return new Outcome(false, y, it, "the Jacobian is singular at iteration " + it
                        + " (a conservation law, or a family of equilibria)");
            }
            for (int i = 0; i < n; i++) {
                dy[i] = -fy[i];
            }
            lu.solve(dy);
            if (SolverChecks.firstNonFinite(dy) >= 0) {
                return new Outcome(false, y, it, "the Newton update is not finite at iteration " + it);
            }
            if (weightedNorm(dy, y) <= 1) {
                for (int i = 0; i < n; i++) {
                    y[i] += dy[i];
                }
                return new Outcome(true, y, it, "converged");
            }
            double phi0 = square(weightedNorm(fy, y));
            double lambda = 1;
            double[] ft = null;
            while (lambda >= 1e-6) {
                for (int i = 0; i < n; i++) {
                    yt[i] = y[i] + lambda * dy[i];
                }
                ft = residual(yt);
                if (SolverChecks.firstNonFinite(ft) < 0 && square(weightedNorm(ft, y)) <= (1 - 2e-4 * lambda) * phi0) {
                    break;
                }
                ft = null;
                lambda *= 0.5;
            }
            if (ft == null) {
                return new Outcome(false, y, it, "the line search found no decrease of |f| at iteration " + it
                        + " (a local minimum of |f| that is not an equilibrium, or a poor initial guess)");
            }
            System.arraycopy(yt, 0, y, 0, n);
            fy = ft;
        }
        return new Outcome(false, y, maxIterations, "no convergence in " + maxIterations + " iterations");
    }

    /**
     * Pseudo-transient continuation (Kelley and Keyes 1998): {@code (I/delta - J) dy = f},
     * {@code y += dy}, with the pseudo time step grown by switched evolution relaxation,
     * {@code delta *= |f_old|_w / |f_new|_w}, from {@code 1/|J|} up to {@code 1e7/|J|}. A step
     * that makes f non-finite or raises |f| a thousandfold is retried with delta/10. Converged
     * when {@code |dy|_w <= 1} with {@code delta >= 1e4/|J|}. Copes with a singular J (the matrix
     * stays regular), as in systems with conservation laws, where implicit-Euler-like steps
     * keep the conserved quantities.
     */
    Outcome pseudoTransient(double[] guess, int maxIterations) {
        double[] y = guess.clone();
        double[] fy = residual(y);
        if (SolverChecks.firstNonFinite(fy) >= 0) {
            return new Outcome(false, y, 0, "f is not finite at the start");
        }
        if (!jacobian(y)) {
            return new Outcome(false, y, 0, "the Jacobian is not finite at the start");
        }
        double scale = maxRowSum(jac, n);
        if (scale == 0) {
            scale = 1;
        }
        double delta = 1 / scale;
        double deltaMax = PTC_MAX_DELTA / scale;
        double deltaMin = 1e-10 / scale;
        double fNorm = weightedNorm(fy, y);
        double[] dy = new double[n];
        double[] yt = new double[n];
        for (int it = 1; it <= maxIterations; it++) {
            if (it > 1 && !jacobian(y)) {
                return new Outcome(false, y, it, "the Jacobian is not finite at iteration " + it);
            }
            double[] m = lu.matrix();
            for (int i = 0; i < n * n; i++) {
                m[i] = -jac[i];
            }
            for (int i = 0; i < n; i++) {
                m[i * n + i] += 1 / delta;
            }
            boolean ok = lu.factor();
            if (ok) {
                System.arraycopy(fy, 0, dy, 0, n);
                lu.solve(dy);
                ok = SolverChecks.firstNonFinite(dy) < 0;
            }
            double[] ft = null;
            if (ok) {
                for (int i = 0; i < n; i++) {
                    yt[i] = y[i] + dy[i];
                }
                ft = residual(yt);
                ok = SolverChecks.firstNonFinite(ft) < 0 && weightedNorm(ft, yt) <= 1e3 * fNorm;
            }
            if (!ok) {
                delta *= 0.1;
                if (delta < deltaMin) {
                    return new Outcome(false, y, it, "the pseudo time step collapsed at iteration " + it);
                }
                continue;
            }
            boolean small = weightedNorm(dy, yt) <= 1;
            System.arraycopy(yt, 0, y, 0, n);
            fy = ft;
            if (small && delta * scale >= PTC_CONVERGED_DELTA) {
                return new Outcome(true, y, it, "converged");
            }
            double newNorm = weightedNorm(fy, y);
            delta = newNorm == 0 ? deltaMax : Math.min(deltaMax, delta * fNorm / newNorm);
            fNorm = newNorm;
        }
        return new Outcome(false, y, maxIterations, "no convergence in " + maxIterations + " iterations");
    }

    private static double square(double x) {
        return x * x;
    }
}
