package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;
import org.osteon.solve.SteadyStateIterations.Outcome;

/**
 * The iteration paths of {@link SteadyStateIterations}: scalar problems whose Newton and
 * pseudo-transient iterates follow by hand from the documented algorithms, so that a changed
 * damping rule, step-growth rule or convergence test changes an asserted iteration count or
 * iterate. Weights are {@code atol + rtol |y|}; with rtol = 0 they are the constant atol, so the
 * weighted norm of a scalar v is |v| / atol.
 */
class SteadyStateIterationsTest {

    private static SteadyStateIterations iterations(OdeFunction f, double atol) {
        return new SteadyStateIterations(f, 0, Tolerances.of(f.dimension(), 0, atol));
    }

    private static OdeFunction scalar(java.util.function.DoubleUnaryOperator f, java.util.function.DoubleUnaryOperator df) {
        return TestProblems.ode(1, true, (t, y, dy) -> dy[0] = f.applyAsDouble(y[0]),
                (t, y, j) -> j[0] = df.applyAsDouble(y[0]));
    }

    /** |v|_w = sqrt(mean((v_i / (atol_i + rtol_i |y_i|))^2)): weights 1 + 0.1 * 10 = 2 and 2 + 0.1 * 20 = 4, ratios 1.5 and 1. */
    @Test
    void weightedNormByHand() {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> { }, null);
        SteadyStateIterations it = new SteadyStateIterations(f, 0,
                Tolerances.of(new double[] {0.1, 0.1}, new double[] {1, 2}));
        assertThat(it.weightedNorm(new double[] {3, 4}, new double[] {10, -20}))
                .isCloseTo(Math.sqrt((1.5 * 1.5 + 1) / 2), offset(1e-15));
    }

    /** Rows of |a| of [[1, -2], [3, 4]] sum to 3 and 7 (columns to 4 and 6): the norm is 7. */
    @Test
    void maxRowSumByHand() {
        assertThat(SteadyStateIterations.maxRowSum(new double[] {1, -2, 3, 4}, 2)).isEqualTo(7);
        assertThat(SteadyStateIterations.maxRowSum(new double[] {-5, 1, 0, 2}, 2)).isEqualTo(6);
    }

    /**
     * f = 1 - y from y = 0 with atol = 1: the first Newton update is exactly 1, so |dy|_w = 1, which
     * the documented test {@code |dy|_w <= 1} accepts: converged in iteration 1 at y = 0 + 1 = 1.
     */
    @Test
    void newtonAcceptsAnUpdateExactlyAtTheTolerance() {
        Outcome o = iterations(scalar(y -> 1 - y, y -> -1), 1).newton(new double[] {0}, 10);
        assertThat(o.converged()).isTrue();
        assertThat(o.iterations()).isEqualTo(1);
        assertThat(o.y()[0]).isEqualTo(1.0);
    }

    /**
     * Newton for f = 2 - y^2 from y = 1 (atol 1e-3): the iterates are Heron's 3/2, 17/12, 577/408;
     * the update from 577/408 is 665857/470832 - 577/408 = -2.1e-6 <= 1e-3, so iteration 4
     * converges at 665857/470832 (every full step lowers |f|, so the line search takes lambda = 1).
     * The value is exact to rounding (1e-15).
     */
    @Test
    void newtonFollowsHeronsIterationForTheSquareRootOfTwo() {
        Outcome o = iterations(scalar(y -> 2 - y * y, y -> -2 * y), 1e-3).newton(new double[] {1}, 10);
        assertThat(o.converged()).isTrue();
        assertThat(o.iterations()).isEqualTo(4);
        assertThat(o.y()[0]).isCloseTo(665857.0 / 470832.0, offset(1e-15));
        Outcome two = iterations(scalar(y -> 2 - y * y, y -> -2 * y), 1e-3).newton(new double[] {1}, 2);
        assertThat(two.converged()).isFalse();
        assertThat(two.iterations()).isEqualTo(2);
        assertThat(two.y()[0]).as("after two full steps: 17/12").isCloseTo(17.0 / 12, offset(1e-15));
        assertThat(two.note()).isEqualTo("no convergence in 2 iterations");
    }

    /**
     * f = -sign(y) sqrt|y|: the Newton update is dy = -2y, so the full step maps y to -y with the
     * same |f| and the Armijo test |f_new|^2 <= (1 - 2e-4) |f|^2 rejects it; the halved step lands on
     * the root 0 exactly. From y = 4: iteration 1 goes to 0, iteration 2 has dy = 0 and converges.
     * A line search that accepted no decrease would flip between 4 and -4 for ever.
     */
    @Test
    void newtonLineSearchHalvesAStepThatDoesNotLowerTheResidual() {
        OdeFunction f = scalar(y -> -Math.signum(y) * Math.sqrt(Math.abs(y)),
                y -> y == 0 ? -1 : -1 / (2 * Math.sqrt(Math.abs(y))));
        Outcome o = iterations(f, 1).newton(new double[] {4}, 20);
        assertThat(o.converged()).isTrue();
        assertThat(o.iterations()).isEqualTo(2);
        assertThat(o.y()[0]).isEqualTo(0.0);
    }

    /** Each failure is reported with where it happened (component 0 of a scalar problem is the first index). */
    @Test
    void newtonReportsWhatStoppedIt() {
        Outcome nanStart = iterations(scalar(y -> Double.NaN, y -> 1), 1).newton(new double[] {1}, 5);
        assertThat(nanStart.converged()).isFalse();
        assertThat(nanStart.iterations()).isZero();
        assertThat(nanStart.note()).isEqualTo("f is not finite at the start");

        Outcome nanJacobian = iterations(scalar(y -> 1 - y, y -> Double.NaN), 1).newton(new double[] {0}, 5);
        assertThat(nanJacobian.converged()).isFalse();
        assertThat(nanJacobian.iterations()).isEqualTo(1);
        assertThat(nanJacobian.note()).isEqualTo("the Jacobian is not finite at iteration 1");

        Outcome singular = iterations(scalar(y -> 1, y -> 0), 1).newton(new double[] {0}, 5);
        assertThat(singular.converged()).isFalse();
        assertThat(singular.note()).startsWith("the Jacobian is singular at iteration 1");

        // dy = -1e300 / 1e-300 overflows to -Infinity; the 1 x 1 matrix itself is well conditioned
        Outcome overflow = iterations(scalar(y -> 1e300, y -> 1e-300), 1).newton(new double[] {0}, 5);
        assertThat(overflow.converged()).isFalse();
        assertThat(overflow.iterations()).isEqualTo(1);
        assertThat(overflow.note()).isEqualTo("the Newton update is not finite at iteration 1");
        assertThat(overflow.y()[0]).isEqualTo(0.0);
    }

    /**
     * Pseudo-transient continuation on the linear f = -4 y (|J| = 4) from y = 1000, atol 1e-12.
     * With delta a = d (a = 4) the step (I/delta + a) dy = -a y gives y_new = y / (d + 1), and
     * switched evolution relaxation multiplies d by |f_old| / |f_new| = d + 1: d = 1, 2, 6, 42, 1806,
     * 3263442, then 1806 * 1807 * 1807 * 1806 ... is capped at PTC_MAX_DELTA = 1e7 (d = 1e7 in
     * iterations 7 and 8). |dy| first drops below 1e-12 in iteration 8 (|dy_7| = 9.4e-11), so it
     * converges there at y = 1000 / (2 * 3 * 7 * 43 * 1807 * 3263443 * (1e7 + 1)^2).
     * Tolerance 1e-6 relative: y + dy cancels all but 1/(d + 1) of y, which amplifies rounding by
     * d <= 1e7 (about 2e-9).
     */
    @Test
    void continuationGrowsItsPseudoTimeStepBySwitchedEvolutionRelaxation() {
        Outcome o = iterations(scalar(y -> -4 * y, y -> -4), 1e-12).pseudoTransient(new double[] {1000}, 50);
        assertThat(o.converged()).isTrue();
        assertThat(o.iterations()).isEqualTo(8);
        double expected = 1000 / (3263442.0 * 3263443.0 * (1e7 + 1) * (1e7 + 1));
        assertThat(o.y()[0]).isCloseTo(expected, withPercentage(1e-4));
    }

    /**
     * The convergence test needs a pseudo time step of at least 1e4 / |J|: f = -0.01 y from y = 1
     * with atol 1 has |dy| <= 1 from the first iteration, but d = delta |J| runs 1, 2, 6, 42, 1806,
     * 3263442 (as above, independent of |J|), so iteration 6 is the first to converge, at
     * y = 1 / (2 * 3 * 7 * 43 * 1807 * 3263443) (1e-6 relative, as above).
     */
    @Test
    void continuationConvergesOnlyOnceThePseudoTimeStepIsLarge() {
        Outcome o = iterations(scalar(y -> -0.01 * y, y -> -0.01), 1).pseudoTransient(new double[] {1}, 50);
        assertThat(o.converged()).isTrue();
        assertThat(o.iterations()).isEqualTo(6);
        assertThat(o.y()[0]).isCloseTo(1 / (3263442.0 * 3263443.0), withPercentage(1e-4));
    }

    /**
     * A zero Jacobian has |J| = 0, replaced by 1: with f = 1, delta = 1 and (I/1) dy = 1, each
     * iteration adds exactly 1 and |f| never changes, so delta stays 1 and 5 iterations end at y = 5
     * without convergence (delta |J| = 1 < 1e4).
     */
    @Test
    void continuationWithAZeroJacobianUsesUnitTimeScale() {
        Outcome o = iterations(scalar(y -> 1, y -> 0), 1).pseudoTransient(new double[] {0}, 5);
        assertThat(o.converged()).isFalse();
        assertThat(o.iterations()).isEqualTo(5);
        assertThat(o.y()[0]).isEqualTo(5.0);
        assertThat(o.note()).isEqualTo("no convergence in 5 iterations");
    }

    /**
     * f is finite only at the guess y = 5 (f = -4, J = -4): every trial step gives NaN and divides
     * delta by 10, from 1/4 down to below the floor 1e-10 / |J| = 2.5e-11. After k rejections
     * delta = 0.1^k / 4, and 0.1^10 rounds to 1.0000000000000006e-10 (above 1e-10), so the floor is
     * crossed at the 11th rejection: collapse reported at iteration 11, y unchanged.
     */
    @Test
    void continuationReportsACollapsedPseudoTimeStep() {
        Outcome o = iterations(scalar(y -> y == 5 ? -4 : Double.NaN, y -> -4), 1).pseudoTransient(new double[] {5}, 50);
        assertThat(o.converged()).isFalse();
        assertThat(o.iterations()).isEqualTo(11);
        assertThat(o.y()[0]).isEqualTo(5.0);
        assertThat(o.note()).isEqualTo("the pseudo time step collapsed at iteration 11");
    }

    @Test
    void continuationReportsANonFiniteStart() {
        Outcome nanStart = iterations(scalar(y -> Double.NaN, y -> 1), 1).pseudoTransient(new double[] {1}, 5);
        assertThat(nanStart.converged()).isFalse();
        assertThat(nanStart.iterations()).isZero();
        assertThat(nanStart.note()).isEqualTo("f is not finite at the start");
        Outcome nanJacobian = iterations(scalar(y -> 1 - y, y -> Double.NaN), 1).pseudoTransient(new double[] {0}, 5);
        assertThat(nanJacobian.converged()).isFalse();
        assertThat(nanJacobian.iterations()).isZero();
        assertThat(nanJacobian.note()).isEqualTo("the Jacobian is not finite at the start");
        // finite at the start, NaN Jacobian from the first accepted step on
        Outcome nanLater = iterations(scalar(y -> -4 * y, y -> y == 1000 ? -4 : Double.NaN), 1e-12)
                .pseudoTransient(new double[] {1000}, 5);
        assertThat(nanLater.converged()).isFalse();
        assertThat(nanLater.iterations()).isEqualTo(2);
        assertThat(nanLater.note()).isEqualTo("the Jacobian is not finite at iteration 2");
        assertThat(nanLater.y()[0]).as("one step from 1000 with d = 1: 1000 / 2").isEqualTo(500.0);
    }
}
