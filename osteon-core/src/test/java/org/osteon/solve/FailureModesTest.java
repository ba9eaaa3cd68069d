package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.solve.SolverException.Reason;

/** Failures are reported with a reason, the time, and the component to blame. */
class FailureModesTest {

    /** y' = y^2, y(0) = 1 has the solution 1/(1 - t), which blows up at t = 1. */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void blowUpIsReportedNearTheSingularity(String method) {
        OdeFunction f = TestProblems.ode(1, true, (t, y, dy) -> dy[0] = y[0] * y[0], (t, y, j) -> j[0] = 2 * y[0]);
        SolverException e = catchThrowableOfType(SolverException.class, () -> Integrators.byName(method)
                .integrate(f, 0, new double[] {1}, 2, s -> true, Measure.context(1, 1e-6, 1e-6)));
        assertThat(e.reason()).isIn(Reason.STEP_SIZE_UNDERFLOW, Reason.NOT_FINITE);
        assertThat(e.component()).isZero();
        // exact blow-up time 1. The numerical solution carries a relative error of order rtol = 1e-6,
        // which moves its own pole by about as much (measured: 1 + 9e-8 .. 1 + 7e-7), and the solver
        // gives up once the steps no longer resolve t there: accept |t - 1| <= 10 rtol
        assertThat(e.time()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(e.getMessage()).contains("component 0").contains("t=");
        Measure.report("blow-up " + method + ": " + e.reason() + " at t=" + e.time() + " : " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void tinyStepBudgetRunsOut(String method) {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(8, 1e-8, 1e-12), 10, 0);
        SolverException e = catchThrowableOfType(SolverException.class, () -> Integrators.byName(method)
                .integrate(TestProblems.hires(), 0, TestProblems.HIRES_Y0, TestProblems.HIRES_T_END, s -> true, ctx));
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_STEPS);
        assertThat(e.time()).isGreaterThan(0).isLessThan(TestProblems.HIRES_T_END);
        assertThat(ctx.statistics().acceptedSteps + ctx.statistics().rejectedSteps).isEqualTo(11);
    }

    /** The right-hand side of component 1 becomes NaN for t > 0.5 (like sqrt of a negative number). */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void nanFromTheRightHandSideNamesComponentAndTime(String method) {
        OdeFunction f = TestProblems.ode(2, false, (t, y, dy) -> {
            dy[0] = -y[0];
            dy[1] = Math.sqrt(0.5 - t);
        }, (t, y, j) -> {
            j[0] = -1;
            j[1] = 0;
            j[2] = 0;
            j[3] = 0;
        });
        SolverException e = catchThrowableOfType(SolverException.class, () -> Integrators.byName(method)
                .integrate(f, 0, new double[] {1, 0}, 1, s -> true, Measure.context(2, 1e-6, 1e-6)));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(e.component()).isEqualTo(1);
        assertThat(e.time()).isBetween(0.45, 0.5);
        assertThat(e.getMessage()).contains("component 1");
        assertThat(e.withComponentName("osteoclasts").getMessage()).contains("state 'osteoclasts'")
                .doesNotContain("component 1");
        Measure.report("NaN rhs " + method + ": at t=" + e.time() + " : " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void nanAtTheStartIsReportedAtTheStart(String method) {
        OdeFunction f = TestProblems.ode(3, true, (t, y, dy) -> {
            dy[0] = 1;
            dy[1] = 1;
            dy[2] = Math.log(y[2] - 1); // y2 = 0 at the start: log of a negative number
        }, null);
        SolverException e = catchThrowableOfType(SolverException.class, () -> Integrators.byName(method)
                .integrate(f, 3, new double[] {0, 0, 0}, 4, s -> true, Measure.context(3, 1e-6, 1e-6)));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(e.component()).isEqualTo(2);
        assertThat(e.time()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void nonFiniteInitialStateIsRejected(String method) {
        SolverException e = catchThrowableOfType(SolverException.class, () -> Integrators.byName(method)
                .integrate(TestProblems.decay(), 0, new double[] {1, Double.NaN, 1}, 1, s -> true,
                        Measure.context(3, 1e-6, 1e-6)));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(e.component()).isEqualTo(1);
    }

    /**
     * J with entries of 1e300: I/(h gamma) - J is singular to working precision for every h (the
     * diagonal shift is absorbed by rounding and the two rows cancel exactly).
     */
    @ParameterizedTest
    @ValueSource(strings = {"rodas5p", "bdf"})
    void singularIterationMatrix(String method) {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = -y[0];
            dy[1] = -y[1];
        }, (t, y, j) -> java.util.Arrays.fill(j, 1e300));
        SolverException e = catchThrowableOfType(SolverException.class, () -> Integrators.byName(method)
                .integrate(f, 2, new double[] {1, 1}, 3, s -> true, Measure.context(2, 1e-6, 1e-6)));
        assertThat(e.reason()).isEqualTo(Reason.SINGULAR_MATRIX);
        assertThat(e.time()).isEqualTo(2);
        assertThat(e.getMessage()).contains("singular").contains("t=2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rodas5p", "bdf"})
    void nonFiniteJacobianNamesTheRow(String method) {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = -y[0];
            dy[1] = -y[1];
        }, (t, y, j) -> {
            j[0] = -1;
            j[1] = 0;
            j[2] = Double.NaN;
            j[3] = -1;
        });
        SolverException e = catchThrowableOfType(SolverException.class, () -> Integrators.byName(method)
                .integrate(f, 0, new double[] {1, 1}, 1, s -> true, Measure.context(2, 1e-6, 1e-6)));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(e.component()).isEqualTo(1);
    }
}
