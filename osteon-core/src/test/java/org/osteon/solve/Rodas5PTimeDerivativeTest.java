package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Rosenbrock methods need df/dt for a non-autonomous f; {@code rodas5p} differences f forward in
 * t, and backward when the forward probe leaves f's domain (here f is undefined after t = 1 and
 * the run ends at 1, within the probe's reach of sqrt(eps) max(|t|, h) = 1.5e-8).
 * y' = cos t: y = y0 + sin t - sin t0.
 */
class Rodas5PTimeDerivativeTest {
    private static final OdeFunction UP_TO_ONE = TestProblems.ode(1, false,
            (t, y, dy) -> dy[0] = t > 1 ? Double.NaN : Math.cos(t), (t, y, j) -> j[0] = 0);

    private static double solve(double t0, double t1) {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(1, 1e-10, 1e-12), 100_000, 0);
        double[] y = {2};
        assertThat(Integrators.byName("rodas5p").integrate(UP_TO_ONE, t0, new double[] {2}, t1, s -> {
            y[0] = s.endState()[0];
            return true;
        }, ctx)).isEqualTo(t1);
        return y[0];
    }

    @Test
    void theTimeDerivativeIsTakenBackwardsAtTheEdgeOfTheDomain() {
        double t0 = 1 - 1e-9;
        assertThat(solve(t0, 1)).isCloseTo(2 + Math.sin(1) - Math.sin(t0), within(1e-15));
    }

    @Test
    void andForwardsInside() {
        assertThat(solve(0, 0.9)).isCloseTo(2 + Math.sin(0.9), within(1e-9));
    }
}
