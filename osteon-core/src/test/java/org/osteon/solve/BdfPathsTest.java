package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Paths of {@code bdf} that a plain run does not take: input checks, an empty interval, an
 * iteration matrix that stays singular (an undetermined algebraic component), one context reused
 * by runs with different mass matrices, and the Jacobian carried from one segment to the
 * next (documented on {@code Bdf.Carry}), each against hand values.
 */
class BdfPathsTest {
    private static final Integrator BDF = Integrators.byName("bdf");

    /** y0' = -y0, 0 = y1 - y0^2 (y1 algebraic): y0 = e^-t, y1 = e^-2t. With {@code undetermined}, 0 = 0 y1. */
    private static OdeFunction dae(boolean undetermined) {
        return new OdeFunction() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -y[0];
                dydt[1] = undetermined ? 0 : y[1] - y[0] * y[0];
            }

            @Override
            public void jacobian(double t, double[] y, double[] j) {
                j[0] = -1;
                j[1] = 0;
                j[2] = undetermined ? 0 : -2 * y[0];
                j[3] = undetermined ? 0 : 1;
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return true;
            }

            @Override
            public int[] algebraicComponents() {
                return new int[] {1};
            }
        };
    }

    private static OdeFunction decay(int n) {
        return TestProblems.ode(n, true, (t, y, dy) -> {
            for (int i = 0; i < n; i++) {
                dy[i] = -(i + 1) * y[i];
            }
        }, (t, y, j) -> {
            java.util.Arrays.fill(j, 0);
            for (int i = 0; i < n; i++) {
                j[i * n + i] = -(i + 1);
            }
        });
    }

    private static IntegrationContext context(int n, double rtol) {
        return new IntegrationContext(Tolerances.of(n, rtol, rtol * 1e-3), 100_000, 0);
    }

    /** The state at tEnd, as the last step hands it to the listener. */
    private static double[] solve(OdeFunction f, double t0, double[] y0, double tEnd, IntegrationContext ctx) {
        double[] out = y0.clone();
        assertThat(BDF.integrate(f, t0, y0, tEnd, s -> {
            System.arraycopy(s.endState(), 0, out, 0, out.length);
            return true;
        }, ctx)).isEqualTo(tEnd);
        return out;
    }

    @Test
    void inputIsCheckedAndAnEmptyIntervalReturnsAtOnce() {
        assertThatThrownBy(() -> BDF.integrate(decay(1), 2, new double[] {1}, 1, null, context(1, 1e-6)))
                .isInstanceOf(SolverException.class).hasMessageContaining("integration backwards in time is not supported");
        assertThatThrownBy(() -> BDF.integrate(decay(1), 0, new double[] {Double.NaN}, 1, null, context(1, 1e-6)))
                .isInstanceOf(SolverException.class);
        SolverAccountingTest.Counting f = new SolverAccountingTest.Counting(decay(1));
        double[] y = {3};
        IntegrationContext ctx = context(1, 1e-6);
        assertThat(BDF.integrate(f, 5, y, 5, null, ctx)).isEqualTo(5);
        assertThat(y).containsExactly(3);
        assertThat(f.derivatives).isZero();
        assertThat(ctx.statistics().acceptedSteps).isZero();
    }

    /**
     * 0 = 0 y1 leaves y1 undetermined: W = M - h/alpha J has a zero row for every h. The step is
     * halved after each failed factorisation and the run stops at the fifth: 5 factorisations,
     * 4 rejected attempts, no accepted step.
     */
    @Test
    void anIterationMatrixThatStaysSingularStopsTheRunAfterFiveHalvings() {
        IntegrationContext ctx = context(2, 1e-6);
        assertThatThrownBy(() -> BDF.integrate(dae(true), 0, new double[] {1, 1}, 1, null, ctx))
                .isInstanceOfSatisfying(SolverException.class, e -> assertThat(e.reason()).isEqualTo(SolverException.Reason.SINGULAR_MATRIX))
                .hasMessageContaining("the BDF iteration matrix M - h/alpha J is singular at t=0.0 and stays singular when the step is halved 5 times");
        assertThat(ctx.statistics().decompositions).isEqualTo(5);
        assertThat(ctx.statistics().rejectedSteps).isEqualTo(4);
        assertThat(ctx.statistics().acceptedSteps).isZero();
    }

    @Test
    void oneContextServesRunsWithDifferentMassMatrices() {
        IntegrationContext ctx = context(2, 1e-8);
        double[] a = solve(decay(2), 0, new double[] {1, 1}, 1, ctx);
        assertThat(a[0]).isCloseTo(Math.exp(-1), within(1e-6));
        assertThat(a[1]).isCloseTo(Math.exp(-2), within(1e-6));
        double[] b = solve(dae(false), 0, new double[] {1, 1}, 1, ctx); // same size, algebraic row: a new mass matrix
        assertThat(b[0]).isCloseTo(Math.exp(-1), within(1e-6));
        assertThat(b[1]).isCloseTo(Math.exp(-2), within(1e-6));
    }

    /**
     * y' = -y has a constant Jacobian: modified Newton with it converges, so it is evaluated once
     * and carried into the next segment (re-evaluated only after 50 accepted steps).
     */
    @Test
    void theJacobianIsCarriedIntoTheNextSegment() {
        IntegrationContext ctx = context(1, 1e-4);
        double[] y = solve(decay(1), 0, new double[] {1}, 1, ctx);
        long first = ctx.statistics().acceptedSteps;
        assertThat(first).isLessThan(Bdf.JACOBIAN_AGE / 2);
        y = solve(decay(1), 1, y, 2, ctx);
        assertThat(ctx.statistics().acceptedSteps + first).isLessThan(Bdf.JACOBIAN_AGE + first);
        assertThat(ctx.statistics().jacobianEvaluations).isEqualTo(1);
        assertThat(y[0]).isCloseTo(Math.exp(-2), within(1e-4));
    }

    /** With a maximum step size every step is at most that long, and the last one is reported. */
    @Test
    void stepsRespectTheMaximumStepSizeAndTheLastIsReported() {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(1, 1e-3, 1e-6), 100_000, 0.05);
        java.util.List<double[]> steps = new java.util.ArrayList<>();
        double[] y = new double[1];
        BDF.integrate(decay(1), 0, new double[] {1}, 2, s -> {
            steps.add(new double[] {s.startTime(), s.endTime()});
            y[0] = s.endState()[0];
            return true;
        }, ctx);
        assertThat(steps).hasSizeGreaterThanOrEqualTo(40); // 2 / 0.05
        for (double[] st : steps) {
            assertThat(st[1] - st[0]).isLessThanOrEqualTo(0.05 * (1 + 1e-12));
        }
        double[] last = steps.get(steps.size() - 1);
        assertThat(last[1]).isEqualTo(2);
        assertThat(ctx.lastStepSize()).isCloseTo(last[1] - last[0], within(1e-12));
        assertThat(y[0]).isCloseTo(Math.exp(-2), within(1e-3));
    }

    /** A right-hand side that is not finite at the start is reported with its component and time. */
    @Test
    void aNonFiniteDerivativeAtTheStartNamesItsComponent() {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = Math.log(y[0] - 1); // log(0) = -Infinity at the start
            dy[1] = -y[1];
        }, null);
        assertThatThrownBy(() -> BDF.integrate(f, 3, new double[] {1, 1}, 4, null, context(2, 1e-6)))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SolverException.Reason.NOT_FINITE);
                    assertThat(e.component()).isZero();
                })
                .hasMessageContaining("the derivative of component 0 is -Infinity at t=3.0");
    }
}
