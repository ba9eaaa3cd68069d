package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Morris's design limits and the statistics of the elementary effects, computed independently from
 * the design's points by the definition EE_i = (f(x + Δ e_i) − f(x)) / (±Δ), for f = x1² + 3 x2
 * (EE_1 = 2 x1 ± Δ varies between trajectories, EE_2 = 3 does not).
 */
class MorrisEffectsTest {
    private static double f(double[] x) {
        return x[0] * x[0] + 3 * x[1];
    }

    /** Elementary effects by trajectory, from the points only: the factor that moved and by how much. */
    private static double[][] effectsByDefinition(Morris.Design design, double[] y) {
        int d = design.factors();
        double[][] ee = new double[design.trajectories()][d];
        for (int t = 0; t < design.trajectories(); t++) {
            for (int s = 0; s < d; s++) {
                double[] before = design.point(t * (d + 1) + s);
                double[] after = design.point(t * (d + 1) + s + 1);
                for (int i = 0; i < d; i++) {
                    if (after[i] != before[i]) {
                        ee[t][i] = (y[t * (d + 1) + s + 1] - y[t * (d + 1) + s]) / (after[i] - before[i]);
                    }
                }
            }
        }
        return ee;
    }

    @Test
    void designLimits() {
        Morris.Design smallest = new Morris.Design(1, 2, 2, 1);
        assertThat(smallest.factors()).isEqualTo(1);
        assertThat(smallest.trajectories()).isEqualTo(2);
        assertThat(smallest.evaluations()).isEqualTo(4);
        assertThat(smallest.delta()).isEqualTo(1.0); // p / (2 (p - 1)) with p = 2
        assertThat(new Morris.Design(3, 5, 4, 1).delta()).isEqualTo(4 / 6.0);
        assertThatThrownBy(() -> new Morris.Design(0, 5, 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Morris design needs at least one factor and two trajectories");
        assertThatThrownBy(() -> new Morris.Design(2, 1, 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Morris design needs at least one factor and two trajectories");
        assertThatThrownBy(() -> new Morris.Design(2, 5, 3, 1)).hasMessage("the number of levels must be even and at"
                + " least 2, got 3");
        assertThatThrownBy(() -> new Morris.Design(2, 5, 0, 1)).hasMessage("the number of levels must be even and at"
                + " least 2, got 0");
    }

    @Test
    void factorsMoveInRandomOrderAndSeedsGiveOtherDesigns() {
        Morris.Design design = new Morris.Design(3, 60, 4, 7);
        Set<Integer> firstMoved = new HashSet<>();
        for (int t = 0; t < 60; t++) {
            double[] x0 = design.point(4 * t);
            double[] x1 = design.point(4 * t + 1);
            for (int i = 0; i < 3; i++) {
                if (x0[i] != x1[i]) {
                    firstMoved.add(i);
                }
            }
        }
        // a random order over 60 trajectories moves each factor first some time (chance of missing one: 3 (2/3)^60)
        assertThat(firstMoved).containsExactlyInAnyOrder(0, 1, 2);
        Morris.Design other = new Morris.Design(3, 60, 4, 8);
        boolean differs = false;
        for (int k = 0; k < design.evaluations(); k++) {
            differs |= !java.util.Arrays.equals(design.point(k), other.point(k));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void meanAbsoluteMeanAndStandardDeviationFollowTheirDefinitions() {
        Morris.Design design = new Morris.Design(2, 30, 4, 11);
        double[] y = MorrisTest.evaluate(design, MorrisEffectsTest::f);
        double[][] ee = effectsByDefinition(design, y);
        Morris.Effects e = Morris.analyse(design, y, 0, 0.95, 1);
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            double abs = 0;
            for (double[] row : ee) {
                sum += row[i];
                abs += Math.abs(row[i]);
            }
            double mean = sum / 30;
            double ss = 0;
            for (double[] row : ee) {
                ss += (row[i] - mean) * (row[i] - mean);
            }
            assertThat(e.mu()[i]).isCloseTo(mean, within(1e-12));
            assertThat(e.muStar()[i]).isCloseTo(abs / 30, within(1e-12));
            assertThat(e.sigma()[i]).isCloseTo(Math.sqrt(ss / 29), within(1e-12));
        }
        assertThat(e.mu()[1]).isCloseTo(3, within(1e-12));
        assertThat(e.sigma()[0]).isGreaterThan(0.1); // 2 x1 varies with the level
        // no resamples: no interval
        assertThat(e.muStarLow()).containsOnly(Double.NaN);
        assertThat(e.muStarHigh()).containsOnly(Double.NaN);
        assertThat(e.usedTrajectories()).isEqualTo(30);
        assertThat(e.droppedTrajectories()).isZero();
    }

    @Test
    void aTrajectoryWithOneFailedRunIsDroppedWhole() {
        Morris.Design design = new Morris.Design(2, 3, 4, 2);
        double[] y = MorrisTest.evaluate(design, MorrisEffectsTest::f);
        double[][] ee = effectsByDefinition(design, y);
        y[3 + 1] = Double.NaN; // the middle point of trajectory 1
        Morris.Effects e = Morris.analyse(design, y, 100, 0.95, 1);
        assertThat(e.usedTrajectories()).isEqualTo(2);
        assertThat(e.droppedTrajectories()).isEqualTo(1);
        assertThat(e.mu()[0]).isCloseTo((ee[0][0] + ee[2][0]) / 2, within(1e-12));
        assertThat(e.muStar()[0]).isCloseTo((Math.abs(ee[0][0]) + Math.abs(ee[2][0])) / 2, within(1e-12));
        // one usable trajectory: μ* but no spread and no interval
        y[6] = Double.NaN;
        Morris.Effects one = Morris.analyse(design, y, 100, 0.95, 1);
        assertThat(one.usedTrajectories()).isEqualTo(1);
        assertThat(one.muStar()[0]).isCloseTo(Math.abs(ee[0][0]), within(1e-12));
        assertThat(one.sigma()[0]).isNaN();
        assertThat(one.muStarLow()[0]).isNaN();
        assertThat(one.muStarHigh()[1]).isNaN();
    }

    @Test
    void bootstrapIntervalsOfEqualEffectsCollapseAndNarrowWithTheConfidence() {
        // f = 2 x1 - x2: every elementary effect is exact, so every resample's μ* is the same
        Morris.Design design = new Morris.Design(2, 10, 4, 5);
        Morris.Effects linear = Morris.analyse(design, MorrisTest.evaluate(design, x -> 2 * x[0] - x[1]), 200, 0.95, 3);
        assertThat(linear.muStarLow()[0]).isCloseTo(2, within(1e-12));
        assertThat(linear.muStarHigh()[0]).isCloseTo(2, within(1e-12));
        assertThat(linear.muStarLow()[1]).isCloseTo(1, within(1e-12));
        // f = x1²: μ* varies between resamples. The interval holds the middle 'confidence' of the
        // sorted resamples, so it narrows as the confidence falls and widens to the extremes near 1.
        Morris.Design big = new Morris.Design(2, 40, 4, 5);
        double[] y = MorrisTest.evaluate(big, MorrisEffectsTest::f);
        Morris.Effects wide = Morris.analyse(big, y, 1001, 0.999, 3);
        Morris.Effects usual = Morris.analyse(big, y, 1001, 0.95, 3);
        Morris.Effects narrow = Morris.analyse(big, y, 1001, 0.02, 3);
        double w = usual.muStarHigh()[0] - usual.muStarLow()[0];
        assertThat(w).isPositive();
        assertThat(usual.muStarLow()[0]).isLessThan(usual.muStar()[0]);
        assertThat(usual.muStarHigh()[0]).isGreaterThan(usual.muStar()[0]);
        assertThat(wide.muStarLow()[0]).isLessThanOrEqualTo(usual.muStarLow()[0]);
        assertThat(wide.muStarHigh()[0]).isGreaterThanOrEqualTo(usual.muStarHigh()[0]);
        assertThat(narrow.muStarHigh()[0] - narrow.muStarLow()[0]).isLessThan(w / 5);
        assertThat(narrow.muStarLow()[0]).isGreaterThan(usual.muStarLow()[0]);
        assertThat(narrow.muStarHigh()[0]).isLessThan(usual.muStarHigh()[0]);
    }
}
