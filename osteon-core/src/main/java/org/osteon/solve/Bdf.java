package org.osteon.solve;

import org.osteon.solve.SolverException.Reason;

/**
 * Variable-order (1–5), variable-step BDF for large stiff systems and runs with many restarts.
 *
 * <p><b>Formulation.</b> The quasi-constant step size BDF of Shampine and Reichelt ("The MATLAB
 * ODE Suite", SIAM J. Sci. Comput. 18, 1997; the same scheme as scipy's {@code BDF} with all
 * NDF coefficients kappa = 0): the history is the array of backward differences
 * {@code D_0 = y_n, D_1 = grad y_n, ...} at a constant spacing h, rescaled by an (order+1)² matrix
 * whenever h changes (equivalent to rescaling CVODE's Nordsieck array). With
 * {@code c = h / alpha_k}, {@code alpha_k = sum_{j<=k} 1/j}, the corrector solves
 * {@code M (d + psi) = c f(t_{n+1}, y_pred + d)} for the correction d, where y_pred is the
 * predictor {@code sum D_j} and {@code psi = sum_{j<=k} gamma_j D_j / alpha_k}; M is the diagonal
 * mass matrix of {@link OdeFunction#algebraicComponents} (the identity for an ODE). The local
 * error estimate is {@code d / (k+1)}, in the weighted RMS norm with {@code atol + rtol |y_{n+1}|}.
 *
 * <p><b>Linear algebra as in CVODE</b> (Hindmarsh et al., ACM TOMS 31, 2005, sec. 2.1): modified
 * Newton with the {@link IterationMatrix} (dense, or sparse with the symbolic factorisation
 * reused) factored for some {@code c_lu}; it is kept while {@code |c/c_lu - 1| <= 0.3}, the
 * correction then scaled by {@code 2/(1 + c/c_lu)}. The Jacobian is re-evaluated after a
 * convergence failure with a stale one and every {@value #JACOBIAN_AGE} steps; the iteration
 * matrix and the convergence rate carry over to the next segment of the same run
 * ({@link IntegrationContext}), so a restart after a dose or an event costs no Jacobian and no LU
 * unless Newton needs them. At most {@value #NEWTON_ITERATIONS} iterations; the iteration is
 * accepted when the estimated remaining error {@code |dy| r/(1-r)} (r the convergence rate,
 * remembered across steps) is below {@value #NEWTON_TOLERANCE} of the tolerance.
 *
 * <p><b>Step and order</b> as Shampine–Reichelt: after a rejected error test
 * {@code h *= max(0.2, safety err^(-1/(k+1)))} (the order drops after two failures in a row);
 * after k+1 steps of equal size the orders k-1, k, k+1 are compared by their error estimates and
 * the one allowing the largest step is taken (growth at most 10x; a change below 20 % is skipped to
 * keep the factorisation). A restart begins at order 1 with a step sized so the order-1 error
 * estimate is about half the tolerance (y'' from one explicit Euler probe), then the error test
 * decides.
 *
 * <p><b>Dense output</b> is the interpolating polynomial the differences define (Newton backward
 * form through the last k+1 points), as in the MATLAB suite.
 *
 * <p>Written by hand because no library offers it: Hipparchus (a dependency) has explicit
 * Runge–Kutta, Adams and Gragg–Bulirsch–Stoer integrators but no BDF and no implicit method with
 * a sparse Jacobian; CVODE (SUNDIALS) is C.
 */
public final class Bdf implements Integrator {
    static final String NAME = "bdf";

    static final int MAX_ORDER = 5;
    static final int NEWTON_ITERATIONS = 4;
    /**
     * Newton stops when its estimated remaining error is below this fraction of the tolerance.
     * Looser values (CVODE's is about 0.1) leave iteration errors that the rescaling of the
     * differences after a step-size increase amplifies: at 0.03, y' = y cos t at rtol 1e-9 ended
     * at 14x the tolerance, at 0.003 at 6x (scipy's BDF uses 1e-3 and tighter).
     */
    static final double NEWTON_TOLERANCE = 0.003;
    /** Steps after which the Jacobian is re-evaluated even if Newton converges (CVODE: 50). */
    static final int JACOBIAN_AGE = 50;
    /** The iteration matrix is refactored when c moved by more than this fraction (CVODE's dgmax). */
    static final double MAX_C_CHANGE = 0.3;
    /**
     * The local error is held at this fraction of the tolerance. BDF has no local extrapolation,
     * so its global error is about the sum of its local errors: held at the full tolerance it came
     * out at 10–15x the tolerance on VDPOL, HIRES and y' = y cos t (ReferenceProblemsTest) and at
     * 17x on DenseOutputTest's decays, against the 10x every method must meet (Rodas5P: below 1x);
     * at 0.1 all are within 8x, for about 1.3x the steps of 0.5.
     */
    static final double LOCAL_ERROR_TARGET = 0.1;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 10;
    /** A proposed step change smaller than this is not made (it would cost a refactorisation for little). */
    private static final double CHANGE_THRESHOLD = 1.2;
    /** Convergence rate memory (CVODE's crdown) and divergence ratio (CVODE's rdiv). */
    private static final double RATE_DOWN = 0.3;
    private static final double DIVERGENCE = 2;
    private static final double CONVERGENCE_FAILURE_FACTOR = 0.25;
    private static final int MAX_SINGULAR = 5;

    /** gamma_k = sum_{j<=k} 1/j (= alpha_k for BDF), and the error constants 1/(k+1). */
    private static final double[] GAMMA = new double[MAX_ORDER + 2];
    private static final double[] ERROR_CONST = new double[MAX_ORDER + 2];

    static {
        for (int k = 1; k < GAMMA.length; k++) {
            GAMMA[k] = GAMMA[k - 1] + 1.0 / k;
        }
        for (int k = 0; k < ERROR_CONST.length; k++) {
            ERROR_CONST[k] = 1.0 / (k + 1);
        }
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

    /**
     * What one run's segments pass on to the next: the iteration matrix, its c, the Jacobian's
     * age, the convergence rate, and the work arrays (a run with a dose a day has thousands of
     * segments; allocated per segment, the constructor took 9.7 % of the JFR samples of the
     * teriparatide year). The matrix and the arrays are borrowed from the context's
     * {@link SolverWorkspace} when it has one, as {@link Rodas5P} borrows its own, and go back
     * when the run ends ({@link IntegrationContext#endRun}), so the runs of a scan or population
     * on one thread share them; the rest starts afresh with each run, so results do not depend on
     * the reuse.
     */
    static final class Carry implements IntegrationContext.Carried {
        final IterationMatrix matrix;
        final int n;
        double cFactored = Double.NaN;
        int jacobianAge = JACOBIAN_AGE;
        double rate = 1;
        final double[] rtol;
        final double[] atol;
        /** Backward differences D_0..D_{MAX_ORDER+2}, and scratch for their rescaling. */
        final double[][] differences = new double[MAX_ORDER + 3][];
        final double[][] rescaled = new double[MAX_ORDER + 1][];
        final double[][] ru = new double[MAX_ORDER + 1][];
        final double[][] r1 = new double[MAX_ORDER + 1][];
        final double[][] r2 = new double[MAX_ORDER + 1][];
        /** yPred, psi, d, yNew, fw, b, scale, work. */
        final double[][] vectors = new double[8][];
        /** Where the matrix and arrays came from (null: allocated here), and the function that keys the matrix. */
        private final SolverWorkspace workspace;
        private final SolverWorkspace.Vectors storage;
        private final OdeFunction f;

        Carry(OdeFunction f, int n, Tolerances tolerances, SolverWorkspace workspace) {
            this.f = f;
            this.n = n;
            this.workspace = workspace;
            this.storage = workspace == null ? null : workspace.takeVectors(Bdf.class, n);
            this.matrix = workspace == null ? IterationMatrix.of(f) : workspace.takeMatrix(f);
            rtol = array(n);
            atol = array(n);
            for (int i = 0; i < n; i++) {
                rtol[i] = tolerances.relative(i);
                atol[i] = tolerances.absolute(i);
            }
            for (int i = 0; i < differences.length; i++) {
                differences[i] = array(n);
            }
            for (int i = 0; i < rescaled.length; i++) {
                rescaled[i] = array(n);
            }
            for (double[][] r : new double[][][] {ru, r1, r2}) {
                for (int i = 0; i < r.length; i++) {
                    r[i] = array(MAX_ORDER + 1);
                }
            }
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = array(n);
            }
        }

        /** An array whose contents are undefined: every one is written before it is read. */
        private double[] array(int length) {
            return storage == null ? new double[length] : storage.next(length);
        }

        @Override
        public void release() {
            if (workspace != null) {
                workspace.giveBack(storage);
                workspace.giveBack(f, matrix);
            }
        }
    }

    /** Working storage and state of one integrate() call; the {@link DenseStep} handed to the listener. */
    private static final class Run implements DenseStep {
        private final OdeFunction f;
        private final IntegrationContext ctx;
        private final SolverStatistics stats;
        private final StepListener listener;
        private final int n;
        private final double[] rtol;
        private final double[] atol;
        private final double[] mass;
        private final Carry carry;
        private final IterationMatrix lu;
        /** Backward differences D_0..D_{MAX_ORDER+2}, and scratch for their rescaling (all the carry's). */
        private final double[][] D;
        private final double[][] rescaled;
        private final double[][] ru;
        private final double[][] r1;
        private final double[][] r2;
        private final double[] yPred;
        private final double[] psi;
        private final double[] d;
        private final double[] yNew;
        private final double[] fw;
        private final double[] b;
        private final double[] scale;
        private final double[] work;
        private int order = 1;
        private double h;
        private int equalSteps;
        private int newtonIterations;
        private int badComponent = -1;
        private boolean nonFinite;
        /** Whether the Jacobian in the iteration matrix was evaluated during this step attempt. */
        private boolean jacobianCurrent;
        // the step handed to the listener
        private double tOld;
        private double tNew;
        private int stepOrder;
        private double stepH;

        Run(OdeFunction f, IntegrationContext ctx, StepListener listener) {
            this.f = f;
            this.ctx = ctx;
            this.stats = ctx.statistics();
            this.listener = listener;
            this.n = f.dimension();
            mass = IterationMatrix.massDiagonal(f);
            Object kept = ctx.carried();
            if (kept instanceof Carry c && c.n == n && sameMass(c.matrix.mass, mass)) {
                carry = c;
            } else {
                carry = new Carry(f, n, ctx.tolerances(), ctx.workspace());
                ctx.carried(carry);
            }
            lu = carry.matrix;
            rtol = carry.rtol;
            atol = carry.atol;
            D = carry.differences;
            for (double[] row : D) {
                java.util.Arrays.fill(row, 0);
            }
            rescaled = carry.rescaled;
            ru = carry.ru;
            r1 = carry.r1;
            r2 = carry.r2;
            double[][] v = carry.vectors;
            yPred = v[0];
            psi = v[1];
            d = v[2];
            yNew = v[3];
            fw = v[4];
            b = v[5];
            scale = v[6];
            work = v[7];
        }

        private static boolean sameMass(double[] a, double[] b) {
            return java.util.Arrays.equals(a, b);
        }

        double run(double t0, double[] y0, double tStop) {
            double hmax = ctx.maxStepSize();
            System.arraycopy(y0, 0, D[0], 0, n);
            f.derivatives(t0, y0, fw);
            stats.functionEvaluations++;
            int bad = SolverChecks.firstNonFinite(fw);
            if (bad >= 0) {
                throw SolverChecks.nonFiniteDerivative(bad, t0, fw[bad]);
            }
            h = Math.min(startStep(t0, y0, fw, Math.min(hmax, tStop - t0)), tStop - t0);
            for (int i = 0; i < n; i++) {
                D[1][i] = h * fw[i];
            }
            double t = t0;
            int errorFailures = 0;
            while (true) {
                if (h > hmax) {
                    changeStep(hmax / h);
                }
                boolean last = false;
                if (t + 1.01 * h >= tStop) { // the 1% margin avoids a sliver of a last step
                    changeStep((tStop - t) / h);
                    last = true;
                }
                if (h < SolverChecks.minStep(t)) {
                    throw nonFinite ? SolverChecks.nonFiniteState(badComponent, t)
                            : SolverChecks.underflow(badComponent, t, h);
                }
                double tph = last ? tStop : t + h;
                predict();
                double c = h / GAMMA[order];
                int converged = correct(t, tph, c);
                if (converged < 0) { // singular matrix: halve
                    ctx.countStep(false, t);
                    changeStep(0.5);
                    continue;
                }
                if (converged == 0) {
                    ctx.countStep(false, t);
                    changeStep(nonFinite ? 0.1 : CONVERGENCE_FAILURE_FACTOR);
                    continue;
                }
                nonFinite = false;
                double err = errorNorm();
                double safety = 0.9 * (2 * NEWTON_ITERATIONS + 1) / (2 * NEWTON_ITERATIONS + newtonIterations);
                if (!(err <= 1)) {
                    ctx.countStep(false, t);
                    errorFailures++;
                    double factor = Math.max(MIN_FACTOR, safety * Math.pow(err, -1.0 / (order + 1)));
                    if (errorFailures >= 2) {
                        factor = Math.min(factor, 0.5);
                    }
                    changeStep(factor);
                    continue;
                }
                errorFailures = 0;
                ctx.countStep(true, tph);
                carry.jacobianAge++;
                accept();
                tOld = t;
                tNew = tph;
                stepOrder = order;
                stepH = h;
                ctx.lastStepSize(h);
                boolean goOn = listener == null || listener.onStep(this);
                t = tph;
                if (!goOn || last) {
                    return t;
                }
                equalSteps++;
                if (equalSteps > order) {
                    chooseOrderAndStep(err, safety);
                }
            }
        }

        /** y_pred = sum_{j<=k} D_j and psi = sum gamma_j D_j / alpha_k. */
        private void predict() {
            double alpha = GAMMA[order];
            for (int i = 0; i < n; i++) {
                double s = D[0][i];
                double p = 0;
                for (int j = 1; j <= order; j++) {
                    s += D[j][i];
                    p += GAMMA[j] * D[j][i];
                }
                yPred[i] = s;
                psi[i] = p / alpha;
                scale[i] = atol[i] + rtol[i] * Math.abs(s);
            }
        }

        /**
         * Solves the corrector equation at tph: 1 converged (yNew, d set), 0 not converged (with
         * the Jacobian already fresh, or f not finite), -1 the iteration matrix is singular.
         */
        private int correct(double t, double tph, double c) {
            jacobianCurrent = false;
            if (carry.jacobianAge >= JACOBIAN_AGE) {
                refreshJacobian(tph);
            }
            while (true) {
                if (!(Math.abs(c / carry.cFactored - 1) <= MAX_C_CHANGE)) {
                    if (!factor(c, t)) {
                        return -1;
                    }
                }
                if (newton(tph, c)) {
                    return 1;
                }
                if (jacobianCurrent || nonFinite) {
                    return 0;
                }
                refreshJacobian(tph);
            }
        }

        private void refreshJacobian(double tph) {
            // J at the predicted point; forward differences (no analytic Jacobian) need f there
            if (!f.hasAnalyticJacobian()) {
                f.derivatives(tph, yPred, fw);
                stats.functionEvaluations++;
            }
            lu.evaluate(f, tph, yPred, fw, work, b, stats);
            carry.jacobianAge = 0;
            carry.cFactored = Double.NaN;
            jacobianCurrent = true;
        }

        private int singular;

        private boolean factor(double c, double t) {
            stats.decompositions++;
            if (!lu.factor(1.0 / c)) {
                carry.cFactored = Double.NaN;
                if (++singular >= MAX_SINGULAR) {
                    throw new SolverException(Reason.SINGULAR_MATRIX, t, -1,
                            "the BDF iteration matrix M - h/alpha J is singular at t=" + t + " and stays singular when the"
                                    + " step is halved " + MAX_SINGULAR + " times (a state may be undetermined, or the"
                                    + " Jacobian is wrong)");
                }
                return false;
            }
            singular = 0;
            carry.cFactored = c;
            carry.rate = 1;
            return true;
        }

        /** Modified Newton on M (d + psi) = c f(tph, yPred + d), with W = M/c_lu - J factored. */
        private boolean newton(double tph, double c) {
            System.arraycopy(yPred, 0, yNew, 0, n);
            java.util.Arrays.fill(d, 0);
            double cLu = carry.cFactored;
            // the solution of (M - c J) x = r, approximated with M - c_lu J: x ~ 2/(1 + c/c_lu) W^-1 r / c_lu
            double factor = 2 / ((1 + c / cLu) * cLu);
            double normOld = 0;
            for (int k = 0; k < NEWTON_ITERATIONS; k++) {
                newtonIterations = k + 1;
                f.derivatives(tph, yNew, fw);
                stats.functionEvaluations++;
                int bad = SolverChecks.firstNonFinite(fw);
                if (bad >= 0) {
                    badComponent = bad;
                    nonFinite = true;
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    double m = mass == null ? 1 : mass[i];
                    b[i] = (c * fw[i] - m * (psi[i] + d[i])) * factor;
                }
                lu.solve(b);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double r = b[i] / scale[i];
                    sum += r * r;
                }
                double norm = Math.sqrt(sum / n);
                if (!(norm < Double.POSITIVE_INFINITY)) {
                    badComponent = SolverChecks.firstNonFinite(b);
                    nonFinite = true;
                    return false;
                }
                double rate = carry.rate;
                if (k > 0) {
                    if (norm > DIVERGENCE * normOld) {
                        carry.rate = 1;
                        return false;
                    }
                    rate = Math.max(RATE_DOWN * carry.rate, norm / normOld);
                    carry.rate = rate;
                }
                for (int i = 0; i < n; i++) {
                    yNew[i] += b[i];
                    d[i] += b[i];
                }
                if (norm == 0 || (rate < 1 && norm * rate / (1 - rate) <= NEWTON_TOLERANCE)) {
                    return true;
                }
                normOld = norm;
            }
            return false;
        }

        /** Weighted RMS of the local error estimate d/(k+1), with atol + rtol |y_{n+1}|. */
        private double errorNorm() {
            double ec = ERROR_CONST[order] / LOCAL_ERROR_TARGET;
            double sum = 0;
            double worst = -1;
            for (int i = 0; i < n; i++) {
                scale[i] = atol[i] + rtol[i] * Math.abs(yNew[i]);
                double r = ec * d[i] / scale[i];
                double r2 = r * r;
                if (r2 > worst) {
                    worst = r2;
                    badComponent = i;
                }
                sum += r2;
            }
            return Math.sqrt(sum / n);
        }

        /** Updates the differences with the accepted correction d: D_{k+2} = d - D_{k+1}, D_{k+1} = d, D_j += D_{j+1}. */
        private void accept() {
            double[] dk1 = D[order + 1];
            double[] dk2 = D[order + 2];
            for (int i = 0; i < n; i++) {
                dk2[i] = d[i] - dk1[i];
                dk1[i] = d[i];
            }
            for (int j = order; j >= 0; j--) {
                double[] dj = D[j];
                double[] dj1 = D[j + 1];
                for (int i = 0; i < n; i++) {
                    dj[i] += dj1[i];
                }
            }
        }

        /** After k+1 equal steps: the order among k-1, k, k+1 that allows the largest step, and that step. */
        private void chooseOrderAndStep(double err, double safety) {
            double errMinus = Double.POSITIVE_INFINITY;
            double errPlus = Double.POSITIVE_INFINITY;
            if (order > 1) {
                errMinus = norm(D[order], ERROR_CONST[order - 1] / LOCAL_ERROR_TARGET);
            }
            if (order < MAX_ORDER) {
                errPlus = norm(D[order + 2], ERROR_CONST[order + 1] / LOCAL_ERROR_TARGET);
            }
            double fMinus = Math.pow(errMinus, -1.0 / order);
            double fSame = Math.pow(err, -1.0 / (order + 1));
            double fPlus = Math.pow(errPlus, -1.0 / (order + 2));
            int delta = 0;
            double best = fSame;
            if (fMinus > best) {
                best = fMinus;
                delta = -1;
            }
            if (fPlus > best) {
                best = fPlus;
                delta = 1;
            }
            double factor = Math.min(MAX_FACTOR, safety * best);
            order += delta;
            if (delta == 0 && factor >= 1 && factor < CHANGE_THRESHOLD) {
                equalSteps = 0;
                return;
            }
            changeStep(factor);
        }

        /** Weighted RMS of ec * v, with the current scale (|y_{n+1}|). */
        private double norm(double[] v, double ec) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double r = ec * v[i] / scale[i];
                sum += r * r;
            }
            return Math.sqrt(sum / n);
        }

        /** h *= factor, rescaling D_0..D_k to the new spacing (Shampine–Reichelt's R U transformation). */
        private void changeStep(double factor) {
            h *= factor;
            equalSteps = 0;
            if (factor == 1) {
                return;
            }
            int k = order;
            fillR(r1, k, factor);
            fillR(r2, k, 1);
            for (int i = 0; i <= k; i++) {
                for (int j = 0; j <= k; j++) {
                    double s = 0;
                    for (int m = 0; m <= k; m++) {
                        s += r1[i][m] * r2[m][j];
                    }
                    ru[i][j] = s;
                }
            }
            // D_new[j] = sum_i RU[i][j] D[i]
            for (int j = 0; j <= k; j++) {
                double[] out = rescaled[j];
                java.util.Arrays.fill(out, 0);
                for (int i = 0; i <= k; i++) {
                    double w = ru[i][j];
                    if (w != 0) {
                        double[] di = D[i];
                        for (int x = 0; x < n; x++) {
                            out[x] += w * di[x];
                        }
                    }
                }
            }
            for (int j = 0; j <= k; j++) {
                System.arraycopy(rescaled[j], 0, D[j], 0, n);
            }
        }

        /** R_{ij} = prod_{m=1..i} (m - 1 - factor j) / m, R_{0j} = 1 (Shampine and Reichelt 1997, sec. 2.3). */
        private static void fillR(double[][] r, int k, double factor) {
            for (int j = 0; j <= k; j++) {
                r[0][j] = 1;
            }
            for (int i = 1; i <= k; i++) {
                r[i][0] = 0;
                for (int j = 1; j <= k; j++) {
                    r[i][j] = r[i - 1][j] * (i - 1 - factor * j) / i;
                }
            }
        }

        /**
         * First step of a segment: y'' estimated by Hairer's probe ({@link StepSizes#probe}: one
         * explicit Euler step of size hp), and h such that the order-1 error estimate h² |y''| / 2
         * is about half the local error target ({@link #LOCAL_ERROR_TARGET} of the tolerance, as
         * the error test measures it): h = sqrt(LOCAL_ERROR_TARGET / |y''|); never more than
         * 100 hp. A system at rest (f0 = 0) takes the whole segment, hLimit, without probing. The
         * error test corrects a poor guess.
         */
        private double startStep(double t, double[] y, double[] f0, double hLimit) {
            StepSizes.Probe p = StepSizes.probe(f, t, y, f0, hLimit, rtol, atol, work, b, stats, false);
            if (p.rmsF0() == 0) {
                return hLimit;
            }
            double hp = p.step();
            double d2 = p.curvature();
            if (!(d2 < Double.POSITIVE_INFINITY)) {
                return Math.min(hp, hLimit);
            }
            double h1 = d2 <= 1e-15 ? 100 * hp : Math.sqrt(LOCAL_ERROR_TARGET / d2);
            return Math.min(Math.min(100 * hp, h1), hLimit);
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
            return D[0];
        }

        /**
         * p(t) = D_0 + sum_{j=1..k+1} D_j prod_{m<j} (t - (tNew - m h)) / ((m+1) h): the
         * polynomial through the last k+2 points, one degree above the formula's own (D_{k+1} is
         * the step's correction, the (k+1)-th difference), so interpolation adds no error beyond
         * the step's local error (with degree k it was up to 17x the tolerance on DenseOutputTest's decay).
         */
        /** As {@link #interpolate(double, double[])}, for the listed components only: the same numbers. */
        @Override
        public void interpolate(double t, double[] out, int[] components) {
            if (t == tNew) {
                for (int i : components) {
                    out[i] = D[0][i];
                }
                return;
            }
            for (int i : components) {
                out[i] = D[0][i];
            }
            double p = 1;
            for (int j = 1; j <= stepOrder + 1; j++) {
                int m = j - 1;
                p *= (t - (tNew - m * stepH)) / ((m + 1) * stepH);
                double[] dj = D[j];
                for (int i : components) {
                    out[i] += p * dj[i];
                }
            }
        }

        @Override
        public void interpolate(double t, double[] out) {
            if (t == tNew) {
                System.arraycopy(D[0], 0, out, 0, n);
                return;
            }
            System.arraycopy(D[0], 0, out, 0, n);
            double p = 1;
            for (int j = 1; j <= stepOrder + 1; j++) {
                int m = j - 1;
                p *= (t - (tNew - m * stepH)) / ((m + 1) * stepH);
                double[] dj = D[j];
                for (int i = 0; i < n; i++) {
                    out[i] += p * dj[i];
                }
            }
        }
    }
}
