package org.osteon.solve;

/** Forward-difference Jacobian for right-hand sides without an analytic one. */
final class FiniteDifferences {
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    private FiniteDifferences() {
    }

    static void jacobian(OdeFunction f, double t, double[] y, double[] dfdy) {
        int n = f.dimension();
        double[] f0 = new double[n];
        f.derivatives(t, y, f0);
        jacobian(f, t, y, f0, dfdy, y.clone(), new double[n]);
    }

    /**
     * Allocation-free variant for integrators: {@code f0 = f(t, y)} is already known, {@code yy}
     * (a copy of y on entry, restored on exit) and {@code f1} are workspace. Costs n evaluations.
     */
    static void jacobian(OdeFunction f, double t, double[] y, double[] f0, double[] dfdy, double[] yy, double[] f1) {
        int n = y.length;
        for (int j = 0; j < n; j++) {
            double h = SQRT_EPS * Math.max(Math.abs(y[j]), 1e-5 * SQRT_EPS);
            if (h == 0) {
                h = SQRT_EPS;
            }
            yy[j] = y[j] + h;
            h = yy[j] - y[j];
            f.derivatives(t, yy, f1);
            for (int i = 0; i < n; i++) {
                dfdy[i * n + j] = (f1[i] - f0[i]) / h;
            }
            yy[j] = y[j];
        }
    }
}
