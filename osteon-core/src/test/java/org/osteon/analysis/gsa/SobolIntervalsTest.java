package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Sobol indices on a linear model, whose indices are closed forms, and the bootstrap intervals'
 * behaviour at their limits (one usable row, confidence near 0 and near 1, zero variance).
 */
class SobolIntervalsTest {
    /**
     * f = 4 x1 + 2 x2 + 0 x3 on the unit cube: Var = (16 + 4) / 12, so S1 = ST1 = 0.8, S2 = ST2 = 0.2,
     * S3 = ST3 = 0 (no interactions). With 4096 base rows the estimators' errors are about
     * 1/sqrt(4096) = 0.016; the bound 0.05 is three of those.
     */
    @Test
    void aLinearModelHasItsClosedFormIndicesInsideNarrowingIntervals() {
        int d = 3;
        Sobol.Design design = new Sobol.Design(d, 4096, 9);
        double[] y = new double[design.evaluations()];
        for (int k = 0; k < y.length; k++) {
            double[] x = design.point(k);
            y[k] = 4 * x[0] + 2 * x[1];
        }
        Sobol.Indices s = Sobol.analyse(y, d, 300, 0.95, 2);
        assertThat(s.variance()).isCloseTo(20 / 12.0, within(0.05 * 20 / 12.0));
        double[] exact = {0.8, 0.2, 0};
        for (int i = 0; i < d; i++) {
            assertThat(s.first()[i]).isCloseTo(exact[i], within(0.05));
            assertThat(s.total()[i]).isCloseTo(exact[i], within(0.05));
            assertThat(s.firstLow()[i]).isLessThanOrEqualTo(s.firstHigh()[i]);
        }
        assertThat(s.total()[2]).isEqualTo(0.0); // f(A_B^(3)) = f(A) exactly
        assertThat(s.firstLow()[0]).isLessThan(0.8).isGreaterThan(0.7);
        assertThat(s.firstHigh()[0]).isGreaterThan(0.8).isLessThan(0.9);
        Sobol.Indices wide = Sobol.analyse(y, d, 300, 0.999, 2);
        Sobol.Indices narrow = Sobol.analyse(y, d, 300, 0.02, 2);
        assertThat(wide.firstLow()[0]).isLessThanOrEqualTo(s.firstLow()[0]);
        assertThat(wide.firstHigh()[0]).isGreaterThanOrEqualTo(s.firstHigh()[0]);
        assertThat(narrow.firstHigh()[0] - narrow.firstLow()[0]).isLessThan((s.firstHigh()[0] - s.firstLow()[0]) / 5);
        assertThat(narrow.firstLow()[0]).isGreaterThan(s.firstLow()[0]);
        assertThat(narrow.totalHigh()[0]).isLessThan(s.totalHigh()[0]);
    }

    /** Rows laid out as f(A), f(B), f(A_B^(1)) for d = 1. */
    @Test
    void oneUsableRowGivesEstimatesButNoInterval() {
        double[] y = {1, 3, 3, 2, Double.NaN, 2};
        Sobol.Indices s = Sobol.analyse(y, 1, 100, 0.95, 1);
        assertThat(s.usedRows()).isEqualTo(1);
        assertThat(s.droppedRows()).isEqualTo(1);
        // mean 2, variance 1; S1 = (3 - 2)(3 - 1) / 1 / 1 = 2, ST1 = (1 - 3)^2 / 2 / 1 = 2
        assertThat(s.variance()).isEqualTo(1.0);
        assertThat(s.first()[0]).isEqualTo(2.0);
        assertThat(s.total()[0]).isEqualTo(2.0);
        assertThat(s.firstLow()[0]).isNaN();
        assertThat(s.totalHigh()[0]).isNaN();
    }

    /** f(A) = f(B) = 1 everywhere but f(A_B) = 2: no variance, so both indices are NaN, never infinite. */
    @Test
    void zeroVarianceGivesNaNEvenWhenTheMixedRowsDiffer() {
        Sobol.Indices s = Sobol.analyse(new double[] {1, 1, 2, 1, 1, 2}, 1, 10, 0.95, 1);
        assertThat(s.variance()).isZero();
        assertThat(s.first()[0]).isNaN();
        assertThat(s.total()[0]).isNaN();
        assertThat(s.totalLow()[0]).isNaN();
    }
}
