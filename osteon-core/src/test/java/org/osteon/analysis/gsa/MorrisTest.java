package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Morris screening on functions whose answer is known in advance. */
class MorrisTest {
    static double[] evaluate(Morris.Design design, java.util.function.ToDoubleFunction<double[]> f) {
        double[] y = new double[design.evaluations()];
        for (int k = 0; k < y.length; k++) {
            y[k] = f.applyAsDouble(design.point(k));
        }
        return y;
    }

    @Test
    void linearFunctionHasItsCoefficientsAsEffects() {
        double[] a = {3, -2, 0.5, 0};
        Morris.Design design = new Morris.Design(4, 20, 4, 9);
        Morris.Effects e = Morris.analyse(design, evaluate(design, x -> {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * x[i];
            }
            return s;
        }), 200, 0.95, 9);
        for (int i = 0; i < a.length; i++) {
            // Each elementary effect of a linear function is exactly its coefficient (rounding only).
            assertThat(e.mu()[i]).isCloseTo(a[i], within(1e-12));
            assertThat(e.muStar()[i]).isCloseTo(Math.abs(a[i]), within(1e-12));
            assertThat(e.sigma()[i]).isCloseTo(0, within(1e-12));
        }
    }

    /**
     * Sobol's G function, g = Π (|4 x_i − 2| + a_i)/(1 + a_i) with a = (0, 1, 4.5, 9, 99, 99): the
     * smaller a_i, the more important x_i (Saltelli et al. 2008, section 3.5). μ* must rank the
     * factors in that order, with the two a = 99 factors last.
     */
    @Test
    void gFunctionFactorsAreRankedByImportance() {
        double[] a = {0, 1, 4.5, 9, 99, 99};
        Morris.Design design = new Morris.Design(6, 60, 4, 3);
        Morris.Effects e = Morris.analyse(design, evaluate(design, x -> {
            double g = 1;
            for (int i = 0; i < a.length; i++) {
                g *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
            }
            return g;
        }), 500, 0.95, 3);
        double[] m = e.muStar();
        assertThat(m[0]).isGreaterThan(m[1]);
        assertThat(m[1]).isGreaterThan(m[2]);
        assertThat(m[2]).isGreaterThan(m[3]);
        assertThat(m[3]).isGreaterThan(Math.max(m[4], m[5]));
        for (int i = 0; i < 6; i++) {
            assertThat(e.muStarLow()[i]).isLessThanOrEqualTo(m[i]);
            assertThat(e.muStarHigh()[i]).isGreaterThanOrEqualTo(m[i]);
        }
    }

    @Test
    void everyFactorMovesOnceByDeltaInEachTrajectory() {
        Morris.Design design = new Morris.Design(5, 10, 6, 1);
        double delta = 6 / (2.0 * 5);
        assertThat(design.delta()).isEqualTo(delta);
        for (int t = 0; t < 10; t++) {
            boolean[] moved = new boolean[5];
            for (int s = 0; s < 5; s++) {
                double[] before = design.point(t * 6 + s);
                double[] after = design.point(t * 6 + s + 1);
                int changed = -1;
                for (int i = 0; i < 5; i++) {
                    assertThat(after[i]).isBetween(0.0, 1.0);
                    if (before[i] != after[i]) {
                        assertThat(changed).isEqualTo(-1);
                        changed = i;
                        assertThat(Math.abs(after[i] - before[i])).isCloseTo(delta, within(1e-12));
                    }
                }
                moved[changed] = true;
            }
            assertThat(moved).containsOnly(true);
        }
    }
}
