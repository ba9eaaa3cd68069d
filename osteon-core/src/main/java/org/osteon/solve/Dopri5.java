package org.osteon.solve;

/**
 * Dormand–Prince 5(4) explicit Runge–Kutta method (Dormand and Prince 1980) with FSAL, the
 * step-size control, initial step and stiffness test of Hairer's DOPRI5 code (Hairer, Norsett
 * and Wanner, Solving ODEs I, 2nd ed., sec. II.4–II.6 and IV.2), and Dormand–Prince's
 * continuous extension of order 4 as dense output (Hairer, Norsett and Wanner, sec. II.6,
 * coefficients d_i of DOPRI5).
 *
 * <p>Step control: the error of the embedded 4th-order solution in the RMS norm weighted by
 * {@code atol_i + rtol_i*max(|y0_i|,|y1_i|)}; PI controller
 * {@code hnew = h * min(10, max(0.2, err^-0.17 * errOld^0.04 / 0.9))}; no growth right after a
 * rejection. Six stage evaluations per step. No allocation inside the step loop.
 */
public final class Dopri5 implements Integrator {
    static final String NAME = "dopri5";

    static final double C2 = 1.0 / 5.0;
    static final double C3 = 3.0 / 10.0;
    static final double C4 = 4.0 / 5.0;
    static final double C5 = 8.0 / 9.0;
    static final double A21 = 1.0 / 5.0;
    static final double A31 = 3.0 / 40.0;
    static final double A32 = 9.0 / 40.0;
    static final double A41 = 44.0 / 45.0;
    static final double A42 = -56.0 / 15.0;
    static final double A43 = 32.0 / 9.0;
    static final double A51 = 19372.0 / 6561.0;
    static final double A52 = -25360.0 / 2187.0;
    static final double A53 = 64448.0 / 6561.0;
    static final double A54 = -212.0 / 729.0;
    static final double A61 = 9017.0 / 3168.0;
    static final double A62 = -355.0 / 33.0;
    static final double A63 = 46732.0 / 5247.0;
    static final double A64 = 49.0 / 176.0;
    static final double A65 = -5103.0 / 18656.0;
    static final double A71 = 35.0 / 384.0;
    static final double A73 = 500.0 / 1113.0;
    static final double A74 = 125.0 / 192.0;
    static final double A75 = -2187.0 / 6784.0;
    static final double A76 = 11.0 / 84.0;
    /** Difference between the 5th- and the embedded 4th-order weights (stage 7 is f(t+h, y1)). */
    static final double E1 = 71.0 / 57600.0;
    static final double E3 = -71.0 / 16695.0;
    static final double E4 = 71.0 / 1920.0;
    static final double E5 = -17253.0 / 339200.0;
    static final double E6 = 22.0 / 525.0;
    static final double E7 = -1.0 / 40.0;
    /** Dense output (continuous extension of order 4). */
    static final double D1 = -12715105075.0 / 11282082432.0;
    static final double D3 = 87487479700.0 / 32700410799.0;
    static final double D4 = -10690763975.0 / 1880347072.0;
    static final double D5 = 701980252875.0 / 199316789632.0;
    static final double D6 = -1453857185.0 / 822651844.0;
    static final double D7 = 69997945.0 / 29380423.0;

    private static final double SAFE = 0.9;
    private static final double FAC_MIN = 0.2;
    private static final double FAC_MAX = 10.0;
    private static final double BETA = 0.04;
    private static final double EXPO1 = 0.2 - BETA * 0.75;
    private static final AdaptiveRun.Controller CONTROL =
            new AdaptiveRun.Controller(SAFE, FAC_MIN, FAC_MAX, BETA, EXPO1);

    private final double fixedStep;

    public Dopri5() {
        this(Double.NaN);
    }

    private Dopri5(double fixedStep) {
        this.fixedStep = fixedStep;
    }

    /** Constant steps of size h without error control (the last one shortened to land on tStop), for order tests. */
    static Dopri5 withFixedStep(double h) {
        return new Dopri5(h);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double integrate(OdeFunction f, double t0, double[] y0, double tStop, StepListener listener,
                            IntegrationContext context) {
        return integrate(f, t0, y0, tStop, listener, context, null, null);
    }

    /**
     * As {@link #integrate(OdeFunction, double, double[], double, StepListener, IntegrationContext)},
     * but also returns early (after notifying the listener) when {@code detector} declares the
     * problem stiff; the state reached is copied to {@code yEnd} when it is not null.
     */
    double integrate(OdeFunction f, double t0, double[] y0, double tStop, StepListener listener,
                     IntegrationContext context, StiffnessDetector detector, double[] yEnd) {
        SolverChecks.validate(f, t0, y0, tStop, context);
        SolverChecks.requireOrdinary(f, t0, NAME);
        if (tStop == t0) {
            if (yEnd != null) {
                System.arraycopy(y0, 0, yEnd, 0, y0.length);
            }
            return t0;
        }
        return new Run(f, context, listener, fixedStep, detector).run(t0, y0, tStop, yEnd);
    }

    /** Working storage of one integrate() call. */
    private static final class Run extends AdaptiveRun {
        private final StiffnessDetector detector;
        private double[] k1;
        private final double[] k2;
        private final double[] k3;
        private final double[] k4;
        private final double[] k5;
        private final double[] k6;
        private double[] k7;
        private final double[] ysti;
        private final double[] yt;
        private final double[] r3;
        private final double[] r4;
        private final double[] r5;

        Run(OdeFunction f, IntegrationContext ctx, StepListener listener, double fixedStep,
                StiffnessDetector detector) {
            super(f, ctx, listener, fixedStep, CONTROL);
            this.detector = detector;
            k1 = vector();
            k2 = vector();
            k3 = vector();
            k4 = vector();
            k5 = vector();
            k6 = vector();
            k7 = vector();
            ysti = vector();
            yt = vector();
            r3 = vector();
            r4 = vector();
            r5 = vector();
        }

        @Override
        void begin(double t) {
            evaluate(t, k1);
        }

        @Override
        double firstStep(double t, double hLimit) {
            return StepSizes.start(f, t, y, k1, hLimit, 5, rtol, atol, yt, k2, ctx);
        }

        /** Hairer's stiffness test: h*lambda ~ h*|k7 - k6| / |y1 - ysti|, from the two stages at t+h. */
        @Override
        boolean stopAfter(double h, double tph) {
            if (detector == null) {
                return false;
            }
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                double a = k7[i] - k6[i];
                double b = y1[i] - ysti[i];
                num += a * a;
                den += b * b;
            }
            return den > 0 && detector.record(h * Math.sqrt(num / den), tph);
        }

        @Override
        void advanced() {
            double[] s = k1;
            k1 = k7;
            k7 = s;
        }

        /** Stages, y1, k7 = f(t+h, y1); the weighted error, NaN if anything is not finite. */
        @Override
        double attempt(double t, double h, double tph) {
            final int n = this.n;
            final double[] y = this.y;
            final double[] k1 = this.k1;
            final double[] k7 = this.k7;
            final double[] y1 = this.y1;
            for (int i = 0; i < n; i++) {
                yt[i] = y[i] + h * A21 * k1[i];
            }
            f.derivatives(t + C2 * h, yt, k2);
            for (int i = 0; i < n; i++) {
                yt[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            }
            f.derivatives(t + C3 * h, yt, k3);
            for (int i = 0; i < n; i++) {
                yt[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }
            f.derivatives(t + C4 * h, yt, k4);
            for (int i = 0; i < n; i++) {
                yt[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            f.derivatives(t + C5 * h, yt, k5);
            for (int i = 0; i < n; i++) {
                ysti[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            f.derivatives(tph, ysti, k6);
            for (int i = 0; i < n; i++) {
                y1[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
            }
            f.derivatives(tph, y1, k7);
            stats.functionEvaluations += 6;
            double sum = 0;
            double worst = -1;
            int worstIndex = -1;
            for (int i = 0; i < n; i++) {
                double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double sk = atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
                double r = e / sk;
                if (!(Math.abs(y1[i]) <= Double.MAX_VALUE) || !(Math.abs(r) <= Double.MAX_VALUE)) {
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
        void interpolateWithin(double t, double[] out) {
            double theta = (t - tOld) / hStep;
            double theta1 = 1 - theta;
            for (int i = 0; i < n; i++) {
                double r2 = y1[i] - y[i];
                out[i] = y[i] + theta * (r2 + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
            }
        }

        /** Coefficients of the continuous extension (Hairer's CONTD5 form). */
        @Override
        void prepareDense() {
            double h = hStep;
            for (int i = 0; i < n; i++) {
                double ydiff = y1[i] - y[i];
                double bspl = h * k1[i] - ydiff;
                r3[i] = bspl;
                r4[i] = ydiff - h * k7[i] - bspl;
                r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
            }
        }
    }
}
