package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osteon.solve.TestProblems.fixedJacobian;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.util.SparsityPattern;

/**
 * {@link IterationMatrix}: the dense/sparse choice at its documented thresholds (24 states, a
 * quarter of the entries), W = c I - J solved against systems worked out by hand in both
 * storages, a singular W refused, and a non-finite Jacobian entry named by its row and column.
 */
class IterationMatrixTest {
    /** n rows, each with the diagonal and the next perRow - 1 columns (cyclically). */
    private static SparsityPattern banded(int n, int perRow) {
        int[] starts = new int[n + 1];
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.TreeSet<Integer> row = new java.util.TreeSet<>();
            for (int k = 0; k < perRow; k++) {
                row.add((i + k) % n);
            }
            cols.addAll(row);
            starts[i + 1] = cols.size();
        }
        return new SparsityPattern(n, starts, cols.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void sparseFromTwentyFourStatesWithAtMostAQuarterOfTheEntries() {
        // 24 states, 6 per row: 144 = 24 * 24 / 4 entries, exactly the density limit
        assertThat(IterationMatrix.of(fixedJacobian(banded(24, 6), new double[144])).kind()).isEqualTo("sparse");
        assertThat(IterationMatrix.of(fixedJacobian(banded(24, 7), new double[168])).kind()).isEqualTo("dense");
        assertThat(IterationMatrix.of(fixedJacobian(banded(23, 2), new double[46])).kind()).isEqualTo("dense");
        assertThat(IterationMatrix.of(fixedJacobian(banded(100, 3), new double[300])).kind()).isEqualTo("sparse");
        OdeFunction big = fixedJacobian(banded(100, 3), new double[300]);
        assertThat(IterationMatrix.dense(big).kind()).isEqualTo("dense");
        assertThat(IterationMatrix.sparse(fixedJacobian(banded(3, 2), new double[6])).kind()).isEqualTo("sparse");
    }

    /**
     * J = [[1, 2, 0], [0, 3, 4], [5, 0, 6]] (pattern: diagonal and next column), c = 10:
     * W = [[9, -2, 0], [0, 7, -4], [-5, 0, 4]]; W x = (7, 3, -1) has x = (1, 1, 1).
     */
    @Test
    void solvesWAgainstAHandSolvedSystemInBothStorages() {
        SparsityPattern p = banded(3, 2); // rows {0,1}, {1,2}, {0,2}
        double[] values = {1, 2, 3, 4, 5, 6};
        for (IterationMatrix m : List.of(IterationMatrix.dense(fixedJacobian(p, values)), IterationMatrix.sparse(fixedJacobian(p, values)))) {
            SolverStatistics stats = new SolverStatistics();
            m.evaluate(fixedJacobian(p, values), 0, new double[3], new double[3], new double[3], new double[3], stats);
            assertThat(stats.jacobianEvaluations).isEqualTo(1);
            assertThat(m.factor(10)).isTrue();
            double[] b = {7, 3, -1};
            m.solve(b);
            assertThat(b[0]).as(m.kind()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(b[1]).as(m.kind()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(b[2]).as(m.kind()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
            // c = 1: W = [[0, -2, 0], [0, -2, -4], [-5, 0, -5]] is regular; c such that a row vanishes:
            // J = diag(2) pattern only would make 2 I - J zero
        }
    }

    @Test
    void aSingularIterationMatrixIsRefused() {
        SparsityPattern p = banded(3, 2);
        double[] values = {2, 0, 2, 0, 0, 2}; // J = 2 I on the pattern: W = 2 I - J = 0
        for (IterationMatrix m : List.of(IterationMatrix.dense(fixedJacobian(p, values)), IterationMatrix.sparse(fixedJacobian(p, values)))) {
            m.evaluate(fixedJacobian(p, values), 0, new double[3], new double[3], new double[3], new double[3], new SolverStatistics());
            assertThat(m.factor(2)).as(m.kind()).isFalse();
            assertThat(m.factor(3)).as(m.kind()).isTrue();
        }
    }

    /** A NaN at row 2, column 0 (the fifth pattern entry) is named as d f/d y_0 of component 2. */
    @Test
    void aNonFiniteJacobianEntryIsNamedByRowAndColumn() {
        SparsityPattern p = banded(3, 2);
        double[] values = {1, 2, 3, 4, Double.NaN, 6};
        for (IterationMatrix m : List.of(IterationMatrix.dense(fixedJacobian(p, values)), IterationMatrix.sparse(fixedJacobian(p, values)))) {
            assertThatThrownBy(() -> m.evaluate(fixedJacobian(p, values), 1.5, new double[3], new double[3], new double[3],
                    new double[3], new SolverStatistics()))
                    .isInstanceOfSatisfying(SolverException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SolverException.Reason.NOT_FINITE);
                        assertThat(e.component()).isEqualTo(2);
                    })
                    .hasMessageContaining("the Jacobian entry d f/d y_0 of component 2 is NaN at t=1.5");
        }
        double[] inRow1 = {1, 2, 3, Double.POSITIVE_INFINITY, 5, 6}; // row 1, column 2
        for (IterationMatrix m : List.of(IterationMatrix.dense(fixedJacobian(p, inRow1)), IterationMatrix.sparse(fixedJacobian(p, inRow1)))) {
            assertThatThrownBy(() -> m.evaluate(fixedJacobian(p, inRow1), 0, new double[3], new double[3], new double[3],
                    new double[3], new SolverStatistics()))
                    .hasMessageContaining("d f/d y_2 of component 1 is Infinity");
        }
    }
}
