package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osteon.solve.SolverException.Reason;

/**
 * Small parts of the solvers, each against its documented rule with values by hand: tolerance
 * validation and error scale, Hairer's stiffness counter, naming the state in a solver error, and
 * the forward-difference Jacobian on problems where every floating-point operation is exact.
 */
class SolverPartsTest {

    /** atol + rtol * max(|a|, |b|) = 0.5 + 0.25 * 8. */
    @Test
    void toleranceScale() {
        Tolerances tol = Tolerances.of(new double[] {0.25}, new double[] {0.5});
        assertThat(tol.scale(0, -8, 3)).isEqualTo(2.5);
        assertThat(tol.scale(0, 2, -8)).isEqualTo(2.5);
    }

    /** rtol = 0 with atol > 0 (and the reverse) is valid; both zero, a negative one, NaN, infinity or different lengths are not. */
    @Test
    void toleranceValidationAtItsBoundaries() {
        assertThat(Tolerances.of(1, 0, 1e-9).relative(0)).isZero();
        assertThat(Tolerances.of(1, 1e-6, 0).absolute(0)).isZero();
        assertThatThrownBy(() -> Tolerances.of(1, 0, 0)).hasMessageContaining("component 0: rtol=0.0, atol=0.0");
        assertThatThrownBy(() -> Tolerances.of(2, -1e-6, 1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerances.of(1, 1e-6, -1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerances.of(1, Double.NaN, 1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerances.of(1, 1e-6, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerances.of(new double[] {1e-6}, new double[] {1e-9, 1e-9}))
                .hasMessageContaining("lengths differ");
        // the second component is checked too
        assertThatThrownBy(() -> Tolerances.of(new double[] {1e-6, 1e-6}, new double[] {1e-9, -1}))
                .hasMessageContaining("component 1");
    }

    /**
     * DOPRI5's rule: stiff after 15 steps with h*lambda above 3.25, unless 6 consecutive steps at
     * or below it come in between. Exactly 3.25 is not above.
     */
    @Test
    void stiffnessIsDeclaredOnTheFifteenthStiffStep() {
        StiffnessDetector d = new StiffnessDetector();
        assertThat(d.lastHLambda()).isNaN();
        assertThat(d.stiffTime()).isNaN();
        for (int i = 1; i <= 14; i++) {
            assertThat(d.record(3.3, i)).isFalse();
        }
        assertThat(d.record(3.25, 14.5)).as("3.25 is not above the threshold").isFalse();
        assertThat(d.lastHLambda()).isEqualTo(3.25);
        assertThat(d.record(3.3, 15)).as("15th step above 3.25").isTrue();
        assertThat(d.stiffTime()).isEqualTo(15);
        assertThat(d.record(3.3, 16)).isTrue();
        assertThat(d.stiffTime()).as("the time of the first detection is kept").isEqualTo(15);
    }

    /** Five calm steps do not reset the count of stiff steps; six do. */
    @Test
    void sixCalmStepsResetTheCount() {
        StiffnessDetector five = new StiffnessDetector();
        for (int i = 0; i < 10; i++) {
            five.record(4, i);
        }
        for (int i = 0; i < 5; i++) {
            five.record(1, 10 + i);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(five.record(4, 20 + i)).isFalse();
        }
        assertThat(five.record(4, 24)).as("10 + 5 stiff steps with only 5 calm ones between").isTrue();

        StiffnessDetector six = new StiffnessDetector();
        for (int i = 0; i < 10; i++) {
            six.record(4, i);
        }
        for (int i = 0; i < 6; i++) {
            six.record(1, 10 + i);
        }
        for (int i = 0; i < 14; i++) {
            assertThat(six.record(4, 20 + i)).isFalse();
        }
        assertThat(six.record(4, 34)).isTrue();
        assertThat(six.stiff()).isTrue();
    }

    /** "component 0" becomes "state 'OC'" (index 0 is a state too); -1 or no name leaves the exception as it is. */
    @Test
    void aSolverErrorNamesTheState() {
        SolverException e = new SolverException(Reason.NOT_FINITE, 2.5, 0, "component 0 is NaN at t=2.5");
        SolverException named = e.withComponentName("OC");
        assertThat(named.getMessage()).isEqualTo("state 'OC' is NaN at t=2.5");
        assertThat(named.componentName()).isEqualTo("OC");
        assertThat(named.component()).isZero();
        assertThat(named.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(named.time()).isEqualTo(2.5);
        assertThat(named.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(e.componentName()).isNull();
        assertThat(e.withComponentName(null)).isSameAs(e);
        SolverException none = new SolverException(Reason.NO_CONVERGENCE, 1, -1, "no component");
        assertThat(none.withComponentName("OC")).isSameAs(none);
    }

    /**
     * Forward differences with h = sqrt(eps) max(|y|, 1e-5 sqrt(eps)), sqrt(eps) = 2^-26. For
     * f = y^2 at y = 1, h = 2^-26 and (1 + h)^2 = 1 + 2^-25 + 2^-52 is exact, so the quotient is
     * exactly 2 + 2^-26 (a backward difference would give 2 - 2^-26). At y = 4, h = 2^-24 and
     * (4 + h)^2 = 16 + 2^-21 + 2^-48 is exact: 8 + 2^-24. At y = 0 the step is 1e-5 * 2^-52 and
     * f = (3 y0 - y1, 2 y1) at (0, 0) gives [[3, -1], [0, 2]] (to rounding, 1e-10).
     */
    @Test
    void forwardDifferencesWithTheDocumentedStep() {
        OdeFunction square = TestProblems.ode(1, true, (t, y, dy) -> dy[0] = y[0] * y[0], null);
        double[] j = new double[1];
        FiniteDifferences.jacobian(square, 0, new double[] {1}, j);
        assertThat(j[0]).isEqualTo(2 + Math.scalb(1.0, -26));
        FiniteDifferences.jacobian(square, 0, new double[] {4}, j);
        assertThat(j[0]).isEqualTo(8 + Math.scalb(1.0, -24));
        OdeFunction linear = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = 3 * y[0] - y[1];
            dy[1] = 2 * y[1];
        }, null);
        double[] jj = new double[4];
        FiniteDifferences.jacobian(linear, 0, new double[] {0, 0}, jj);
        assertThat(jj[0]).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(jj[1]).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(jj[2]).isZero();
        assertThat(jj[3]).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-10));
    }

    /** A segment already known to be stiff goes straight to Rodas5P and ends at tStop. */
    @Test
    void autoOnAStiffContextReturnsTheEndTime() {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(1, 1e-6, 1e-9), 10_000, 0);
        ctx.stiff(true);
        OdeFunction decay = TestProblems.ode(1, true, (t, y, dy) -> dy[0] = -y[0], (t, y, jac) -> jac[0] = -1);
        double t = new AutoIntegrator().integrate(decay, 0, new double[] {1}, 2.5, null, ctx);
        assertThat(t).isEqualTo(2.5);
        assertThat(ctx.statistics().stiffSwitches).isZero();
    }

    /** A NaN in the first component of the initial state is refused naming component 0 (index 0 is a component too). */
    @Test
    void aNaNInTheFirstComponentOfTheStartIsNamed() {
        OdeFunction decay = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = -y[0];
            dy[1] = -y[1];
        }, null);
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(2, 1e-6, 1e-9), 10_000, 0);
        SolverException e = org.assertj.core.api.Assertions.catchThrowableOfType(SolverException.class,
                () -> new Dopri5().integrate(decay, 0, new double[] {Double.NaN, 1}, 1, null, ctx));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(e.component()).isZero();
        assertThat(e.getMessage()).isEqualTo("component 0 of the initial state is NaN at t=0.0");
    }
}
