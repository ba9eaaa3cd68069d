package org.osteon.solve;

/** Small numerical helpers for the tests: weighted errors, log-log slopes, end states. */
final class Measure {
    private Measure() {
    }

    /** max_i |y_i - ref_i| / (atol + rtol |ref_i|): 1 means "exactly at the requested tolerance". */
    static double errorInTolerances(double[] y, double[] ref, double rtol, double atol) {
        double worst = 0;
        for (int i = 0; i < y.length; i++) {
            worst = Math.max(worst, Math.abs(y[i] - ref[i]) / (atol + rtol * Math.abs(ref[i])));
        }
        return worst;
    }

    /** Least-squares slope of log(err) against log(h). */
    static double slope(double[] h, double[] err) {
        int m = h.length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < m; i++) {
            sx += Math.log(h[i]);
            sy += Math.log(err[i]);
        }
        double mx = sx / m;
        double my = sy / m;
        double num = 0;
        double den = 0;
        for (int i = 0; i < m; i++) {
            double dx = Math.log(h[i]) - mx;
            num += dx * (Math.log(err[i]) - my);
            den += dx * dx;
        }
        return num / den;
    }

    /** Integrates and returns the state at tStop (from the last step's end state). */
    static double[] endState(Integrator integrator, OdeFunction f, double[] y0, double tStop, IntegrationContext ctx) {
        double[] end = y0.clone();
        double t = integrator.integrate(f, 0, y0, tStop, step -> {
            System.arraycopy(step.endState(), 0, end, 0, end.length);
            return true;
        }, ctx);
        if (t != tStop) {
            throw new AssertionError("integration ended at " + t + " instead of " + tStop);
        }
        return end;
    }

    static IntegrationContext context(int n, double rtol, double atol) {
        return new IntegrationContext(Tolerances.of(n, rtol, atol), 10_000_000, 0);
    }

    static void report(String line) {
        System.out.println("[measure] " + line);
    }
}
