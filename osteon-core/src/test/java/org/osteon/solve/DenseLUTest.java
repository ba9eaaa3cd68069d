package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseLUTest {

    /**
     * Random matrices with entries in [-1, 1] (sizes 1..50): the solution of A x = b has a
     * residual |A x - b|_inf <= 1e-12 |A|_inf |x|_inf, the backward-stability bound of LU with
     * partial pivoting (n * eps * growth, with ample room for growth at these sizes).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void solvesRandomSystems(long seed) {
        Random random = new Random(seed);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(50);
            double[] a = new double[n * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = 2 * random.nextDouble() - 1;
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = 2 * random.nextDouble() - 1;
            }
            DenseLU lu = new DenseLU(n);
            System.arraycopy(a, 0, lu.matrix(), 0, n * n);
            assertThat(lu.factor()).isTrue();
            double[] x = b.clone();
            lu.solve(x);
            double normA = 0;
            double normX = 0;
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double row = 0;
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    row += Math.abs(a[i * n + j]);
                    ax += a[i * n + j] * x[j];
                }
                normA = Math.max(normA, row);
                normX = Math.max(normX, Math.abs(x[i]));
                residual = Math.max(residual, Math.abs(ax - b[i]));
            }
            assertThat(residual).isLessThanOrEqualTo(1e-12 * normA * normX);
        }
    }

    @Test
    void pivotsWhenTheDiagonalIsZero() {
        DenseLU lu = new DenseLU(2);
        double[] m = lu.matrix();
        m[0] = 0;
        m[1] = 2;
        m[2] = 3;
        m[3] = 0;
        assertThat(lu.factor()).isTrue();
        double[] x = {4, 9};
        lu.solve(x);
        assertThat(x).containsExactly(3, 2); // 2 x2 = 4, 3 x1 = 9
    }

    @Test
    void detectsSingularMatrices() {
        DenseLU lu = new DenseLU(3);
        // second row = -first row (a conservation law): exactly singular
        System.arraycopy(new double[] {-0.3, 0.2, 0, 0.3, -0.2, 0, 0, 0, -0.5}, 0, lu.matrix(), 0, 9);
        assertThat(lu.factor()).isFalse();
        System.arraycopy(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, lu.matrix(), 0, 9);
        // rank 2 up to rounding: exactly or numerically singular
        assertThat(!lu.factor() || lu.pivotRatio() < 1e-14).isTrue();
        System.arraycopy(new double[] {1, 0, 0, 0, Double.NaN, 0, 0, 0, 1}, 0, lu.matrix(), 0, 9);
        assertThat(lu.factor()).isFalse();
    }

    /**
     * The near-singularity indicator, by hand: [[0, 4], [1, 0]] pivots on the 1 of column 0, then 4
     * is the last pivot: smallest pivot 1 over largest entry 4 = 0.25 (exact). diag(2, -0.5, 8):
     * 0.5 / 8 = 0.0625. A zero matrix has no pivot (ratio 0, factor refused); an infinite entry is refused.
     */
    @Test
    void pivotRatioIsTheSmallestPivotOverTheLargestEntry() {
        DenseLU lu = new DenseLU(2);
        System.arraycopy(new double[] {0, 4, 1, 0}, 0, lu.matrix(), 0, 4);
        assertThat(lu.factor()).isTrue();
        assertThat(lu.pivotRatio()).isEqualTo(0.25);
        double[] x = {8, 3};
        lu.solve(x);
        assertThat(x).containsExactly(3, 2); // 4 x2 = 8, x1 = 3

        DenseLU diagonal = new DenseLU(3);
        System.arraycopy(new double[] {2, 0, 0, 0, -0.5, 0, 0, 0, 8}, 0, diagonal.matrix(), 0, 9);
        assertThat(diagonal.factor()).isTrue();
        assertThat(diagonal.pivotRatio()).isEqualTo(0.0625);

        DenseLU zero = new DenseLU(2);
        assertThat(zero.factor()).isFalse();
        assertThat(zero.pivotRatio()).isZero();

        DenseLU infinite = new DenseLU(2);
        System.arraycopy(new double[] {1, 0, 0, Double.POSITIVE_INFINITY}, 0, infinite.matrix(), 0, 4);
        assertThat(infinite.factor()).isFalse();
        assertThat(infinite.pivotRatio()).isNaN();
    }

    /**
     * A 3 x 3 system whose elimination needs a row swap at the second column too, with the exact
     * solution known: A = [[1, 2, 3], [3, 7, 1], [2, 4, 7]], x = (1, -1, 2) gives b = A x = (5, -2, 12)
     * (hand multiplication). Column 0 pivots on row 2 (the 3), column 1 on row 3 (-2/3 against -1/3). Tolerance 1e-14: the factors of this small integer matrix are exact up to rounding.
     */
    @Test
    void solvesASystemNeedingTwoRowSwaps() {
        DenseLU lu = new DenseLU(3);
        System.arraycopy(new double[] {1, 2, 3, 3, 7, 1, 2, 4, 7}, 0, lu.matrix(), 0, 9);
        assertThat(lu.factor()).isTrue();
        double[] x = {5, -2, 12};
        lu.solve(x);
        assertThat(x[0]).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(x[1]).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(x[2]).isCloseTo(2, org.assertj.core.api.Assertions.within(1e-14));
    }
}
