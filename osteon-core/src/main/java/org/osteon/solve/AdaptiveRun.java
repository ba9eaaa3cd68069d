package org.osteon.solve;

/**
 * One integrate() call of an adaptive one-step method: the step loop of Hairer's codes (DOPRI5,
 * DOP853, RODAS), shared by {@link Dopri5}, {@link Dop853} and {@link Rodas5P}, which supply the
 * trial step, the dense output and a few hooks. Subclasses are the {@link DenseStep} handed to the
 * listener.
 *
 * <p>Step control: {@code hnew = h / fac} with
 * {@code fac = clamp(err^expo / errOld^beta / safe, 1/facMax, 1/facMin)}, errOld the error of
 * the last accepted step (Hairer, Norsett and Wanner, Solving ODEs I, sec. IV.2; beta = 0 is the
 * classical controller); no growth right after a rejection; never above hmax. The last step is
 * shortened to land exactly on tStop. In fixed-step mode (for the order tests) the error is
 * ignored and every step but the last has the given size. No allocation inside the loop.
 */
abstract class AdaptiveRun implements DenseStep {
    /**
     * {@link #attempt} result when the step could not be tried at all (Rodas5P: the iteration
     * matrix is singular for this h): retry at half the size, without counting it as non-finite.
     */
    static final double RETRY_HALF = -1;

    /** Constants of the step-size controller (see the class comment). */
    record Controller(double safe, double facMin, double facMax, double beta, double expo) {
    }

    final OdeFunction f;
    final IntegrationContext ctx;
    final SolverStatistics stats;
    final int n;
    final double[] rtol;
    final double[] atol;
    /** Constant steps without error control; the step size is {@link #fixedStep}. */
    final boolean fixed;
    private final double fixedStep;
    private final StepListener listener;
    private final double safe;
    private final double facMin;
    private final double facMax;
    private final double beta;
    private final double expo;
    /** The state at the start of the current step, and the trial (then accepted) state at its end. */
    double[] y;
    double[] y1;
    double tOld;
    double tNew;
    double hStep;
    /** Component that made the last trial step fail or dominated its error; -1 if none yet. */
    int badComponent = -1;
    private boolean denseReady;
    private boolean nonFinite;
    private double facOld = 1e-4;
    /** Where {@link #vector} takes its arrays from: the context's workspace, or null to allocate. */
    private final SolverWorkspace.Vectors vectors;

    AdaptiveRun(OdeFunction f, IntegrationContext ctx, StepListener listener, double fixedStep, Controller control) {
        this.f = f;
        this.ctx = ctx;
        this.stats = ctx.statistics();
        this.listener = listener;
        this.n = f.dimension();
        this.fixed = !Double.isNaN(fixedStep);
        this.fixedStep = fixedStep;
        this.safe = control.safe();
        this.facMin = control.facMin();
        this.facMax = control.facMax();
        this.beta = control.beta();
        this.expo = control.expo();
        this.vectors = ctx.workspace() == null ? null : ctx.workspace().takeVectors(getClass(), n);
        rtol = vector();
        atol = vector();
        for (int i = 0; i < n; i++) {
            rtol[i] = ctx.tolerances().relative(i);
            atol[i] = ctx.tolerances().absolute(i);
        }
        y = vector();
        y1 = vector();
    }

    /**
     * A working vector of length n for this run: from the workspace when there is one. Its contents
     * are undefined, so a method must write each vector before reading it.
     */
    final double[] vector() {
        return vectors == null ? new double[n] : vectors.next();
    }

    /** At the end of the run (normal or not): storage borrowed from the workspace goes back. */
    void release() {
        if (vectors != null) {
            ctx.workspace().giveBack(vectors);
        }
    }

    /** Evaluates f at the initial state y (with {@link #evaluate}) where the first trial step expects it. */
    abstract void begin(double t);

    /** The first step size of an adaptive run, at most hLimit (called after {@link #begin}). */
    abstract double firstStep(double t, double hLimit);

    /**
     * One trial step from (t, y) of size h to tph = t + h (exactly tStop on the last step): y1 and
     * the weighted error norm, NaN if a stage or the result is not finite (with
     * {@link #badComponent} set), or {@link #RETRY_HALF}.
     */
    abstract double attempt(double t, double h, double tph);

    /** The step size proposed after an accepted step; hNew = h/fac is the controller's (Rodas5P refines it). */
    double proposalAfterAccept(double err, double h, double fac, double hNew) {
        return hNew;
    }

    /** The step size to retry with after a rejected step (error above 1), Hairer's choice by default. */
    double stepAfterReject(double h, double fac11, double hNew) {
        return h / Math.min(1 / facMin, fac11 / safe);
    }

    /** On each accepted step, before the listener: true ends the run after this step (Dopri5's stiffness test). */
    boolean stopAfter(double h, double tph) {
        return false;
    }

    /** After an accepted step, once y is the new state and y1 free: FSAL methods reuse their last stage. */
    void advanced() {
    }

    /** Before the next step from t, only when the run goes on (so no evaluation is wasted at the end). */
    void continueFrom(double t) {
    }

    /** Computes what {@link #interpolateWithin} needs; called at most once per step, only if asked for. */
    abstract void prepareDense();

    /** Dense output at a t other than the step's two ends (after {@link #prepareDense}). */
    abstract void interpolateWithin(double t, double[] out);

    /** f(t, y) into out, counted; throws if not finite, since y is accepted and no step size can avoid it. */
    final void evaluate(double t, double[] out) {
        f.derivatives(t, y, out);
        stats.functionEvaluations++;
        int bad = SolverChecks.firstNonFinite(out);
        if (bad >= 0) {
            throw SolverChecks.nonFiniteDerivative(bad, t, out[bad]);
        }
    }

    /** Integrates from (t0, y0) to tStop > t0 or until the listener stops; the state reached goes to yEnd if given. */
    final double run(double t0, double[] y0, double tStop, double[] yEnd) {
        try {
            return steps(t0, y0, tStop, yEnd);
        } finally {
            release();
        }
    }

    private double steps(double t0, double[] y0, double tStop, double[] yEnd) {
        System.arraycopy(y0, 0, y, 0, n);
        double t = t0;
        begin(t);
        double hmax = ctx.maxStepSize();
        double h = fixed ? fixedStep : firstStep(t, Math.min(hmax, tStop - t0));
        boolean reject = false;
        while (true) {
            double hPlanned = h;
            boolean last = false;
            // the 1% margin (1e-9 for fixed steps) avoids a sliver of a last step
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
            double err = attempt(t, h, tph);
            if (err == RETRY_HALF) {
                ctx.countStep(false, t);
                reject = true;
                h *= 0.5;
                continue;
            }
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
            double fac11 = Math.pow(err, expo);
            double fac = fac11 / Math.pow(facOld, beta);
            fac = Math.max(1 / facMax, Math.min(1 / facMin, fac / safe));
            double hNew = h / fac;
            if (err <= 1) {
                ctx.countStep(true, tph);
                facOld = Math.max(err, 1e-4);
                hNew = proposalAfterAccept(err, h, fac, hNew);
                boolean stop = stopAfter(h, tph);
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
                advanced();
                t = tph;
                if (!goOn || last || stop) {
                    if (yEnd != null) {
                        System.arraycopy(y, 0, yEnd, 0, n);
                    }
                    return t;
                }
                continueFrom(t);
                h = fixed ? fixedStep : hNew;
            } else {
                ctx.countStep(false, t);
                reject = true;
                h = stepAfterReject(h, fac11, hNew);
            }
        }
    }

    @Override
    public final double startTime() {
        return tOld;
    }

    @Override
    public final double endTime() {
        return tNew;
    }

    @Override
    public final double[] endState() {
        return y1;
    }

    @Override
    public final void interpolate(double t, double[] out) {
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
            denseReady = true;
        }
        interpolateWithin(t, out);
    }
}
