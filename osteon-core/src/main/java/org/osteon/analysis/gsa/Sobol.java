package org.osteon.analysis.gsa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Variance-based sensitivity indices by Saltelli's sampling scheme: first-order S_i (Saltelli et
 * al. 2010, Comput Phys Commun 181:259, Table 2 (b)) and total-order S_Ti (Jansen 1999, the
 * estimator Table 2 (f) of the same paper recommends), with bootstrap percentile intervals. The
 * first-order estimator uses f(B) minus the mean of the outputs: its expectation is unchanged
 * (E[f(A_B^(i)) − f(A)] = 0) but its variance no longer grows with the square of the output's
 * mean, which otherwise swamps it for outputs far from zero (as SciPy's {@code sobol_indices}).
 *
 * <p>The design: N base points of a Sobol sequence in 2d dimensions (Hipparchus's generator,
 * Joe–Kuo direction numbers; the all-zero first point skipped), randomised by a digital shift
 * (Cranley–Patterson rotation) drawn from the seed; the first d coordinates form matrix A, the
 * last d matrix B, and A_B^(i) is A with column i from B. Evaluation {@code k} is row
 * {@code k / (d+2)} of A (k mod (d+2) = 0), B (1) or A_B^(i) (2+i): N(d+2) model runs.
 */
public final class Sobol {
    private Sobol() {
    }

    /** Unit-cube coordinates of evaluation k of a design with d factors and N base points. */
    public static final class Design {
        private final int d;
        private final int n;
        private final double[][] a;
        private final double[][] b;

        public Design(int d, int n, long seed) {
            if (d < 1 || n < 2) {
                throw new IllegalArgumentException("a Sobol design needs at least one factor and two base points");
            }
            if (2 * d > 1000) {
                throw new IllegalArgumentException("at most 500 factors (the Sobol sequence has 1000 dimensions)");
            }
            this.d = d;
            this.n = n;
            SobolSequenceGenerator gen = new SobolSequenceGenerator(2 * d);
            gen.skipTo(1);
            SplittableRandom rnd = new SplittableRandom(seed);
            double[] shift = new double[2 * d];
            for (int j = 0; j < shift.length; j++) {
                shift[j] = rnd.nextDouble();
            }
            a = new double[n][d];
            b = new double[n][d];
            for (int j = 0; j < n; j++) {
                double[] p = gen.nextVector();
                for (int i = 0; i < d; i++) {
                    a[j][i] = open(p[i] + shift[i]);
                    b[j][i] = open(p[d + i] + shift[d + i]);
                }
            }
        }

        /** The fractional part, kept inside (0, 1) so that unbounded distributions stay finite. */
        private static double open(double x) {
            double f = x - Math.floor(x);
            return Math.min(Math.max(f, 1e-12), 1 - 1e-12);
        }

        public int factors() {
            return d;
        }

        public int baseSamples() {
            return n;
        }

        public int evaluations() {
            return n * (d + 2);
        }

        public double[] point(int k) {
            int row = k / (d + 2);
            int m = k % (d + 2);
            if (m == 1) {
                return b[row].clone();
            }
            double[] x = a[row].clone();
            if (m >= 2) {
                x[m - 2] = b[row][m - 2];
            }
            return x;
        }
    }

    /** Indices of one output: values and bootstrap intervals, per factor. */
    public record Indices(double[] first, double[] firstLow, double[] firstHigh, double[] total, double[] totalLow,
                          double[] totalHigh, double variance, int usedRows, int droppedRows) {
    }

    /**
     * @param y          {@code y[k]}: the output of evaluation k (NaN where the run failed: its row is dropped)
     * @param resamples  bootstrap resamples (0: no intervals)
     * @param confidence the interval's coverage, e.g. 0.95
     */
    public static Indices analyse(double[] y, int d, int resamples, double confidence, long seed) {
        int n = y.length / (d + 2);
        List<Integer> rows = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            boolean ok = true;
            for (int m = 0; m < d + 2; m++) {
                ok &= Double.isFinite(y[j * (d + 2) + m]);
            }
            if (ok) {
                rows.add(j);
            }
        }
        int[] used = rows.stream().mapToInt(Integer::intValue).toArray();
        double[][] est = estimate(y, d, used);
        double[][] lo = new double[2][d];
        double[][] hi = new double[2][d];
        for (double[] r : lo) {
            Arrays.fill(r, Double.NaN);
        }
        for (double[] r : hi) {
            Arrays.fill(r, Double.NaN);
        }
        if (resamples > 0 && used.length > 1) {
            SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
            double[][][] boot = new double[2][d][resamples];
            int[] sample = new int[used.length];
            for (int r = 0; r < resamples; r++) {
                for (int j = 0; j < sample.length; j++) {
                    sample[j] = used[rnd.nextInt(used.length)];
                }
                double[][] e = estimate(y, d, sample);
                for (int i = 0; i < d; i++) {
                    boot[0][i][r] = e[0][i];
                    boot[1][i][r] = e[1][i];
                }
            }
            double tail = (1 - confidence) / 2;
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < d; i++) {
                    double[] v = Arrays.stream(boot[s][i]).filter(Double::isFinite).sorted().toArray();
                    if (v.length > 0) {
                        lo[s][i] = v[(int) Math.floor(tail * (v.length - 1))];
                        hi[s][i] = v[(int) Math.ceil((1 - tail) * (v.length - 1))];
                    }
                }
            }
        }
        return new Indices(est[0], lo[0], hi[0], est[1], lo[1], hi[1], est[2][0], used.length, n - used.length);
    }

    /** {first[d], total[d], {variance}} from the rows given (with repetition, for the bootstrap). */
    private static double[][] estimate(double[] y, int d, int[] rows) {
        int m = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += y[j * (d + 2)] + y[j * (d + 2) + 1];
        }
        mean /= 2.0 * m;
        double var = 0;
        for (int j : rows) {
            double fa = y[j * (d + 2)] - mean;
            double fb = y[j * (d + 2) + 1] - mean;
            var += fa * fa + fb * fb;
        }
        var /= 2.0 * m;
        double[] first = new double[d];
        double[] total = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            double t = 0;
            for (int j : rows) {
                double fa = y[j * (d + 2)];
                double fb = y[j * (d + 2) + 1] - mean;
                double fab = y[j * (d + 2) + 2 + i];
                s += fb * (fab - fa);
                t += (fa - fab) * (fa - fab);
            }
            first[i] = var > 0 ? s / m / var : Double.NaN;
            total[i] = var > 0 ? t / (2.0 * m) / var : Double.NaN;
        }
        return new double[][] {first, total, {var}};
    }
}
