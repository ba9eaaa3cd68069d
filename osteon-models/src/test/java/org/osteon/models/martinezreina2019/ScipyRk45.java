package org.osteon.models.martinezreina2019;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A faithful re-implementation of scipy's {@code solve_ivp(method='RK45')} for a scalar ODE
 * (scipy.integrate._ivp.rk.RK45 and common.select_initial_step; scipy 1.10-1.17 agree for this
 * problem): Dormand-Prince 5(4) tableau, initial step by Hairer's algorithm, error norm
 * {@code |h * K.E| / (atol + max(|y|, |y_new|) rtol)}, safety 0.9, factor limits 0.2 / 10,
 * no growth after a rejection, {@code min_step = 10 ulp(t)}, {@code max_step} clamp, the last
 * step clipped to t_bound. Only the step points are returned (no dense output), as in
 * {@code sol.t, sol.y} without {@code t_eval}.
 *
 * <p>The step sequence depends on round-off in the tiny error estimates, so it reproduces another
 * machine's table only if the dot products {@code K^T a} are rounded the same way; see
 * {@link Summation}.
 */
final class ScipyRk45 {
    /** How numpy's {@code np.dot(K[:s].T, a[:s])} was rounded. */
    enum Summation {
        /** Left-to-right sum of products (numpy/OpenBLAS on this machine: matches scipy 1.17.1 bit for bit). */
        SEQUENTIAL,
        /** OpenBLAS x86_64 dgemv_t kernel: blocks of four summed left to right, then the 1-3 tail terms, no FMA. */
        OPENBLAS_BLOCKED,
        /** As {@link #OPENBLAS_BLOCKED} with the FMA contractions a compiler makes for AVX2 targets. */
        OPENBLAS_BLOCKED_FMA
    }

    private static final double[] C = {0, 1 / 5., 3 / 10., 4 / 5., 8 / 9., 1};
    private static final double[][] A = {{}, {1 / 5.}, {3 / 40., 9 / 40.}, {44 / 45., -56 / 15., 32 / 9.},
        {19372 / 6561., -25360 / 2187., 64448 / 6561., -212 / 729.},
        {9017 / 3168., -355 / 33., 46732 / 5247., 49 / 176., -5103 / 18656.}};
    private static final double[] B = {35 / 384., 0, 500 / 1113., 125 / 192., -2187 / 6784., 11 / 84.};
    private static final double[] E = {-71 / 57600., 0, 71 / 16695., -71 / 1920., 17253 / 339200., -22 / 525., 1 / 40.};
    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 10;
    private static final double ERROR_EXPONENT = -1 / 5.;

    private ScipyRk45() {
    }

    /** Returns {times, values} of the accepted step points, starting with (t0, y0). */
    static double[][] solve(DoubleBinaryOperator f, double t0, double y0, double tBound, double rtol, double atol,
                            double maxStep, Summation sum) {
        double t = t0;
        double y = y0;
        double fy = f.applyAsDouble(t, y);
        double hAbs = initialStep(f, t, y, fy, tBound, maxStep, rtol, atol);
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {t, y});
        double[] k = new double[7];
        while (t < tBound) {
            double minStep = 10 * Math.abs(Math.nextUp(t) - t);
            if (hAbs > maxStep) {
                hAbs = maxStep;
            } else if (hAbs < minStep) {
                hAbs = minStep;
            }
            boolean rejected = false;
            double tNew;
            double yNew;
            double fNew;
            while (true) {
                if (hAbs < minStep) {
                    throw new IllegalStateException("RK45: step size too small at t=" + t);
                }
                double h = hAbs;
                tNew = t + h;
                if (tNew - tBound > 0) {
                    tNew = tBound;
                }
                h = tNew - t;
                hAbs = Math.abs(h);
                k[0] = fy;
                for (int s = 1; s < 6; s++) {
                    double dy = dot(k, A[s], s, sum) * h;
                    k[s] = f.applyAsDouble(t + C[s] * h, y + dy);
                }
                yNew = y + h * dot(k, B, 6, sum);
                fNew = f.applyAsDouble(t + h, yNew);
                k[6] = fNew;
                double scale = atol + Math.max(Math.abs(y), Math.abs(yNew)) * rtol;
                double errorNorm = Math.abs(dot(k, E, 7, sum) * h / scale);
                if (errorNorm < 1) {
                    double factor = errorNorm == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, SAFETY * Math.pow(errorNorm, ERROR_EXPONENT));
                    if (rejected) {
                        factor = Math.min(1, factor);
                    }
                    hAbs *= factor;
                    break;
                }
                hAbs *= Math.max(MIN_FACTOR, SAFETY * Math.pow(errorNorm, ERROR_EXPONENT));
                rejected = true;
            }
            t = tNew;
            y = yNew;
            fy = fNew;
            out.add(new double[] {t, y});
        }
        double[][] r = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            r[0][i] = out.get(i)[0];
            r[1][i] = out.get(i)[1];
        }
        return r;
    }

    /** scipy.integrate._ivp.common.select_initial_step for one component (order 4 error estimator). */
    static double initialStep(DoubleBinaryOperator f, double t0, double y0, double f0, double tBound, double maxStep,
                              double rtol, double atol) {
        double interval = Math.abs(tBound - t0);
        double scale = atol + Math.abs(y0) * rtol;
        double d0 = Math.abs(y0 / scale);
        double d1 = Math.abs(f0 / scale);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, interval);
        double y1 = y0 + h0 * f0;
        double f1 = f.applyAsDouble(t0 + h0, y1);
        double d2 = Math.abs((f1 - f0) / scale) / h0;
        double h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 1 / 5.);
        return Math.min(Math.min(100 * h0, h1), Math.min(interval, maxStep));
    }

    static double dot(double[] k, double[] a, int n, Summation mode) {
        if (mode == Summation.SEQUENTIAL) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += k[i] * a[i];
            }
            return s;
        }
        boolean fma = mode == Summation.OPENBLAS_BLOCKED_FMA;
        int tail = n & 3;
        int blocked = n - tail;
        double y = 0;
        if (blocked > 0) {
            double temp = 0;
            for (int i = 0; i < blocked; i += 4) {
                double e = fma
                        ? Math.fma(k[i + 3], a[i + 3], Math.fma(k[i + 2], a[i + 2], Math.fma(k[i + 1], a[i + 1], k[i] * a[i])))
                        : ((k[i] * a[i] + k[i + 1] * a[i + 1]) + k[i + 2] * a[i + 2]) + k[i + 3] * a[i + 3];
                temp = temp + e;
            }
            y = y + temp;
        }
        int b = blocked;
        if (tail == 3) {
            y = y + (fma ? Math.fma(k[b + 2], a[b + 2], Math.fma(k[b + 1], a[b + 1], k[b] * a[b]))
                    : (k[b] * a[b] + k[b + 1] * a[b + 1]) + k[b + 2] * a[b + 2]);
        } else if (tail == 2) {
            y = y + (fma ? Math.fma(k[b + 1], a[b + 1], k[b] * a[b]) : k[b] * a[b] + k[b + 1] * a[b + 1]);
        } else if (tail == 1) {
            y = fma ? Math.fma(k[b], a[b], y) : y + k[b] * a[b];
        }
        return y;
    }
}
