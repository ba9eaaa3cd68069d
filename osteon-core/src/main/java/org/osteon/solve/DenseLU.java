package org.osteon.solve;

/**
 * In-place LU decomposition with partial (row) pivoting of a small dense row-major matrix, and
 * the corresponding solves, without allocation after construction. Meant for the 3–50 state
 * systems of Rosenbrock steps and Newton iterations. Not thread-safe.
 */
final class DenseLU {
    private final int n;
    private final double[] lu;
    private final int[] pivot;
    private double minPivot;
    private double maxEntry;

    DenseLU(int n) {
        this.n = n;
        this.lu = new double[n * n];
        this.pivot = new int[n];
    }

    /** The factor storage (row-major, n*n): fill it with the matrix, then call {@link #factor()}. */
    double[] matrix() {
        return lu;
    }

    /**
     * Factors the matrix in {@link #matrix()} in place. Returns false when a pivot is exactly zero
     * or the matrix holds a NaN or infinity: the matrix is singular to working precision.
     */
    boolean factor() {
        final double[] a = lu;
        final int n = this.n;
        double big = 0;
        for (int i = 0; i < n * n; i++) {
            double v = Math.abs(a[i]);
            if (!(v <= Double.MAX_VALUE)) {
                minPivot = Double.NaN;
                maxEntry = Double.NaN;
                return false;
            }
            big = Math.max(big, v);
        }
        maxEntry = big;
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            int p = k;
            double pv = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i * n + k]);
                if (v > pv) {
                    pv = v;
                    p = i;
                }
            }
            pivot[k] = p;
            smallest = Math.min(smallest, pv);
            if (pv == 0) {
                minPivot = 0;
                return false;
            }
            if (p != k) {
                int rp = p * n;
                int rk = k * n;
                for (int j = 0; j < n; j++) {
                    double s = a[rp + j];
                    a[rp + j] = a[rk + j];
                    a[rk + j] = s;
                }
            }
            int rk = k * n;
            double inv = 1.0 / a[rk + k];
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double l = a[ri + k] * inv;
                a[ri + k] = l;
                if (l != 0) {
                    for (int j = k + 1; j < n; j++) {
                        a[ri + j] -= l * a[rk + j];
                    }
                }
            }
        }
        minPivot = smallest;
        return true;
    }

    /** Solves A x = b in place (b becomes x), after a successful {@link #factor()}. */
    void solve(double[] b) {
        final double[] a = lu;
        final int n = this.n;
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double s = b[p];
                b[p] = b[k];
                b[k] = s;
            }
        }
        for (int i = 1; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s / a[ri + i];
        }
    }

    /**
     * Smallest pivot magnitude divided by the largest entry of the factored matrix: a cheap
     * indicator of near-singularity (about 1e-16 or below means singular to working precision).
     */
    double pivotRatio() {
        return maxEntry == 0 ? 0 : minPivot / maxEntry;
    }
}
