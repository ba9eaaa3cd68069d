package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Observed order of convergence with fixed steps (package-private fixed-step mode, no error
 * control). Problem: logistic growth y' = 0.8 y (1 - y/10), y(0) = 0.5 on [0, 10], exact
 * solution 10/(1 + 19 e^{-0.8 t}); smooth, nonlinear, and its error constants do not cancel.
 * The step counts are chosen in the asymptotic range, above round-off (errors 1e-4 .. 1e-13).
 *
 * <p>Error measures: the largest error at the step ends over the whole trajectory, and the
 * largest error of the dense output at 7 interior points of every step. Expected slopes of
 * log(error) against log(h): the classical order p (dopri5 5, dop853 8, rodas5p 5), within 0.3;
 * for the dense output p* + 1 where p* is the order of the continuous extension (dopri5 4 -> 5,
 * dop853 7 -> 8, rodas5p 4 -> 5), within 0.3, since the interpolation error of an order-p*
 * extension is O(h^(p*+1)) per step. A cubic Hermite interpolant would show slope 4.
 *
 * <p>The same on the non-autonomous y' = y cos t, y(0) = 1 on [0, 10] (exact exp(sin t)), where
 * the stage times t + c_i h and, for rodas5p, the df/dt term of the Rosenbrock stages matter: an
 * autonomous problem cannot tell a wrong stage time or a wrong df/dt from a right one. Same
 * step counts. Bounds: the dense output's slope p* + 1 within 0.3 as above; the step-end slope
 * at least p - 0.3 (a lower bound only: at these step counts dop853's step-end error on this
 * problem falls faster than h^8, slope 8.8 in the first run of this test, before the asymptotic
 * range; a wrong stage time or df/dt drops the order to 1 or 2, which the lower bound catches).
 */
class ConvergenceOrderTest {
    interface FixedStep {
        Integrator make(double h);
    }

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("dopri5", (FixedStep) Dopri5::withFixedStep, 5.0, 5.0, new int[] {20, 40, 80, 160}),
                Arguments.of("dop853", (FixedStep) Dop853::withFixedStep, 8.0, 8.0, new int[] {10, 14, 20, 28, 40}),
                Arguments.of("rodas5p", (FixedStep) Rodas5P::withFixedStep, 5.0, 5.0, new int[] {40, 80, 160, 320}));
    }

    @ParameterizedTest(name = "{0}: order {2}, dense {3}")
    @MethodSource("methods")
    void observedOrder(String name, FixedStep method, double order, double denseOrder, int[] steps) {
        observedOrder(name, method, order, denseOrder, steps, TestProblems.logistic(), TestProblems.LOG_Y0,
                TestProblems::logisticExact, false);
    }

    @ParameterizedTest(name = "{0}: order {2}, dense {3}, y' = y cos t")
    @MethodSource("methods")
    void observedOrderOnANonAutonomousProblem(String name, FixedStep method, double order, double denseOrder, int[] steps) {
        observedOrder(name + " (y' = y cos t)", method, order, denseOrder, steps, TestProblems.forced(), 1,
                TestProblems::forcedExact, true);
    }

    private static void observedOrder(String name, FixedStep method, double order, double denseOrder, int[] steps,
                                      OdeFunction problem, double y0, DoubleFunction<Double> exact,
                                      boolean stepOrderAtLeast) {
        double tEnd = 10;
        double[] h = new double[steps.length];
        double[] err = new double[steps.length];
        double[] denseErr = new double[steps.length];
        for (int m = 0; m < steps.length; m++) {
            h[m] = tEnd / steps[m];
            double[] e = {0, 0};
            double[] out = new double[1];
            method.make(h[m]).integrate(problem, 0, new double[] {y0}, tEnd, step -> {
                e[0] = Math.max(e[0], Math.abs(step.endState()[0] - exact.apply(step.endTime())));
                for (int q = 1; q < 8; q++) {
                    double t = step.startTime() + q * (step.endTime() - step.startTime()) / 8;
                    step.interpolate(t, out);
                    e[1] = Math.max(e[1], Math.abs(out[0] - exact.apply(t)));
                }
                return true;
            }, Measure.context(1, 1e-6, 1e-6));
            err[m] = e[0];
            denseErr[m] = e[1];
        }
        double p = Measure.slope(h, err);
        double pd = Measure.slope(h, denseErr);
        Measure.report(name + " fixed-step order " + String.format("%.2f", p) + " dense " + String.format("%.2f", pd)
                + " errors " + java.util.Arrays.toString(err) + " dense errors " + java.util.Arrays.toString(denseErr));
        if (stepOrderAtLeast) {
            assertThat(p).isGreaterThanOrEqualTo(order - 0.3);
        } else {
            assertThat(p).isCloseTo(order, org.assertj.core.data.Offset.offset(0.3));
        }
        assertThat(pd).isCloseTo(denseOrder, org.assertj.core.data.Offset.offset(0.3));
    }
}
