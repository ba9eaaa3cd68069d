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
        return new Run(f, context, listener).run(t0, y0, tStop);
    }

    private final class Run implements DenseStep {
        private final OdeFunction f;
        private final IntegrationContext ctx;
        private final SolverStatistics stats;
        private final StepListener listener;
        private final int n;
        private final boolean autonomous;
        private final boolean analyticJacobian;
        private final double[] rtol;
        private final double[] atol;
        private double[] y;
        private double[] y1;
        private final double[] f0;
        private final double[] dfdt;
        private final double[] jac;
        private final DenseLU lu;
        private final double[][] k = new double[STAGES][];
        private final double[] u;
        private final double[] fs;
        private final double[] work;
        private final double[][] q = new double[3][];
        private boolean denseReady;
        private double tOld;
        private double tNew;
        private int badComponent = -1;
        private boolean nonFinite;

        Run(OdeFunction f, IntegrationContext ctx, StepListener listener) {
            this.f = f;
            this.ctx = ctx;
            this.stats = ctx.statistics();
            this.listener = listener;
            this.n = f.dimension();
            this.autonomous = f.isAutonomous();
            this.analyticJacobian = f.hasAnalyticJacobian();
            rtol = new double[n];
            atol = new double[n];
            for (int i = 0; i < n; i++) {
                rtol[i] = ctx.tolerances().relative(i);
                atol[i] = ctx.tolerances().absolute(i);
            }
            y = new double[n];
            y1 = new double[n];
            f0 = new double[n];
            dfdt = new double[n];
            jac = new double[n * n];
            lu = new DenseLU(n);
            for (int s = 0; s < STAGES; s++) {
                k[s] = new double[n];
            }
            u = new double[n];
            fs = new double[n];
            work = new double[n];
            for (int m = 0; m < q.length; m++) {
                q[m] = new double[n];
            }
        }

        double run(double t0, double[] y0, double tStop) {
            System.arraycopy(y0, 0, y, 0, n);
            double t = t0;
            evaluateF0(t);
            boolean fixed = !Double.isNaN(fixedStep);
            double hmax = ctx.maxStepSize();
            double h = fixed ? fixedStep
                    : StepSizes.start(f, t, y, f0, Math.min(hmax, tStop - t0), 5, rtol, atol, u, fs, ctx);
            boolean reject = false;
            boolean needJacobian = true;
            int singular = 0;
            long accepted = 0;
            double hAcc = 0;
            double errAcc = 0;
            while (true) {
                double hPlanned = h;
                boolean last = false;
                if (t + (fixed ? 1 + 1e-9 : 1.01) * h >= tStop && tStop - t <= hmax) {
                    h = tStop - t;
                    last = true;
                } else if (h < SolverChecks.minStep(t)) {
                    throw nonFinite ? SolverChecks.nonFiniteState(badComponent, t)
                            : SolverChecks.underflow(badComponent, t, h);
                }
                double tph = last ? tStop : t + h;
                if (tph >= tStop) { // t + h rounded onto tStop
                    tph = tStop;
                    h = tStop - t;
                    last = true;
                }
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
                    ctx.countStep(false, t);
                    reject = true;
                    h *= 0.5;
                    continue;
                }
                singular = 0;
                double err = step(t, h);
                nonFinite = Double.isNaN(err);
                if (nonFinite) {
                    if (fixed) {
                        throw SolverChecks.nonFiniteState(badComponent, t);
                    }
                    ctx.countStep(false, t);
                    reject = true;
                    h *= 0.1;
                    continue;
                }
                if (fixed) {
                    err = 0;
                }
                double fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, Math.pow(err, EXPO) / SAFE));
                double hNew = h / fac;
                if (err <= 1) {
                    ctx.countStep(true, tph);
                    if (accepted > 0) {
                        double facGus = (hAcc / h) * Math.pow(err * err / errAcc, EXPO) / SAFE;
                        facGus = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, facGus));
                        hNew = h / Math.max(fac, facGus);
                    }
                    accepted++;
                    hAcc = h;
                    errAcc = Math.max(1e-2, err);
                    hNew = Math.min(hNew, hmax);
                    if (reject) {
                        hNew = Math.min(hNew, h);
                    }
                    reject = false;
                    // after a step shortened to land on tStop, the proposal made for the full step is the better hint
                    ctx.lastStepSize(last && h < hPlanned ? hPlanned : hNew);
                    tOld = t;
                    tNew = tph;
                    denseReady = false;
                    boolean goOn = listener == null || listener.onStep(this);
                    double[] s = y;
                    y = y1;
                    y1 = s;
                    t = tph;
                    if (!goOn || last) {
                        return t;
                    }
                    evaluateF0(t);
                    needJacobian = true;
                    h = fixed ? fixedStep : hNew;
                } else {
                    ctx.countStep(false, t);
                    reject = true;
                    h = accepted == 0 ? Math.min(hNew, 0.1 * h) : hNew;
                }
            }
        }

        private void evaluateF0(double t) {
            f.derivatives(t, y, f0);
            stats.functionEvaluations++;
            int bad = SolverChecks.firstNonFinite(f0);
            if (bad >= 0) {
                throw SolverChecks.nonFiniteDerivative(bad, t, f0[bad]);
            }
        }

        /** J at (t, y), and df/dt by a forward difference for non-autonomous f. */
        private void evaluateJacobian(double t, double h) {
            if (analyticJacobian) {
                f.jacobian(t, y, jac);
            } else {
                System.arraycopy(y, 0, u, 0, n);
                FiniteDifferences.jacobian(f, t, y, f0, jac, u, fs);
                stats.functionEvaluations += n;
            }
            stats.jacobianEvaluations++;
            for (int i = 0; i < n * n; i++) {
                if (!Double.isFinite(jac[i])) {
                    int row = i / n;
                    throw new SolverException(Reason.NOT_FINITE, t, row, "the Jacobian entry d f/d y_" + (i % n)
                            + " of component " + row + " is " + jac[i] + " at t=" + t);
                }
            }
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

        /** Factors W = I/(h gamma) - J. */
        private boolean decompose(double h) {
            double[] w = lu.matrix();
            double diag = 1.0 / (h * GAMMA);
            for (int i = 0; i < n * n; i++) {
                w[i] = -jac[i];
            }
            for (int i = 0; i < n; i++) {
                w[i * n + i] += diag;
            }
            stats.decompositions++;
            return lu.factor();
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
                for (int j = 0; j < s; j++) {
                    double cj = cs[j] * hInv;
                    double[] kj = k[j];
                    for (int i = 0; i < n; i++) {
                        ks[i] += cj * kj[i];
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
        public double startTime() {
            return tOld;
        }

        @Override
        public double endTime() {
            return tNew;
        }

        @Override
        public double[] endState() {
            return y1;
        }

        @Override
        public void interpolate(double t, double[] out) {
            if (t == tNew) {
                System.arraycopy(y1, 0, out, 0, n);
                return;
            }
            if (t == tOld) {
                System.arraycopy(y, 0, out, 0, n);
                return;
            }
            if (!denseReady) {
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
                denseReady = true;
            }
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
