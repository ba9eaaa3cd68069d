package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Saltelli's estimators on outputs small enough to evaluate by hand, and the layout of the design
 * (A, B, A_B^(i) per base row), complementing the statistical checks of {@link IshigamiTest}.
 */
class SobolByHandTest {

    /**
     * f(x1, x2) = x1 with two base rows, f(A) = (1, 5), f(B) = (3, 1); then f(A_B^(1)) = f(B) and
     * f(A_B^(2)) = f(A). Mean of f(A) and f(B): 2.5; variance (2.25 + 0.25 + 6.25 + 2.25) / 4 = 2.75.
     * First order (Saltelli 2010, Table 2 (b), with f(B) centred): sum (f(B) - 2.5)(f(A_B^(i)) - f(A)) / 2 / 2.75:
     * S1 = ((0.5)(2) + (-1.5)(-4)) / 5.5 = 7 / 5.5, S2 = 0. Total (Jansen): sum (f(A) - f(A_B^(i)))^2 / 4 / 2.75:
     * ST1 = (4 + 16) / 11 = 20 / 11, ST2 = 0. (Two rows make poor estimates; the point is the formula.)
     */
    @Test
    void estimatorsOnTwoRowsByHand() {
        double[] y = {1, 3, 3, 1, 5, 1, 1, 5};
        Sobol.Indices s = Sobol.analyse(y, 2, 0, 0.95, 1);
        assertThat(s.variance()).isCloseTo(2.75, within(1e-15));
        assertThat(s.first()[0]).isCloseTo(7 / 5.5, within(1e-14));
        assertThat(s.first()[1]).isCloseTo(0, within(1e-15));
        assertThat(s.total()[0]).isCloseTo(20 / 11.0, within(1e-14));
        assertThat(s.total()[1]).isCloseTo(0, within(1e-15));
        assertThat(s.usedRows()).isEqualTo(2);
        assertThat(s.droppedRows()).isZero();
        assertThat(s.firstLow()[0]).as("no resamples, no interval").isNaN();
        assertThat(s.totalHigh()[1]).isNaN();
    }

    /**
     * A third row with an infinite output is dropped: the indices are those of the two rows above.
     * A constant output has no variance: the indices are NaN, not a division by zero.
     */
    @Test
    void droppedRowsAndZeroVariance() {
        double[] y = {1, 3, 3, 1, 5, 1, 1, 5, 2, Double.POSITIVE_INFINITY, 2, 2};
        Sobol.Indices s = Sobol.analyse(y, 2, 0, 0.95, 1);
        assertThat(s.usedRows()).isEqualTo(2);
        assertThat(s.droppedRows()).isEqualTo(1);
        assertThat(s.first()[0]).isCloseTo(7 / 5.5, within(1e-14));
        Sobol.Indices flat = Sobol.analyse(new double[] {4, 4, 4, 4, 4, 4}, 1, 5, 0.95, 1);
        assertThat(flat.variance()).isZero();
        assertThat(flat.first()[0]).isNaN();
        assertThat(flat.total()[0]).isNaN();
        assertThat(flat.firstLow()[0]).as("every resample is NaN: no interval").isNaN();
    }

    /**
     * With every row identical, every bootstrap resample gives the same indices, so the percentile
     * interval collapses onto the estimate: f = x1 with f(A) = 1, f(B) = 3 in each of 3 rows gives
     * mean 2, variance 1, S1 = (1)(3 - 1) / 1 = 2, ST1 = 4 / 2 = 2, S2 = ST2 = 0.
     */
    @Test
    void bootstrapOfIdenticalRowsCollapsesOnTheEstimate() {
        double[] y = {1, 3, 3, 1, 1, 3, 3, 1, 1, 3, 3, 1};
        Sobol.Indices s = Sobol.analyse(y, 2, 50, 0.9, 7);
        assertThat(s.first()[0]).isCloseTo(2, within(1e-15));
        assertThat(s.total()[0]).isCloseTo(2, within(1e-15));
        assertThat(s.firstLow()[0]).isCloseTo(2, within(1e-15));
        assertThat(s.firstHigh()[0]).isCloseTo(2, within(1e-15));
        assertThat(s.totalLow()[0]).isCloseTo(2, within(1e-15));
        assertThat(s.totalHigh()[0]).isCloseTo(2, within(1e-15));
        assertThat(s.firstLow()[1]).isCloseTo(0, within(1e-15));
        assertThat(s.totalHigh()[1]).isCloseTo(0, within(1e-15));
    }

    /** Evaluation k is row k / (d + 2) of A (k mod (d+2) = 0), B (1) or A with column i from B (2 + i); all inside (0, 1). */
    @Test
    void designLayout() {
        Sobol.Design design = new Sobol.Design(3, 4, 11);
        assertThat(design.factors()).isEqualTo(3);
        assertThat(design.baseSamples()).isEqualTo(4);
        assertThat(design.evaluations()).isEqualTo(20);
        for (int row = 0; row < 4; row++) {
            double[] a = design.point(row * 5);
            double[] b = design.point(row * 5 + 1);
            for (int i = 0; i < 3; i++) {
                double[] ab = design.point(row * 5 + 2 + i);
                for (int k = 0; k < 3; k++) {
                    assertThat(ab[k]).isEqualTo(k == i ? b[k] : a[k]);
                    assertThat(a[k]).isStrictlyBetween(0.0, 1.0);
                    assertThat(b[k]).isStrictlyBetween(0.0, 1.0);
                }
                assertThat(a[i]).as("A and B differ in every column").isNotEqualTo(b[i]);
            }
        }
        assertThat(design.point(0)).as("the same seed gives the same design").containsExactly(new Sobol.Design(3, 4, 11).point(0));
        assertThat(design.point(0)).as("another seed another shift").isNotEqualTo(new Sobol.Design(3, 4, 12).point(0));
    }

    @Test
    void designLimits() {
        assertThatThrownBy(() -> new Sobol.Design(0, 4, 1)).hasMessageContaining("at least one factor and two base points");
        assertThatThrownBy(() -> new Sobol.Design(1, 1, 1)).hasMessageContaining("two base points");
        assertThat(new Sobol.Design(1, 2, 1).evaluations()).isEqualTo(6);
        assertThat(new Sobol.Design(500, 2, 1).factors()).isEqualTo(500);
        assertThatThrownBy(() -> new Sobol.Design(501, 2, 1)).hasMessageContaining("at most 500 factors");
    }
}
