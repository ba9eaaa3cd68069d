package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step and order sequence of {@code bdf} on a problem where every quantity of the documented
 * algorithm (class comment of {@link Bdf}) can be followed by hand: y' = 2t from t0 = 1, y0 = 1,
 * rtol 0, atol A = 1e-4 (constant weights). f does not depend on y, so the Jacobian is 0 and a
 * freshly factored Newton iteration is exact after one update (the second finds nothing to
 * correct: 2 iterations, safety 0.9 (2*4 + 1) / (2*4 + 2) = 0.81).
 * <ol>
 * <li>First step h1 = sqrt(0.1 / d2) with d2 = |y''| / A = 2e4: h1 = sqrt(5e-6) (BdfFirstStepTest's rule).</li>
 * <li>Order 1 (implicit Euler) makes a local error of h1^2 per step: y_n = t_n^2 + n h1^2, the
 * correction d = 2 h1^2, error estimate d/2 against 0.1 A: err = 10 h1^2 / A = 0.5, accepted, twice
 * at the same h (a change is considered only after k + 1 = 2 equal steps).</li>
 * <li>After step 2 the order-2 estimate uses the third difference, d2 - d1 = 0: order 2 allows an
 * unbounded step, so the order rises to 2 and h grows by the largest factor, 10.</li>
 * <li>The differences now represent the quadratic Y(t) = t^2 + (t - t0) h1 through the three
 * points. BDF2 is exact for quadratics, so with H = 10 h1 its solution is Y(t3) + e with
 * (3/2) e + H Y'(t3) = H f(t3), e = -(2/3) H h1; the predictor is Y(t3), so d = e and
 * err = (1/3)/0.1 |d| / A = (200/9) h1^2 / A = 10/9 > 1: rejected, and h is multiplied by
 * max(0.2, 0.81 (10/9)^(-1/3)). The retry has err = 0.869 and is accepted.</li>
 * </ol>
 * Lengths to 1e-9 relative (a few roundings per step).
 */
class BdfStepSequenceTest {

    @Test
    void orderRisesAfterTwoEqualStepsAndARejectedStepShrinksByTheErrorRule() {
        List<double[]> steps = new ArrayList<>();
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(1, 0, 1e-4), 100_000, 0);
        Integrators.byName("bdf").integrate(TestProblems.of(1, (t, y) -> new double[] {2 * t}), 1, new double[] {1}, 10, s -> {
            steps.add(new double[] {s.endTime() - s.startTime(), ctx.statistics().rejectedSteps, s.endState()[0], s.endTime()});
            return steps.size() < 3;
        }, ctx);
        double h1 = Math.sqrt(5e-6);
        assertThat(steps.get(0)[0]).isCloseTo(h1, within(1e-9 * h1));
        assertThat(steps.get(1)[0]).isCloseTo(h1, within(1e-9 * h1));
        assertThat(steps.get(1)[1]).as("no rejection in the first two steps").isZero();
        // y_2 = t_2^2 + 2 h1^2: implicit Euler's error on a quadratic, by hand
        double t2 = 1 + 2 * h1;
        assertThat(steps.get(1)[2]).isCloseTo(t2 * t2 + 2 * h1 * h1, within(1e-14));
        double h3 = 10 * h1 * 0.81 * Math.pow(10.0 / 9, -1.0 / 3);
        assertThat(steps.get(2)[0]).isCloseTo(h3, within(1e-9 * h3));
        assertThat(steps.get(2)[1]).as("the order-2 step of 10 h1 was rejected once").isEqualTo(1);
        // the accepted BDF2 value Y(t3) - (2/3) H' h1, to the Newton iteration's stopping tolerance: the
        // retry keeps the matrix factored for 10 h1 (c moved by 22 % < 30 %), so modified Newton converges
        // linearly and stops once its estimated remaining error is below NEWTON_TOLERANCE = 0.003 of A
        double t3 = t2 + h3;
        assertThat(steps.get(2)[2]).isCloseTo(t3 * t3 + (t3 - 1) * h1 - 2.0 / 3 * h3 * h1, within(Bdf.NEWTON_TOLERANCE * 1e-4));
    }
}
