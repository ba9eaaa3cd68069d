package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first step of {@code bdf}, as its class comment specifies it: with RMS norms d0 = |y0|,
 * d1 = |f0| scaled by atol + rtol |y0|, a probe hp = 0.01 d0/d1 (1e-6 when either is below 1e-5),
 * y'' estimated by d2 = |f(t + hp, y0 + hp f0) - f0| / hp, then h such that the order-1 error
 * estimate h^2 d2 / 2, measured against the local error target (0.1 of the tolerance,
 * {@link Bdf#LOCAL_ERROR_TARGET}), is about one half: h = min(100 hp, sqrt(0.1/d2), hLimit)
 * (100 hp when d2 is 0; hLimit when f0 = 0). Evaluated by hand for each case (a 15-line script,
 * not Osteon). Such a first step is accepted as proposed: no step is rejected before it, and the
 * first step the listener sees has that length. Tolerance 1e-12 relative.
 */
class BdfFirstStepTest {

    /** The accepted steps (start, end) of a bdf run. */
    private static List<double[]> steps(OdeFunction f, double t0, double[] y0, double tStop, double[] rtol,
                                        double[] atol, double hmax, int max) {
        List<double[]> out = new ArrayList<>();
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(rtol, atol), 100_000, hmax);
        Integrators.byName("bdf").integrate(f, t0, y0, tStop, s -> {
            out.add(new double[] {s.startTime(), s.endTime(), ctx.statistics().rejectedSteps});
            return out.size() < max;
        }, ctx);
        return out;
    }

    @Test
    void theFirstStepOfExponentialDecay() {
        // sk = 1e-6: d0 = d1 = 1e6, hp = 0.01; f(0.01, 0.99) = -0.99, d2 = (0.01/1e-6)/0.01 = 1e6,
        // sqrt(0.1/d2) = sqrt(1e-7) = 3.16227766e-4 < 100 hp = 1
        List<double[]> s = steps(TestProblems.of(1, (t, y) -> new double[] {-y[0]}), 0, new double[] {1}, 2,
                new double[] {1e-6}, new double[] {0}, 0, 1);
        assertThat(s.get(0)[1] - s.get(0)[0]).isCloseTo(Math.sqrt(1e-7), within(1e-12 * 3.2e-4));
        assertThat(s.get(0)[2]).as("steps rejected before the first").isZero();
    }

    @Test
    void theFirstStepOfACoupledNonAutonomousSystem() {
        // f = (-3 y1 + t, y1 y2) from t0 = 1, y0 = (2, -1), rtol = (1e-3, 1e-4), atol = (1e-6, 1e-3):
        // d0 = 955.36564, d1 = 2185.12469, hp = 4.37213332e-3, d2 = 5693.69567, h = sqrt(0.1/d2) = 4.19085732e-3
        List<double[]> s = steps(TestProblems.of(2, (t, y) -> new double[] {-3 * y[0] + t, y[0] * y[1]}), 1, new double[] {2, -1}, 3,
                new double[] {1e-3, 1e-4}, new double[] {1e-6, 1e-3}, 0, 1);
        assertThat(s.get(0)[1] - s.get(0)[0]).isCloseTo(Math.sqrt(0.1 / 5693.695667704462), within(1e-12 * 4.2e-3));
        assertThat(s.get(0)[2]).as("steps rejected before the first").isZero();
    }

    @Test
    void aZeroStateStartsFromAHundredMicroSteps() {
        // y0 = 0, y' = 1: d0 = 0 < 1e-5, so hp = 1e-6; f is constant, d2 = 0, so h = 100 hp = 1e-4
        List<double[]> s = steps(TestProblems.of(1, (t, y) -> new double[] {1}), 0, new double[] {0}, 2,
                new double[] {1e-6}, new double[] {1e-6}, 0, 1);
        assertThat(s.get(0)[1] - s.get(0)[0]).isCloseTo(1e-4, within(1e-12 * 1e-4));
    }

    @Test
    void aSystemAtRestCrossesTheWholeSegmentInOneStep() {
        // f0 = 0: the first step is hLimit = min(hmax, tStop - t0); y' = 0 is integrated exactly
        OdeFunction rest = TestProblems.of(2, (t, y) -> new double[] {0, 0});
        List<double[]> s = steps(rest, 0, new double[] {1, 2}, 50, new double[] {1e-6, 1e-6},
                new double[] {1e-9, 1e-9}, 0, 1000);
        assertThat(s).hasSize(1);
        assertThat(s.get(0)[0]).isZero();
        assertThat(s.get(0)[1]).isEqualTo(50);
        List<double[]> capped = steps(rest, 0, new double[] {1, 2}, 50, new double[] {1e-6, 1e-6},
                new double[] {1e-9, 1e-9}, 20, 1);
        assertThat(capped.get(0)[1]).isEqualTo(20);
    }
}
