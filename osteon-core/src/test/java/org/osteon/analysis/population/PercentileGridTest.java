package org.osteon.analysis.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Percentile sketches over a grid of outputs and times: each cell against the exact order
 * statistics of its own values (rank floor(q (n − 1)), bound α |x| as in the class comment),
 * values clamped to the exact extremes, empty cells, and the bucket count of the memory estimate
 * (a value range of ratio R takes ln R / ln((1 + α)/(1 − α)) buckets, plus one).
 */
class PercentileGridTest {
    private static final double ALPHA = 1e-3;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyOutputAndTimeHasItsOwnSketch(int seed) {
        Random rnd = new Random(seed);
        int n = 300;
        // cell (o, t) holds values in [c, 1.5 c) with c = 10 o + t + 1: the cells' ranges do not overlap
        double[][][] cells = new double[2][3][n];
        PercentileSketches s = new PercentileSketches(2, 3, ALPHA);
        for (int i = 0; i < n; i++) {
            double[][] patient = new double[2][3];
            for (int o = 0; o < 2; o++) {
                for (int t = 0; t < 3; t++) {
                    double c = 10 * o + t + 1;
                    patient[o][t] = c * (1 + 0.5 * rnd.nextDouble());
                    cells[o][t][i] = patient[o][t];
                }
            }
            s.add(patient);
        }
        assertThat(s.count()).isEqualTo(n);
        assertThat(s.accuracy()).isEqualTo(ALPHA);
        for (int o = 0; o < 2; o++) {
            for (int t = 0; t < 3; t++) {
                double[] sorted = cells[o][t].clone();
                Arrays.sort(sorted);
                double[] q = s.quantiles(o, t);
                for (int k = 0; k < q.length; k++) {
                    double exact = sorted[(int) Math.floor(PercentileSketches.QUANTILES[k] * (n - 1))];
                    assertThat(Math.abs(q[k] - exact)).isLessThanOrEqualTo(ALPHA * exact * (1 + 1e-12));
                }
                for (double p : new double[] {0.1, 0.9}) {
                    double exact = sorted[(int) Math.floor(p * (n - 1))];
                    assertThat(Math.abs(s.quantile(o, t, p) - exact)).isLessThanOrEqualTo(ALPHA * exact * (1 + 1e-12));
                }
                assertThat(s.min(o, t)).isEqualTo(sorted[0]);
                assertThat(s.max(o, t)).isEqualTo(sorted[n - 1]);
                // the extreme quantiles stay inside the exact extremes, within the accuracy
                assertThat(s.quantile(o, t, 0)).isGreaterThanOrEqualTo(sorted[0]).isLessThanOrEqualTo(sorted[0] * (1 + ALPHA));
                assertThat(s.quantile(o, t, 1)).isLessThanOrEqualTo(sorted[n - 1])
                        .isGreaterThanOrEqualTo(sorted[n - 1] * (1 - ALPHA));
            }
        }
    }

    @Test
    void aSingleValueIsReportedExactlyNotAsItsBucket() {
        // 0.3 is not a bucket's representative value: without the clamp to [min, max] every
        // quantile would be off by up to α.
        PercentileSketches s = new PercentileSketches(1, 2, 0.01);
        s.add(new double[][] {{0.3, 7}});
        assertThat(s.quantiles(0, 0)).containsOnly(0.3);
        assertThat(s.quantiles(0, 1)).containsOnly(7.0);
        assertThat(s.quantile(0, 1, 0.5)).isEqualTo(7.0);
    }

    @Test
    void anEmptySketchReportsNaN() {
        PercentileSketches s = new PercentileSketches(1, 2, ALPHA);
        assertThat(s.count()).isZero();
        assertThat(s.quantiles(0, 1)).hasSize(5).containsOnly(Double.NaN);
        assertThat(s.quantile(0, 1, 0.5)).isNaN();
        assertThat(s.min(0, 0)).isNaN();
        assertThat(s.max(0, 1)).isNaN();
        assertThat(s.buckets()).isZero();
    }

    @Test
    void bucketsGrowWithTheLogarithmOfTheRange() {
        double alpha = 0.01;
        PercentileSketches s = new PercentileSketches(1, 3, alpha);
        s.add(new double[][] {{1, 5, -5}});
        // one bucket per occupied cell; a negative value uses the negative store
        assertThat(s.buckets()).isEqualTo(3);
        s.add(new double[][] {{1000, 5, 5}});
        // cell 0 spans 1..1000: ln 1000 / ln(1.01 / 0.99) = 172.7, so 173 or 174 buckets; cell 1 one; cell 2 two
        double span = Math.log(1000) / Math.log((1 + alpha) / (1 - alpha));
        assertThat(s.buckets() - 3).isBetween((long) Math.floor(span), (long) Math.ceil(span) + 1);
    }
}
