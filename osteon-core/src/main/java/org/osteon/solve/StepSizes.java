package org.osteon.solve;

/** Choice of the first step of a segment, shared by the adaptive integrators. */
final class StepSizes {
    private StepSizes() {
    }

    /**
     * The step to start a segment with: the run's last step size when there is one (a restart
     * after an event or breakpoint), otherwise Hairer's heuristic {@link #hairer}. Never above
     * {@code hmax}.
     */
    static double start(OdeFunction f, double t, double[] y, double[] f0, double hmax, int order,
                        double[] rtol, double[] atol, double[] yWork, double[] fWork, IntegrationContext ctx) {
        double hint = ctx.lastStepSize();
        if (hint > 0 && hint < Double.POSITIVE_INFINITY) {
            return Math.min(hint, hmax);
        }
        return hairer(f, t, y, f0, hmax, order, rtol, atol, yWork, fWork, ctx.statistics());
    }

    /**
     * Hairer's initial step heuristic (HINIT in DOPRI5/DOP853, Hairer, Norsett and Wanner,
     * Solving ODEs I, sec. II.4): a step such that {@code h^order * max(|f0|, |f'|) = 0.01} in the
     * tolerance-weighted norm, where f' is estimated from one explicit Euler step ({@link #probe}).
     * Norms are RMS, as in the error estimate. Costs one evaluation of f.
     */
    static double hairer(OdeFunction f, double t, double[] y, double[] f0, double hmax, int order,
                         double[] rtol, double[] atol, double[] y1, double[] f1, SolverStatistics stats) {
        Probe p = probe(f, t, y, f0, hmax, rtol, atol, y1, f1, stats, true);
        double h = p.step();
        double der2 = p.curvature();
        if (!(der2 < Double.POSITIVE_INFINITY)) {
            return Math.min(h, hmax);
        }
        double der12 = Math.max(Math.abs(der2), p.rmsF0());
        double h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 1.0 / order);
        return Math.min(Math.min(100 * h, h1), hmax);
    }

    /**
     * What the first-step rules of {@link #hairer} and {@link Bdf} measure before each applies its
     * own formula: {@code step} = hp, {@code rmsF0} = |f0| and {@code curvature} = |f(t + hp, y +
     * hp f0) - f0| / hp, an estimate of |y''| from one explicit Euler probe, all in the RMS norm
     * weighted by {@code atol + rtol |y|}. NaN curvature: not probed (f0 = 0 and the caller asked
     * not to); infinite: f was not finite at the probe even after moving it 100x closer four times.
     */
    record Probe(double step, double rmsF0, double curvature) {
    }

    /**
     * The probe of Hairer's HINIT: hp = 0.01 |y0| / |f0| (1e-6 when either norm is below 1e-5),
     * at most hLimit, then f at the Euler point y + hp f0 (into {@code f1}, with {@code y1} as
     * scratch; one evaluation, counted, or more when f is not finite there: each retry probes
     * 100x closer, at most 5 in all).
     *
     * @param probeAtRest false to return without evaluating f when f0 = 0 (curvature NaN)
     */
    static Probe probe(OdeFunction f, double t, double[] y, double[] f0, double hLimit, double[] rtol, double[] atol,
                       double[] y1, double[] f1, SolverStatistics stats, boolean probeAtRest) {
        int n = y.length;
        double dnf = 0;
        double dny = 0;
        for (int i = 0; i < n; i++) {
            double sk = atol[i] + rtol[i] * Math.abs(y[i]);
            double a = f0[i] / sk;
            double b = y[i] / sk;
            dnf += a * a;
            dny += b * b;
        }
        dnf /= n;
        dny /= n;
        if (dnf == 0 && !probeAtRest) {
            return new Probe(hLimit, 0, Double.NaN);
        }
        double h = (dnf <= 1e-10 || dny <= 1e-10) ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
        h = Math.min(h, hLimit);
        double der2 = Double.NaN;
        for (int attempt = 0; attempt < 5 && !(der2 < Double.POSITIVE_INFINITY); attempt++) {
            for (int i = 0; i < n; i++) {
                y1[i] = y[i] + h * f0[i];
            }
            f.derivatives(t + h, y1, f1);
            stats.functionEvaluations++;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double d = (f1[i] - f0[i]) / (atol[i] + rtol[i] * Math.abs(y[i]));
                sum += d * d;
            }
            der2 = Math.sqrt(sum / n) / h;
            if (!(der2 < Double.POSITIVE_INFINITY)) {
                h *= 0.01; // the Euler probe left the domain of f: probe closer
            }
        }
        return new Probe(h, Math.sqrt(dnf), der2);
    }
}
