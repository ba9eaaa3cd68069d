package org.osteon.solve;

/** Forward-difference Jacobian for right-hand sides without an analytic one. */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    static void jacobian(OdeFunction f, double t, double[] y, double[] dfdy) {
        int n = f.dimension();
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        double[] yy = y.clone();
        f.derivatives(t, y, f0);
        double sqrtEps = Math.sqrt(Math.ulp(1.0));
        for (int j = 0; j < n; j++) {
            double h = sqrtEps * Math.max(Math.abs(y[j]), 1e-5 * sqrtEps);
            if (h == 0) {
                h = sqrtEps;
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
