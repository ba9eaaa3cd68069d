package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osteon.util.SparsityPattern;

/**
 * {@link SparseLU}'s pivoting rules on 2 x 2 systems solved by hand (W = c I - J with c = 0, so
 * W = -J): the diagonal is kept as pivot while it is at least {@link SparseLU#PIVOT_TOLERANCE}
 * of the column's largest entry; a refactorisation keeps the pivots while each is at least
 * {@link SparseLU#REFACTOR_TOLERANCE} of the largest entry below it and otherwise pivots afresh.
 * Which pivot was chosen is seen through the count of refactorisations: with the diagonal as
 * first pivot, a later matrix with a zero diagonal cannot be refactored on the same pivots.
 */
class SparseLUPivotingTest {
    private static final SparsityPattern FULL = new SparsityPattern(2, new int[] {0, 2, 4}, new int[] {0, 1, 0, 1});

    /** J's values (pattern order: row 0 then row 1) for W = [[a, b], [c, d]] with c_W = 0. */
    private static double[] minus(double a, double b, double c, double d) {
        return new double[] {-a, -b, -c, -d};
    }

    private static double[] solve(SparseLU lu, double... b) {
        double[] x = b.clone();
        lu.solve(x);
        return x;
    }

    @Test
    void theDiagonalIsKeptExactlyAtThePivotTolerance() {
        SparseLU lu = new SparseLU(FULL);
        double t = SparseLU.PIVOT_TOLERANCE;
        assertThat(lu.factor(minus(t, 1, 1, t), 0)).isTrue();
        // W = [[0, 1], [1, 0]]: the diagonal pivot is now 0, so the refactorisation must give up
        assertThat(lu.factor(minus(0, 1, 1, 0), 0)).isTrue();
        assertThat(lu.fullFactorisations).isEqualTo(2);
        assertThat(lu.refactorisations).isZero();
        assertThat(solve(lu, 3, 5)).containsExactly(5, 3);
    }

    @Test
    void aDiagonalBelowThePivotToleranceIsNotKept() {
        SparseLU lu = new SparseLU(FULL);
        double t = SparseLU.PIVOT_TOLERANCE * 0.99;
        assertThat(lu.factor(minus(t, 1, 1, t), 0)).isTrue();
        // rows swapped: [[0, 1], [1, 0]] refactors on the same pivots (1 and 1)
        assertThat(lu.factor(minus(0, 1, 1, 0), 0)).isTrue();
        assertThat(lu.fullFactorisations).isEqualTo(1);
        assertThat(lu.refactorisations).isEqualTo(1);
        assertThat(solve(lu, 3, 5)).containsExactly(5, 3);
    }

    @Test
    void aRefactorisationKeepsAPivotExactlyAtItsTolerance() {
        SparseLU lu = new SparseLU(FULL);
        assertThat(lu.factor(minus(1, 1, 1, 3), 0)).isTrue(); // diagonal pivots
        double r = SparseLU.REFACTOR_TOLERANCE;
        // W = [[r, 0], [1, 1]]: first pivot r against 1 below it, exactly the tolerance: kept
        assertThat(lu.factor(minus(r, 0, 1, 1), 0)).isTrue();
        assertThat(lu.refactorisations).isEqualTo(1);
        // W x = (r, 2): x = (1, 1)
        double[] x = solve(lu, r, 2);
        assertThat(x[0]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(x[1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        // half of it is not kept: pivots afresh (row 1 first)
        assertThat(lu.factor(minus(r / 2, 0, 1, 1), 0)).isTrue();
        assertThat(lu.refactorisations).isEqualTo(1);
        assertThat(lu.fullFactorisations).isEqualTo(2);
    }

    @Test
    void aMatrixThatBecameSingularIsRefusedAfterARefactorisationAttempt() {
        SparseLU lu = new SparseLU(FULL);
        assertThat(lu.factor(minus(2, 1, 1, 2), 0)).isTrue();
        assertThat(lu.factor(minus(0, 1, 0, 1), 0)).isFalse(); // first column zero
        assertThat(lu.factor(minus(1, 2, 2, 4), 0)).isFalse(); // rank one
        assertThat(lu.factor(minus(4, 0, 0, 0.5), 0)).isTrue();
        assertThat(solve(lu, 2, 2)).containsExactly(0.5, 4);
    }

    @Test
    void theLargestFiniteValueIsAnAcceptableEntry() {
        SparseLU lu = new SparseLU(new SparsityPattern(1, new int[] {0, 1}, new int[] {0}));
        assertThat(lu.size()).isEqualTo(1);
        assertThat(lu.factor(new double[] {-Double.MAX_VALUE}, 0)).isTrue();
        assertThat(solve(lu, Double.MAX_VALUE)).containsExactly(1);
        assertThat(lu.factor(new double[] {Double.NEGATIVE_INFINITY}, 0)).isFalse();
        assertThat(lu.factor(new double[] {Double.NaN}, 0)).isFalse();
    }
}
