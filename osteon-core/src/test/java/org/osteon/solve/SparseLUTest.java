package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.util.SparsityPattern;

/**
 * {@link SparseLU} and {@link MinimumDegree} against direct checks: residuals of W x = b for
 * random sparse patterns (the backward-stability bound of LU with threshold pivoting, as in
 * {@link DenseLUTest}: |W x - b| <= 1e-10 |W| |x| with room for the growth a 0.01 diagonal
 * preference allows), refactorisation with new values on the same pattern, a fresh pivot order
 * when the old one becomes unstable, singular matrices, and the fill of known structures.
 */
class SparseLUTest {

    /** A random pattern: the given entries per row off the diagonal, the diagonal with probability 0.8. */
    static SparsityPattern randomPattern(Random random, int n, int perRow) {
        int[] starts = new int[n + 1];
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TreeSet<Integer> row = new TreeSet<>();
            if (random.nextDouble() < 0.8) {
                row.add(i);
            }
            for (int k = 0; k < perRow; k++) {
                row.add(random.nextInt(n));
            }
            cols.addAll(row);
            starts[i + 1] = cols.size();
        }
        return new SparsityPattern(n, starts, cols.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double[] randomValues(Random random, int count) {
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = 2 * random.nextDouble() - 1;
        }
        return v;
    }

    /** max |(c I - J) x - b| / (|c I - J|_inf |x|_inf). */
    private static double relativeResidual(SparsityPattern p, double[] values, double c, double[] x, double[] b) {
        int n = p.size();
        double[] dense = new double[n * n];
        p.scatter(values, dense);
        double normW = 0;
        double normX = 0;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            double wx = 0;
            for (int j = 0; j < n; j++) {
                double w = (i == j ? c : 0) - dense[i * n + j];
                row += Math.abs(w);
                wx += w * x[j];
            }
            normW = Math.max(normW, row);
            normX = Math.max(normX, Math.abs(x[i]));
            residual = Math.max(residual, Math.abs(wx - b[i]));
        }
        return residual / (normW * normX);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void solvesRandomSparseSystemsAndRefactors(long seed) {
        Random random = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(120);
            SparsityPattern p = randomPattern(random, n, 1 + random.nextInt(4));
            SparseLU lu = new SparseLU(p);
            for (int round = 0; round < 4; round++) { // new values and shifts on the same pattern
                double[] values = randomValues(random, p.nonZeros());
                double c = round == 0 ? 0.5 : Math.pow(10, 2 * random.nextDouble() - 1);
                if (!lu.factor(values, c)) {
                    continue; // a structurally or numerically singular draw; singular cases are tested below
                }
                double[] b = randomValues(random, n);
                double[] x = b.clone();
                lu.solve(x);
                assertThat(relativeResidual(p, values, c, x, b)).isLessThanOrEqualTo(1e-10);
            }
            assertThat(lu.fullFactorisations + lu.refactorisations).isGreaterThan(0);
        }
    }

    @Test
    void reusesThePivotOrderAndPivotsAgainWhenItBecomesUnstable() {
        // J = [[0, 1], [1, 0]], W = [[c, -1], [-1, c]]: for c = 10 and 5 the diagonal pivots; for
        // c = 1e-6 the stored order's first pivot c is 1e-6 of its column's other entry, so the
        // refactorisation is refused and the rows are swapped by a fresh factorisation.
        SparsityPattern p = new SparsityPattern(2, new int[] {0, 1, 2}, new int[] {1, 0});
        double[] values = {1, 1};
        SparseLU lu = new SparseLU(p);
        assertThat(lu.factor(values, 10)).isTrue();
        assertThat(lu.factor(values, 5)).isTrue();
        assertThat(lu.fullFactorisations).isEqualTo(1);
        assertThat(lu.refactorisations).isEqualTo(1);
        assertThat(lu.factor(values, 1e-6)).isTrue();
        assertThat(lu.fullFactorisations).isEqualTo(2);
        double[] x = {1, 2};
        lu.solve(x);
        assertThat(relativeResidual(p, values, 1e-6, x, new double[] {1, 2})).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void reportsSingularAndNonFiniteMatrices() {
        // J = [[1, 1], [1, 1]], c = 0: W = -J is singular
        SparsityPattern p = new SparsityPattern(2, new int[] {0, 2, 4}, new int[] {0, 1, 0, 1});
        SparseLU lu = new SparseLU(p);
        assertThat(lu.factor(new double[] {1, 1, 1, 1}, 0)).isFalse();
        assertThat(lu.factor(new double[] {1, Double.NaN, 1, 1}, 1)).isFalse();
        assertThat(lu.factor(new double[] {1, 1, 1, 1}, 1)).isTrue(); // recovers: W = [[0,-1],[-1,0]]
        double[] x = {3, 4};
        lu.solve(x);
        assertThat(x).containsExactly(-4, -3);
    }

    /** A row with every column missing from J still has W's diagonal c. */
    @Test
    void addsMissingDiagonalEntries() {
        SparsityPattern p = new SparsityPattern(3, new int[] {0, 1, 1, 2}, new int[] {2, 0});
        SparseLU lu = new SparseLU(p);
        assertThat(lu.factor(new double[] {2, 3}, 1)).isTrue();
        double[] b = {1, 1, 1};
        double[] x = b.clone();
        lu.solve(x);
        assertThat(relativeResidual(p, new double[] {2, 3}, 1, x, b)).isLessThanOrEqualTo(1e-15);
    }

    /**
     * An arrow matrix with its hub first: eliminated in natural order the hub fills everything
     * (n^2 entries); minimum degree puts the hub last and there is no fill at all (George and Liu
     * 1989, the star graph). A tridiagonal matrix keeps its 3n - 2 entries.
     */
    @Test
    void minimumDegreeAvoidsFillOnKnownStructures() {
        int n = 200;
        int[] starts = new int[n + 1];
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                for (int j = 0; j < n; j++) {
                    cols.add(j);
                }
            } else {
                cols.add(0);
                cols.add(i);
            }
            starts[i + 1] = cols.size();
        }
        SparsityPattern arrow = new SparsityPattern(n, starts, cols.stream().mapToInt(Integer::intValue).toArray());
        int[] order = MinimumDegree.order(arrow);
        assertThat(order[n - 1]).isZero();
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, n).toArray());
        SparseLU lu = new SparseLU(arrow);
        double[] values = new double[arrow.nonZeros()];
        Arrays.fill(values, -1);
        assertThat(lu.factor(values, 2 * n)).isTrue();
        assertThat(lu.factorEntries()).isEqualTo(arrow.nonZeros() + n); // L and U each hold the diagonal

        int[] tStarts = new int[n + 1];
        List<Integer> tCols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
                tCols.add(j);
            }
            tStarts[i + 1] = tCols.size();
        }
        SparsityPattern tri = new SparsityPattern(n, tStarts, tCols.stream().mapToInt(Integer::intValue).toArray());
        SparseLU triLu = new SparseLU(tri);
        double[] tv = new double[tri.nonZeros()];
        Arrays.fill(tv, 1);
        assertThat(triLu.factor(tv, 4)).isTrue();
        assertThat(triLu.factorEntries()).isEqualTo(tri.nonZeros() + n);
    }
}
