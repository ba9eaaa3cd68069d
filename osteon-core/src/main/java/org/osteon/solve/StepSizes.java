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
     * tolerance-weighted norm, where f' is estimated from one explicit Euler step. Norms are RMS,
     * as in the error estimate. Costs one evaluation of f.
     */
    static double hairer(OdeFunction f, double t, double[] y, double[] f0, double hmax, int order,
                         double[] rtol, double[] atol, double[] y1, double[] f1, SolverStatistics stats) {
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
        double h = (dnf <= 1e-10 || dny <= 1e-10) ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
        h = Math.min(h, hmax);
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
        if (!(der2 < Double.POSITIVE_INFINITY)) {
            return Math.min(h, hmax);
        }
        double der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
        double h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 1.0 / order);
        return Math.min(Math.min(100 * h, h1), hmax);
    }
}
