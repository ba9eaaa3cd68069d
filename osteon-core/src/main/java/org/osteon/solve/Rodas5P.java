package org.osteon.solve;

import static org.osteon.solve.Rodas5PTableau.A;
import static org.osteon.solve.Rodas5PTableau.C;
import static org.osteon.solve.Rodas5PTableau.CC;
import static org.osteon.solve.Rodas5PTableau.D;
import static org.osteon.solve.Rodas5PTableau.GAMMA;
import static org.osteon.solve.Rodas5PTableau.H;
import static org.osteon.solve.Rodas5PTableau.STAGES;

import org.osteon.solve.SolverException.Reason;

/**
 * Rodas5P (Steinebach 2023): L-stable, stiffly accurate Rosenbrock–Wanner method of order 5
 * with an embedded order-4 solution and a 4th-order dense output; coefficients and formulation
 * in {@link Rodas5PTableau}. One Jacobian, one LU decomposition of {@code I/(h gamma) - J} and 8
 * right-hand side evaluations per step (7 stages plus f at the new point).
 *
 * <p>The Jacobian comes from {@link OdeFunction#jacobian} when {@link
 * OdeFunction#hasAnalyticJacobian()} is true, otherwise from forward differences (n extra
 * evaluations, done here without allocation). For a non-autonomous right-hand side
 * ({@link OdeFunction#isAutonomous()} false) df/dt is a forward difference in t with
 * {@code delta = sqrt(eps) * max(|t|, h)} (one extra evaluation per step; a backward difference
 * when f is not finite at t + delta, e.g. at the edge of its domain). After a rejected
 * step J and df/dt are reused; only the LU is redone.
 *
 * <p>Step control as in Hairer and Wanner's RODAS (Solving ODEs II, sec. IV.7–IV.8): weighted
 * RMS norm of the embedded error, {@code hnew = h * min(6, max(0.2, 0.9 err^(-1/5)))} combined
 * with Gustafsson's predictive controller; the first step is cut by 10 when rejected. A singular
 * iteration matrix halves the step; five times in a row is a {@link Reason#SINGULAR_MATRIX}.
 * No allocation inside the step loop.
 */
public final class Rodas5P implements Integrator {
    static final String NAME = "rodas5p";

    private static final double SAFE = 0.9;
    private static final double FAC_MIN = 0.2;
    private static final double FAC_MAX = 6.0;
    private static final double EXPO = 1.0 / 5.0;
    /** No stabilisation term: the predictive controller takes its place. */
    private static final double BETA = 0;
    private static final AdaptiveRun.Controller CONTROL =
            new AdaptiveRun.Controller(SAFE, FAC_MIN, FAC_MAX, BETA, EXPO);
    private static final int MAX_SINGULAR = 5;
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    private final double fixedStep;

    public Rodas5P() {
        this(Double.NaN);
    }

    private Rodas5P(double fixedStep) {
        this.fixedStep = fixedStep;
    }

    /** Constant steps of size h without error control (the last one shortened to land on tStop), for order tests. */
    static Rodas5P withFixedStep(double h) {
        return new Rodas5P(h);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double integrate(OdeFunction f, double t0, double[] y0, double tStop, StepListener listener,
                            IntegrationContext context) {
        SolverChecks.validate(f, t0, y0, tStop, context);
        if (tStop == t0) {
            return t0;
        }
        return new Run(f, context, listener, fixedStep, null).run(t0, y0, tStop, null);
    }

    /** Working storage of one integrate() call. */
    private static final class Run extends AdaptiveRun {
        private final boolean autonomous;
        /** Algebraic components (zero rows of the diagonal mass matrix M of M y' = f). */
        private final int[] algebraicRows;
        private final boolean algebraic;
        private final double[] kept;
        private final double[] f0;
        private final double[] dfdt;
        private final IterationMatrix lu;
        /** lu came from the context's workspace and goes back to it at the end of the run. */
        private final boolean borrowedMatrix;
        private final double[][] k = new double[STAGES][];
        private final double[] u;
        private final double[] fs;
        private final double[][] q = new double[3][];
        /** Stays false after a rejection: J and df/dt at (t, y) are still valid, only the LU is redone. */
        private boolean needJacobian = true;
        private int singular;
        /** Accepted steps of this run, and the size and error of the last one, for the predictive controller. */
        private long accepted;
        private double hAcc;
        private double errAcc;

        Run(OdeFunction f, IntegrationContext ctx, StepListener listener, double fixedStep, IterationMatrix matrix) {
            super(f, ctx, listener, fixedStep, CONTROL);
            this.autonomous = f.isAutonomous();
            this.algebraicRows = f.algebraicComponents();
            this.algebraic = algebraicRows.length > 0;
            this.kept = new double[algebraicRows.length];
            f0 = vector();
            dfdt = vector();
            borrowedMatrix = matrix == null && ctx.workspace() != null;
            lu = matrix != null ? matrix : borrowedMatrix ? ctx.workspace().takeMatrix(f) : IterationMatrix.of(f);
            for (int s = 0; s < STAGES; s++) {
                k[s] = vector();
            }
            u = vector();
            fs = vector();
            for (int m = 0; m < q.length; m++) {
                q[m] = vector();
            }
        }

        @Override
        void begin(double t) {
            evaluate(t, f0);
        }

        @Override
        void release() {
            super.release();
            if (borrowedMatrix) {
                ctx.workspace().giveBack(f, lu);
            }
        }

        @Override
        double firstStep(double t, double hLimit) {
            return StepSizes.start(f, t, y, f0, hLimit, 5, rtol, atol, u, fs, ctx);
        }

        @Override
        double attempt(double t, double h, double tph) {
            if (needJacobian) {
                evaluateJacobian(t, h);
                needJacobian = false;
            }
            if (!decompose(h)) {
                singular++;
                if (singular >= MAX_SINGULAR || fixed) {
                    throw new SolverException(Reason.SINGULAR_MATRIX, t, -1,
                            "the iteration matrix I/(h*gamma) - J is singular at t=" + t
                                    + " and stays singular when the step is halved " + MAX_SINGULAR
                                    + " times (a state may be undetermined, or the Jacobian is wrong)");
                }
                return RETRY_HALF;
            }
            singular = 0;
            return step(t, h);
        }

        /** Gustafsson's predictive controller, from the second accepted step on. */
        @Override
        double proposalAfterAccept(double err, double h, double fac, double hNew) {
            if (accepted > 0) {
                double facGus = (hAcc / h) * Math.pow(err * err / errAcc, EXPO) / SAFE;
                facGus = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, facGus));
                hNew = h / Math.max(fac, facGus);
            }
            accepted++;
            hAcc = h;
            errAcc = Math.max(1e-2, err);
            return hNew;
        }

        /** As in RODAS: a rejected first step (a heuristic guess) is cut at least tenfold. */
        @Override
        double stepAfterReject(double h, double fac11, double hNew) {
            return accepted == 0 ? Math.min(hNew, 0.1 * h) : hNew;
        }

        @Override
        void continueFrom(double t) {
            evaluate(t, f0);
            needJacobian = true;
        }

        /** J at (t, y), and df/dt by a forward difference for non-autonomous f. */
        private void evaluateJacobian(double t, double h) {
            lu.evaluate(f, t, y, f0, u, fs, stats);
            if (!autonomous) {
                double step = SQRT_EPS * Math.max(Math.max(Math.abs(t), h), Double.MIN_NORMAL);
                int bad = timeDifference(t, (t + step) - t);
                if (bad >= 0) {
                    // the forward probe left the domain of f (e.g. f undefined beyond some time): look back
                    bad = timeDifference(t, (t - step) - t);
                }
                if (bad >= 0) {
                    throw SolverChecks.nonFiniteDerivative(bad, t, dfdt[bad]);
                }
            }
        }

        /** df/dt ~ (f(t + delta, y) - f(t, y)) / delta into dfdt; index of a non-finite entry or -1. */
        private int timeDifference(double t, double delta) {
            f.derivatives(t + delta, y, fs);
            stats.functionEvaluations++;
            for (int i = 0; i < n; i++) {
                dfdt[i] = (fs[i] - f0[i]) / delta;
            }
            return SolverChecks.firstNonFinite(dfdt);
        }

        /** Factors W = M/(h gamma) - J (M the identity but for zeros on algebraic rows). */
        private boolean decompose(double h) {
            stats.decompositions++;
            return lu.factor(1.0 / (h * GAMMA));
        }

        /** The 8 stages and y1; returns the weighted RMS of the embedded error k_8, NaN if anything is not finite. */
        private double step(double t, double h) {
            final int n = this.n;
            final double[] y = this.y;
            final double[] u = this.u;
            final double hInv = 1.0 / h;
            double[] k0 = k[0];
            for (int i = 0; i < n; i++) {
                k0[i] = autonomous ? f0[i] : f0[i] + h * D[0] * dfdt[i];
            }
            lu.solve(k0);
            for (int s = 1; s < STAGES; s++) {
                if (s <= 5) {
                    double[] a = A[s];
                    System.arraycopy(y, 0, u, 0, n);
                    for (int j = 0; j < s; j++) {
                        double aj = a[j];
                        double[] kj = k[j];
                        for (int i = 0; i < n; i++) {
                            u[i] += aj * kj[i];
                        }
                    }
                } else {
                    double[] prev = k[s - 1];
                    for (int i = 0; i < n; i++) {
                        u[i] += prev[i];
                    }
                }
                double[] ks = k[s];
                f.derivatives(t + C[s] * h, u, ks);
                int bad = SolverChecks.firstNonFinite(ks);
                if (bad >= 0) { // blame it before the linear solve spreads it to every component
                    stats.functionEvaluations += s;
                    badComponent = bad;
                    return Double.NaN;
                }
                double[] cs = CC[s];
                if (algebraic) { // the term is M (sum c k): algebraic rows carry none, so keep f there
                    for (int a = 0; a < algebraicRows.length; a++) {
                        kept[a] = ks[algebraicRows[a]];
                    }
                }
                for (int j = 0; j < s; j++) {
                    double cj = cs[j] * hInv;
                    double[] kj = k[j];
                    for (int i = 0; i < n; i++) {
                        ks[i] += cj * kj[i];
                    }
                }
                if (algebraic) {
                    for (int a = 0; a < algebraicRows.length; a++) {
                        ks[algebraicRows[a]] = kept[a];
                    }
                }
                double hd = h * D[s];
                if (!autonomous && hd != 0) {
                    for (int i = 0; i < n; i++) {
                        ks[i] += hd * dfdt[i];
                    }
                }
                lu.solve(ks);
            }
            stats.functionEvaluations += STAGES - 1;
            double[] k7 = k[STAGES - 1];
            double sum = 0;
            double worst = -1;
            int worstIndex = -1;
            for (int i = 0; i < n; i++) {
                double yi = u[i] + k7[i];
                y1[i] = yi;
                double r = k7[i] / (atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(yi)));
                if (!(Math.abs(yi) <= Double.MAX_VALUE) || !(Math.abs(r) <= Double.MAX_VALUE)) {
                    badComponent = i;
                    return Double.NaN;
                }
                double r2 = r * r;
                if (r2 > worst) {
                    worst = r2;
                    worstIndex = i;
                }
                sum += r2;
            }
            badComponent = worstIndex;
            return Math.sqrt(sum / n);
        }

        @Override
        void prepareDense() {
            for (int m = 0; m < q.length; m++) {
                double[] hm = H[m];
                double[] qm = q[m];
                java.util.Arrays.fill(qm, 0);
                for (int j = 0; j < STAGES; j++) {
                    double c = hm[j];
                    double[] kj = k[j];
                    for (int i = 0; i < n; i++) {
                        qm[i] += c * kj[i];
                    }
                }
            }
        }

        @Override
        void interpolateWithin(double t, double[] out) {
            double theta = (t - tOld) / (tNew - tOld);
            double theta1 = 1 - theta;
            double[] q0 = q[0];
            double[] q1 = q[1];
            double[] q2 = q[2];
            for (int i = 0; i < n; i++) {
                out[i] = theta1 * y[i] + theta * (y1[i] + theta1 * (q0[i] + theta * (q1[i] + theta * q2[i])));
            }
        }
    }
}
