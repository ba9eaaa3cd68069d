package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Integrator contract every method must honour, independent of its accuracy. */
class StepControlTest {

    /** Counts the calls the integrator makes, to check the statistics it reports. */
    static final class Counting implements OdeFunction {
        final OdeFunction inner;
        long derivatives;
        long jacobians;

        Counting(OdeFunction inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            derivatives++;
            inner.derivatives(t, y, dydt);
        }

        @Override
        public void jacobian(double t, double[] y, double[] dfdy) {
            jacobians++;
            inner.jacobian(t, y, dfdy);
        }

        @Override
        public boolean hasAnalyticJacobian() {
            return inner.hasAnalyticJacobian();
        }

        @Override
        public boolean isAutonomous() {
            return inner.isAutonomous();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void landsExactlyOnAnAwkwardStopTime(String method) {
        double t0 = 0.1;
        double tStop = 0.1 * 3 + 1.0 / 3; // not representable exactly, not a multiple of any step
        List<double[]> steps = new ArrayList<>();
        double t = Integrators.byName(method).integrate(TestProblems.logistic(), t0, new double[] {0.5}, tStop,
                s -> steps.add(new double[] {s.startTime(), s.endTime()}), Measure.context(1, 1e-6, 1e-9));
        assertThat(t).isEqualTo(tStop);
        assertThat(steps.get(steps.size() - 1)[1]).isEqualTo(tStop);
        assertThat(steps.get(0)[0]).isEqualTo(t0);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i)[0]).isEqualTo(steps.get(i - 1)[1]); // contiguous steps
            assertThat(steps.get(i)[1]).isGreaterThan(steps.get(i)[0]).isLessThanOrEqualTo(tStop); // never past tStop
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void stopsRightAfterTheStepTheListenerRejects(String method) {
        int[] calls = {0};
        double[] stopAt = {Double.NaN};
        double t = Integrators.byName(method).integrate(TestProblems.decay(), 0, new double[] {1, 1, 1}, 10, s -> {
            calls[0]++;
            if (s.endTime() > 2) {
                stopAt[0] = s.endTime();
                return false;
            }
            return true;
        }, Measure.context(3, 1e-6, 1e-9));
        assertThat(t).isEqualTo(stopAt[0]);
        assertThat(t).isLessThan(10);
        int callsAtStop = calls[0];
        assertThat(callsAtStop).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void respectsTheMaximumStepSize(String method) {
        double hmax = 0.37;
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(3, 1e-3, 1e-3), 100_000, hmax);
        double[] longest = {0};
        Integrators.byName(method).integrate(TestProblems.decay(), 0, new double[] {1, 1, 1}, 20, s -> {
            longest[0] = Math.max(longest[0], s.endTime() - s.startTime());
            return true;
        }, ctx);
        // exact bound; rounding of t + h can only shorten a step by an ulp
        assertThat(longest[0]).isLessThanOrEqualTo(hmax * (1 + 1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p"})
    void perComponentTolerancesAreHonoured(String method) {
        // two independent decays y0' = -y0, y1' = -2 y1 to t = 5 (exact e^{-t}, e^{-2t});
        // component 0 loose (1e-3), component 1 tight (1e-10): each error within 10x its own tolerance
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = -y[0];
            dy[1] = -2 * y[1];
        }, (t, y, j) -> {
            j[0] = -1;
            j[1] = 0;
            j[2] = 0;
            j[3] = -2;
        });
        double[] rtol = {1e-3, 1e-10};
        double[] atol = {1e-3, 1e-10};
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(rtol, atol), 1_000_000, 0);
        double[] y = Measure.endState(Integrators.byName(method), f, new double[] {1, 1}, 5, ctx);
        double e0 = Math.abs(y[0] - Math.exp(-5)) / (atol[0] + rtol[0] * Math.exp(-5));
        double e1 = Math.abs(y[1] - Math.exp(-10)) / (atol[1] + rtol[1] * Math.exp(-10));
        assertThat(e0).isLessThanOrEqualTo(10);
        assertThat(e1).isLessThanOrEqualTo(10);
        // the same problem with the tight tolerance on both components needs at least as many steps
        IntegrationContext tight = Measure.context(2, 1e-10, 1e-10);
        Measure.endState(Integrators.byName(method), f, new double[] {1, 1}, 5, tight);
        assertThat(tight.statistics().acceptedSteps).isGreaterThanOrEqualTo(ctx.statistics().acceptedSteps);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p"})
    void restartsWithTheRunsLastStepSize(String method) {
        Integrator integrator = Integrators.byName(method);
        IntegrationContext ctx = Measure.context(1, 1e-8, 1e-8);
        double[] y = Measure.endState(integrator, TestProblems.logistic(), new double[] {0.5}, 3, ctx);
        double hint = ctx.lastStepSize();
        assertThat(hint).isPositive();
        double[] first = {Double.NaN};
        long[] rejectedBeforeFirst = {-1};
        long rejected = ctx.statistics().rejectedSteps;
        integrator.integrate(TestProblems.logistic(), 3, y, 10, s -> {
            if (Double.isNaN(first[0])) {
                first[0] = s.endTime() - s.startTime();
                rejectedBeforeFirst[0] = ctx.statistics().rejectedSteps - rejected;
            }
            return true;
        }, ctx);
        // the first attempt of the new segment uses the hint: it is the first accepted step unless rejected
        if (rejectedBeforeFirst[0] == 0) {
            assertThat(first[0]).isCloseTo(hint, org.assertj.core.data.Offset.offset(1e-12 * hint));
        } else {
            assertThat(first[0]).isLessThan(hint);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void zeroLengthSegmentDoesNothing(String method) {
        int[] calls = {0};
        double t = Integrators.byName(method).integrate(TestProblems.logistic(), 2, new double[] {0.5}, 2, s -> {
            calls[0]++;
            return true;
        }, Measure.context(1, 1e-6, 1e-6));
        assertThat(t).isEqualTo(2);
        assertThat(calls[0]).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void rejectsBackwardIntegrationAndMismatchedInput(String method) {
        Integrator integrator = Integrators.byName(method);
        assertThatThrownBy(() -> integrator.integrate(TestProblems.logistic(), 1, new double[] {0.5}, 0, s -> true,
                Measure.context(1, 1e-6, 1e-6)))
                .isInstanceOfSatisfying(SolverException.class,
                        e -> assertThat(e.reason()).isEqualTo(SolverException.Reason.INVALID_INPUT));
        assertThatThrownBy(() -> integrator.integrate(TestProblems.logistic(), 0, new double[] {0.5, 1}, 1, s -> true,
                Measure.context(1, 1e-6, 1e-6)))
                .isInstanceOfSatisfying(SolverException.class,
                        e -> assertThat(e.reason()).isEqualTo(SolverException.Reason.INVALID_INPUT));
        assertThatThrownBy(() -> integrator.integrate(TestProblems.logistic(), 0, new double[] {0.5}, 1, s -> true,
                Measure.context(2, 1e-6, 1e-6)))
                .isInstanceOfSatisfying(SolverException.class,
                        e -> assertThat(e.reason()).isEqualTo(SolverException.Reason.INVALID_INPUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void doesNotModifyTheInitialState(String method) {
        double[] y0 = {1, 1, 1};
        Integrators.byName(method).integrate(TestProblems.decay(), 0, y0, 3, s -> true, Measure.context(3, 1e-6, 1e-9));
        assertThat(y0).containsExactly(1, 1, 1);
    }

    /** The statistics count exactly the evaluations the integrator made (analytic and finite-difference Jacobians). */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void statisticsCountTheRealWork(String method) {
        for (boolean analytic : new boolean[] {true, false}) {
            OdeFunction base = analytic ? TestProblems.hires()
                    : TestProblems.ode(8, true, (t, y, dy) -> TestProblems.hires().derivatives(t, y, dy), null);
            Counting f = new Counting(base);
            IntegrationContext ctx = Measure.context(8, 1e-6, 1e-10);
            double[] out = new double[8];
            Integrators.byName(method).integrate(f, 0, TestProblems.HIRES_Y0, 5, s -> {
                s.interpolate(0.5 * (s.startTime() + s.endTime()), out); // triggers dop853's extra stages
                return true;
            }, ctx);
            SolverStatistics st = ctx.statistics();
            assertThat(st.functionEvaluations).as("f evaluations, analytic J: " + analytic).isEqualTo(f.derivatives);
            if (analytic) {
                assertThat(st.jacobianEvaluations).isEqualTo(f.jacobians);
            }
            assertThat(st.acceptedSteps).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto"})
    void sharesTheStepBudgetAcrossSegments(String method) {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(1, 1e-8, 1e-8), 1_000_000, 0);
        Integrator integrator = Integrators.byName(method);
        double[] y = Measure.endState(integrator, TestProblems.logistic(), new double[] {0.5}, 1, ctx);
        long afterFirst = ctx.statistics().acceptedSteps + ctx.statistics().rejectedSteps;
        double[] y2 = y.clone();
        integrator.integrate(TestProblems.logistic(), 1, y, 2, s -> {
            System.arraycopy(s.endState(), 0, y2, 0, 1);
            return true;
        }, ctx);
        assertThat(ctx.statistics().acceptedSteps + ctx.statistics().rejectedSteps).isGreaterThan(afterFirst);
        // a budget smaller than the first segment's work runs out during the second segment
        IntegrationContext small = new IntegrationContext(Tolerances.of(1, 1e-8, 1e-8), afterFirst + 1, 0);
        double[] z = Measure.endState(integrator, TestProblems.logistic(), new double[] {0.5}, 1, small);
        assertThatThrownBy(() -> integrator.integrate(TestProblems.logistic(), 1, z, 20, s -> true, small))
                .isInstanceOfSatisfying(SolverException.class,
                        e -> assertThat(e.reason()).isEqualTo(SolverException.Reason.TOO_MANY_STEPS));
    }
}
