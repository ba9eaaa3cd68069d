package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osteon.solve.SolverException.Reason;
import org.osteon.solve.SteadyState.Eigenvalue;
import org.osteon.solve.SteadyState.Method;
import org.osteon.solve.SteadyState.Stability;

/**
 * {@link SteadyStateSolver} beyond the equilibria of {@link SteadyStateSolverTest}: the options,
 * held (free) states, the residual and eigenvector information of the result, and the exact
 * thresholds of the stability classification. Expected values by hand, as stated per test.
 */
class SteadyStateSolverPathsTest {
    private final SteadyStateSolver solver = new SteadyStateSolver();

    /**
     * f = 2 - y^2 from y = 1 with atol 1e-3, rtol 0: Newton runs Heron's iteration and converges in
     * iteration 4 at 665857/470832 (see SteadyStateIterationsTest), where the residual is
     * |2 - y^2| = 1/470832^2 = 4.511e-12 (Pell: 665857^2 - 2 * 470832^2 = 1) and the Jacobian's
     * eigenvalue is -2 y. Residual bound 1e-3 relative: half an ulp of y (1.1e-16) moves y^2 by
     * 3e-16 and rounding y * y adds 2.2e-16, together 1.2e-4 of the residual.
     */
    @Test
    void theResultReportsTheResidualAndEigenvalueAtTheEquilibrium() {
        OdeFunction f = TestProblems.ode(1, true, (t, y, dy) -> dy[0] = 2 - y[0] * y[0], (t, y, j) -> j[0] = -2 * y[0]);
        SteadyState s = solver.solve(f, SteadyStateSolver.Options.of(new double[] {1})
                .withTolerances(Tolerances.of(1, 0, 1e-3)));
        assertThat(s.method()).isEqualTo(Method.NEWTON);
        assertThat(s.iterations()).isEqualTo(4);
        assertThat(s.state()[0]).isCloseTo(665857.0 / 470832.0, offset(1e-15));
        assertThat(s.residualNorm()).isCloseTo(1 / (470832.0 * 470832.0), offset(1e-3 / (470832.0 * 470832.0)));
        assertThat(s.eigenvalues()).hasSize(1);
        assertThat(s.eigenvalues().get(0).real()).isCloseTo(-2 * Math.sqrt(2), offset(1e-9));
        assertThat(s.eigenvalues().get(0).dominant()).isZero();
        assertThat(s.stability()).isEqualTo(Stability.STABLE);
        assertThat(s.oscillatory()).isFalse();
    }

    /** f(t, y) = t - y at t = 3: the equilibrium is y = 3 (the options' time reaches f). One iteration is allowed and enough for a linear f. */
    @Test
    void theTimeOfTheOptionsIsTheTimeOfTheEquilibrium() {
        OdeFunction f = TestProblems.ode(1, false, (t, y, dy) -> dy[0] = t - y[0], (t, y, j) -> j[0] = -1);
        SteadyState s = solver.solve(f, SteadyStateSolver.Options.of(new double[] {0}).withTime(3)
                .withMaxIterations(1).withTolerances(Tolerances.of(1, 0, 10)));
        assertThat(s.state()[0]).isEqualTo(3.0);
        assertThat(s.iterations()).isEqualTo(1);
        assertThatThrownBy(() -> SteadyStateSolver.Options.of(new double[] {0}).withMaxIterations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIterations must be positive: 0");
    }

    /**
     * y0' = 1 - y0, y1' = y0 - 1: nothing depends on y1 (its Jacobian column is zero), so it is held
     * at its guess 7 while y0 is solved (Newton, exactly 1); its own rate 1 - 1 = 0 vanishes there.
     */
    @Test
    void aStateNothingDependsOnIsHeldAtItsGuess() {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = 1 - y[0];
            dy[1] = y[0] - 1;
        }, (t, y, j) -> {
            j[0] = -1;
            j[1] = 0;
            j[2] = 1;
            j[3] = 0;
        });
        SteadyState s = solver.solve(f, SteadyStateSolver.Options.of(new double[] {0, 7}));
        assertThat(s.state()).containsExactly(1.0, 7.0);
        assertThat(s.method()).isEqualTo(Method.NEWTON);
        assertThat(s.stability()).as("eigenvalues -1 and 0").isEqualTo(Stability.NEUTRAL);
    }

    /** y1' = y0 with y0 -> 1: y1 drifts at rate 1 for ever, and the error names component 1 and its rate. */
    @Test
    void aDriftingFreeStateIsNoSteadyState() {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = 1 - y[0];
            dy[1] = y[0];
        }, (t, y, j) -> {
            j[0] = -1;
            j[1] = 0;
            j[2] = 1;
            j[3] = 0;
        });
        SolverException e = catchThrowableOfType(SolverException.class,
                () -> solver.solve(f, SteadyStateSolver.Options.of(new double[] {0, 7})));
        assertThat(e.reason()).isEqualTo(Reason.NO_CONVERGENCE);
        assertThat(e.component()).isEqualTo(1);
        assertThat(e.getMessage()).contains("component 1 keeps changing at rate 1.0");
    }

    /** Invalid options are refused before any iteration: tolerances of the wrong size, NaN in component 0. */
    @Test
    void invalidOptionsAreNamed() {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = 1 - y[0];
            dy[1] = 2 - y[1];
        }, null);
        SolverException sizes = catchThrowableOfType(SolverException.class, () -> solver.solve(f,
                SteadyStateSolver.Options.of(new double[] {0, 0}).withTolerances(Tolerances.of(1, 1e-6, 1e-9))));
        assertThat(sizes.reason()).isEqualTo(Reason.INVALID_INPUT);
        assertThat(sizes.getMessage()).contains("have 2 and 1");
        SolverException nan = catchThrowableOfType(SolverException.class,
                () -> solver.solve(f, SteadyStateSolver.Options.of(new double[] {Double.NaN, 0})));
        assertThat(nan.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(nan.component()).isZero();
    }

    /**
     * Participation factors of an upper triangular matrix: the right eigenvector of the i-th
     * diagonal entry is zero below i, the left one zero above i, and their product is 1, so the
     * participation |v_k w_k| is 1 at k = i and 0 elsewhere: each eigenvalue is dominated by the
     * state of its diagonal entry. (The decomposition is exact to ~1e-15 here; 0 vs 1 is no close call.)
     */
    @Test
    void eachEigenvalueNamesTheStateThatDrivesIt() {
        double[] jac = {-1, 2, 0, 0, -2, 3, 0, 0, -3};
        List<Eigenvalue> values = SteadyStateSolver.eigenvalues(jac, 3, 0);
        assertThat(values).extracting(Eigenvalue::real)
                .satisfiesExactly(r -> assertThat(r).isCloseTo(-1, offset(1e-12)),
                        r -> assertThat(r).isCloseTo(-2, offset(1e-12)), r -> assertThat(r).isCloseTo(-3, offset(1e-12)));
        assertThat(values).extracting(Eigenvalue::dominant).containsExactly(0, 1, 2);
        double[] lower = {-3, 0, 0, 2, -2, 0, 0, 3, -1};
        assertThat(SteadyStateSolver.eigenvalues(lower, 3, 0)).extracting(Eigenvalue::dominant).containsExactly(2, 1, 0);
    }

    /**
     * The thresholds exactly at their values with |J| = 1: a real part of exactly 1e-9 |J| counts as
     * zero (NEUTRAL, not UNSTABLE), exactly -1e-9 too (NEUTRAL, not STABLE), and an imaginary part of
     * exactly 1e-6 |J| counts as zero (STABLE and no period). 1e-9 + MIN_NORMAL rounds to 1e-9.
     */
    @Test
    void classificationThresholdsAreInclusive() {
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(1e-9, 0), new Eigenvalue(-1, 0)), 1))
                .isEqualTo(Stability.NEUTRAL);
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(-1e-9, 0), new Eigenvalue(-1, 0)), 1))
                .isEqualTo(Stability.NEUTRAL);
        List<Eigenvalue> tiny = List.of(new Eigenvalue(-1, 1e-6), new Eigenvalue(-1, -1e-6));
        assertThat(SteadyStateSolver.classify(tiny, 1)).isEqualTo(Stability.STABLE);
        assertThat(SteadyStateSolver.period(tiny, 1)).isNaN();
    }

    /**
     * The thresholds scale with |J|: with |J| = 1e6 a real part of 5e-4 is below 1e-9 |J| = 1e-3
     * (NEUTRAL) and an imaginary part of 0.5 below 1e-6 |J| = 1 (no oscillation); with |J| = 0 the
     * thresholds are MIN_NORMAL, so an eigenvalue 0 is NEUTRAL and -1 + 0i is STABLE without a period.
     */
    @Test
    void classificationThresholdsAreRelativeToTheJacobianNorm() {
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(5e-4, 0)), 1e6)).isEqualTo(Stability.NEUTRAL);
        List<Eigenvalue> slow = List.of(new Eigenvalue(-1, 0.5), new Eigenvalue(-1, -0.5));
        assertThat(SteadyStateSolver.classify(slow, 1e6)).isEqualTo(Stability.STABLE);
        assertThat(SteadyStateSolver.period(slow, 1e6)).isNaN();
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(0, 0)), 0)).isEqualTo(Stability.NEUTRAL);
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(-1, 0)), 0)).isEqualTo(Stability.STABLE);
        assertThat(SteadyStateSolver.period(List.of(new Eigenvalue(-1, 0)), 0)).isNaN();
    }

    @Test
    void eigenvaluesPrintAsComplexNumbers() {
        assertThat(new Eigenvalue(-3, 0)).hasToString("-3.0");
        assertThat(new Eigenvalue(-1, 2)).hasToString("-1.0 + 2.0i");
        assertThat(new Eigenvalue(-1, -2)).hasToString("-1.0 - 2.0i");
    }
}
