package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dense output of the adaptive methods, checked against exact solutions at 19 interior points of
 * every step. Criterion: {@code |y(t) - exact(t)| <= 10 * (atol + rtol |exact(t)|)}, the same
 * "within an order of the tolerance" bound as the step ends (ReferenceProblemsTest); the
 * continuous extensions are accurate to the order of the method, so interpolated values are
 * not allowed to be worse than the solution at the step ends by more than that factor.
 */
class DenseOutputTest {

    private static double worstInterpolationError(String method, OdeFunction f, double[] y0, double tEnd,
                                                  DoubleFunction<double[]> exact, double rtol, double atol) {
        double[] out = new double[y0.length];
        double[] worst = {0};
        Integrators.byName(method).integrate(f, 0, y0, tEnd, step -> {
            for (int q = 1; q < 20; q++) {
                double t = step.startTime() + q * (step.endTime() - step.startTime()) / 20;
                step.interpolate(t, out);
                worst[0] = Math.max(worst[0], Measure.errorInTolerances(out, exact.apply(t), rtol, atol));
            }
            // the ends of the interpolant are the step's own states
            step.interpolate(step.endTime(), out);
            assertThat(out).containsExactly(step.endState());
            return true;
        }, Measure.context(y0.length, rtol, atol));
        return worst[0];
    }

    /** Logistic growth to t = 20 (exact 10/(1 + 19 e^{-0.8 t})), rtol = atol = 1e-6 and 1e-9. */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void logistic(String method) {
        for (double tol : new double[] {1e-6, 1e-9}) {
            double err = worstInterpolationError(method, TestProblems.logistic(), new double[] {TestProblems.LOG_Y0}, 20,
                    t -> new double[] {TestProblems.logisticExact(t)}, tol, tol);
            Measure.report("dense logistic " + method + " tol=" + tol + " worst interpolation error/tol=" + String.format("%.3g", err));
            assertThat(err).isLessThanOrEqualTo(10);
        }
    }

    /** Three decays y_i = exp(-k_i t), k = (0.5, 1, 2), to t = 8, rtol = 1e-8, atol = 1e-11. */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void decay(String method) {
        double err = worstInterpolationError(method, TestProblems.decay(), new double[] {1, 1, 1}, 8,
                TestProblems::decayExact, 1e-8, 1e-11);
        Measure.report("dense decay " + method + " worst interpolation error/tol=" + String.format("%.3g", err));
        assertThat(err).isLessThanOrEqualTo(10);
    }

    /**
     * Nonlinear rotation over 4 revolutions, rtol = atol = 1e-9. Its global error grows (phase
     * drift), so here the interpolant is compared with the exact local solution through the
     * step's start state, y(t) = |y0| (cos, sin)(phi0 + |y0|^2 (t - t0)): the interpolation error
     * proper, which must also be within 10x the tolerance.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void rotationLocally(String method) {
        double tol = 1e-9;
        double tEnd = 4 * 2 * Math.PI / 1.25;
        double[] out = new double[2];
        double[] start = TestProblems.ROT_Y0.clone();
        double[] worst = {0};
        Integrators.byName(method).integrate(TestProblems.rotation(), 0, TestProblems.ROT_Y0, tEnd, step -> {
            double r2 = start[0] * start[0] + start[1] * start[1];
            double phi0 = Math.atan2(start[1], start[0]);
            for (int q = 1; q < 20; q++) {
                double t = step.startTime() + q * (step.endTime() - step.startTime()) / 20;
                double phi = phi0 + r2 * (t - step.startTime());
                double[] local = {Math.sqrt(r2) * Math.cos(phi), Math.sqrt(r2) * Math.sin(phi)};
                step.interpolate(t, out);
                worst[0] = Math.max(worst[0], Measure.errorInTolerances(out, local, tol, tol));
            }
            System.arraycopy(step.endState(), 0, start, 0, 2);
            return true;
        }, Measure.context(2, tol, tol));
        Measure.report("dense rotation (local) " + method + " worst interpolation error/tol=" + String.format("%.3g", worst[0]));
        assertThat(worst[0]).isLessThanOrEqualTo(10);
    }
}
