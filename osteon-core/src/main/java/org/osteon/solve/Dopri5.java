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
        if (tStop == t0) {
            if (yEnd != null) {
                System.arraycopy(y0, 0, yEnd, 0, y0.length);
            }
            return t0;
        }
        return new Run(f, context, listener, detector).run(t0, y0, tStop, yEnd);
    }

    /** Working storage and state of one integrate() call; also the dense step handed to the listener. */
    private final class Run implements DenseStep {
        private final OdeFunction f;
        private final IntegrationContext ctx;
        private final SolverStatistics stats;
        private final StepListener listener;
        private final StiffnessDetector detector;
        private final int n;
        private final double[] rtol;
        private final double[] atol;
        private double[] y;
        private double[] y1;
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
        private boolean denseReady;
        private double tOld;
        private double tNew;
        private double hStep;
        private int badComponent = -1;
        private boolean nonFinite;

        Run(OdeFunction f, IntegrationContext ctx, StepListener listener, StiffnessDetector detector) {
            this.f = f;
            this.ctx = ctx;
            this.stats = ctx.statistics();
            this.listener = listener;
            this.detector = detector;
            this.n = f.dimension();
            rtol = new double[n];
            atol = new double[n];
            for (int i = 0; i < n; i++) {
                rtol[i] = ctx.tolerances().relative(i);
                atol[i] = ctx.tolerances().absolute(i);
            }
            y = new double[n];
            y1 = new double[n];
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            k5 = new double[n];
            k6 = new double[n];
            k7 = new double[n];
            ysti = new double[n];
            yt = new double[n];
            r3 = new double[n];
            r4 = new double[n];
            r5 = new double[n];
        }

        double run(double t0, double[] y0, double tStop, double[] yEnd) {
            System.arraycopy(y0, 0, y, 0, n);
            double t = t0;
            f.derivatives(t, y, k1);
            stats.functionEvaluations++;
            int bad = SolverChecks.firstNonFinite(k1);
            if (bad >= 0) {
                throw SolverChecks.nonFiniteDerivative(bad, t, k1[bad]);
            }
            boolean fixed = !Double.isNaN(fixedStep);
            double hmax = ctx.maxStepSize();
            double h = fixed ? fixedStep
                    : StepSizes.start(f, t, y, k1, Math.min(hmax, tStop - t0), 5, rtol, atol, yt, k2, ctx);
            double facOld = 1e-4;
            boolean reject = false;
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
                double err = step(t, h, tph);
                nonFinite = Double.isNaN(err);
                if (nonFinite) {
                    // a stage left the domain of f or overflowed: retry with a much smaller step
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
                double fac11 = Math.pow(err, EXPO1);
                double fac = fac11 / Math.pow(facOld, BETA);
                fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac / SAFE));
                double hNew = h / fac;
                if (err <= 1) {
                    ctx.countStep(true, tph);
                    facOld = Math.max(err, 1e-4);
                    boolean stiffNow = false;
                    if (detector != null) {
                        double num = 0;
                        double den = 0;
                        for (int i = 0; i < n; i++) {
                            double a = k7[i] - k6[i];
                            double b = y1[i] - ysti[i];
                            num += a * a;
                            den += b * b;
                        }
                        if (den > 0) {
                            stiffNow = detector.record(h * Math.sqrt(num / den), tph);
                        }
                    }
                    hNew = Math.min(hNew, hmax);
                    if (reject) {
                        hNew = Math.min(hNew, h);
                    }
                    reject = false;
                    // after a step shortened to land on tStop, the proposal made for the full step is the better hint
                    ctx.lastStepSize(last && h < hPlanned ? hPlanned : hNew);
                    tOld = t;
                    tNew = tph;
                    hStep = h;
                    denseReady = false;
                    boolean goOn = listener == null || listener.onStep(this);
                    double[] s = y;
                    y = y1;
                    y1 = s;
                    s = k1;
                    k1 = k7;
                    k7 = s;
                    t = tph;
                    if (!goOn || last || stiffNow) {
                        if (yEnd != null) {
                            System.arraycopy(y, 0, yEnd, 0, n);
                        }
                        return t;
                    }
                    h = fixed ? fixedStep : hNew;
                } else {
                    ctx.countStep(false, t);
                    reject = true;
                    h = h / Math.min(1 / FAC_MIN, fac11 / SAFE);
                }
            }
        }

        /** One trial step: stages, y1, k7 = f(t+h, y1); returns the weighted error, NaN if anything is not finite. */
        private double step(double t, double h, double tph) {
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
                prepareDense();
            }
            double theta = (t - tOld) / hStep;
            double theta1 = 1 - theta;
            for (int i = 0; i < n; i++) {
                double r2 = y1[i] - y[i];
                out[i] = y[i] + theta * (r2 + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
            }
        }

        /** Coefficients of the continuous extension (Hairer's CONTD5 form). */
        private void prepareDense() {
            double h = hStep;
            for (int i = 0; i < n; i++) {
                double ydiff = y1[i] - y[i];
                double bspl = h * k1[i] - ydiff;
                r3[i] = bspl;
                r4[i] = ydiff - h * k7[i] - bspl;
                r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
            }
            denseReady = true;
        }
    }
}
