package org.osteon.analysis.gsa;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Morris elementary effects (Morris 1991, Technometrics 33:161) with the absolute mean μ* of
 * Campolongo, Cariboni and Saltelli (2007, Environ Model Softw 22:1509): r trajectories on a
 * p-level grid of the unit cube, each moving every factor once by ±Δ, Δ = p / (2 (p − 1)), in a
 * random order. Evaluation {@code k} is point {@code k mod (d+1)} of trajectory {@code k / (d+1)}:
 * r (d+1) model runs. Elementary effects are in output units per unit of the unit cube (a factor's
 * whole range is 1).
 */
public final class Morris {
    private Morris() {
    }

    /** The trajectories of a design. */
    public static final class Design {
        private final int d;
        private final int r;
        private final double delta;
        private final double[][][] points;
        /** {@code order[t][s]}: the factor moved at step s of trajectory t, and the sign of the move. */
        private final int[][] order;
        private final double[][] step;

        public Design(int d, int trajectories, int levels, long seed) {
            if (d < 1 || trajectories < 2) {
                throw new IllegalArgumentException("a Morris design needs at least one factor and two trajectories");
            }
            if (levels < 2 || levels % 2 != 0) {
                throw new IllegalArgumentException("the number of levels must be even and at least 2, got " + levels);
            }
            this.d = d;
            this.r = trajectories;
            this.delta = levels / (2.0 * (levels - 1));
            points = new double[r][d + 1][];
            order = new int[r][d];
            step = new double[r][d];
            for (int t = 0; t < r; t++) {
                SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + t);
                double[] x = new double[d];
                double[] dir = new double[d];
                for (int i = 0; i < d; i++) {
                    int level = rnd.nextInt(levels);
                    x[i] = level / (double) (levels - 1);
                    dir[i] = x[i] + delta <= 1 + 1e-12 ? delta : -delta;
                }
                int[] perm = new int[d];
                for (int i = 0; i < d; i++) {
                    perm[i] = i;
                }
                for (int i = d - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
                points[t][0] = x.clone();
                for (int s = 0; s < d; s++) {
                    int i = perm[s];
                    x[i] = Math.min(1, Math.max(0, x[i] + dir[i]));
                    points[t][s + 1] = x.clone();
                    order[t][s] = i;
                    step[t][s] = dir[i];
                }
            }
        }

        public int factors() {
            return d;
        }

        public int trajectories() {
            return r;
        }

        public int evaluations() {
            return r * (d + 1);
        }

        public double delta() {
            return delta;
        }

        public double[] point(int k) {
            return points[k / (d + 1)][k % (d + 1)].clone();
        }
    }

    /** Per factor: mean μ, absolute mean μ*, standard deviation σ of the elementary effects, a bootstrap interval of μ*. */
    public record Effects(double[] mu, double[] muStar, double[] sigma, double[] muStarLow, double[] muStarHigh,
                          int usedTrajectories, int droppedTrajectories) {
    }

    /**
     * @param y {@code y[k]}: the output of evaluation k (NaN where a run failed: its trajectory is dropped)
     */
    public static Effects analyse(Design design, double[] y, int resamples, double confidence, long seed) {
        int d = design.d;
        double[][] ee = new double[design.r][];
        int used = 0;
        for (int t = 0; t < design.r; t++) {
            double[] e = new double[d];
            boolean ok = true;
            for (int s = 0; s < d; s++) {
                double before = y[t * (d + 1) + s];
                double after = y[t * (d + 1) + s + 1];
                ok &= Double.isFinite(before) && Double.isFinite(after);
                e[design.order[t][s]] = (after - before) / design.step[t][s];
            }
            if (ok) {
                ee[used++] = e;
            }
        }
        double[][] effects = Arrays.copyOf(ee, used);
        double[] mu = new double[d];
        double[] muStar = new double[d];
        double[] sigma = new double[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.NaN);
        Arrays.fill(hi, Double.NaN);
        for (int i = 0; i < d; i++) {
            double s = 0;
            double a = 0;
            for (double[] e : effects) {
                s += e[i];
                a += Math.abs(e[i]);
            }
            mu[i] = used > 0 ? s / used : Double.NaN;
            muStar[i] = used > 0 ? a / used : Double.NaN;
            double v = 0;
            for (double[] e : effects) {
                v += (e[i] - mu[i]) * (e[i] - mu[i]);
            }
            sigma[i] = used > 1 ? Math.sqrt(v / (used - 1)) : Double.NaN;
        }
        if (resamples > 0 && used > 1) {
            SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
            double[][] boot = new double[d][resamples];
            for (int b = 0; b < resamples; b++) {
                double[] sum = new double[d];
                for (int j = 0; j < used; j++) {
                    double[] e = effects[rnd.nextInt(used)];
                    for (int i = 0; i < d; i++) {
                        sum[i] += Math.abs(e[i]);
                    }
                }
                for (int i = 0; i < d; i++) {
                    boot[i][b] = sum[i] / used;
                }
            }
            double tail = (1 - confidence) / 2;
            for (int i = 0; i < d; i++) {
                Arrays.sort(boot[i]);
                lo[i] = boot[i][(int) Math.floor(tail * (resamples - 1))];
                hi[i] = boot[i][(int) Math.ceil((1 - tail) * (resamples - 1))];
            }
        }
        return new Effects(mu, muStar, sigma, lo, hi, used, design.r - used);
    }
}
