package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@code bdf} continuing the previous segment's history across a kink
 * ({@link IntegrationContext#continuePrevious}), against a closed form.
 *
 * <p>The problem: y0' = -y0, y1' = s (y0 - 1/2)^2 from (1, 0), where the flag s is 1 until y0
 * falls to 1/2 (at t = ln 2) and 0 after: the right-hand side and its first time derivative are
 * continuous there, the second jumps. Exact: y0 = e^-t; y1 = (1 - e^-2t)/2 - (1 - e^-t) + t/4 up
 * to ln 2, then constant ln(2)/4 - 1/8. Bound, fixed beforehand: 10x the tolerance
 * (atol + rtol |y|), the criterion every method meets in ReferenceProblemsTest.
 */
class BdfContinuationTest {
    private static final Integrator BDF = Integrators.byName("bdf");
    private static final double RTOL = 1e-8;
    private static final double ATOL = 1e-11;
    private static final double KINK = Math.log(2);
    private static final double END = 5;

    private static OdeFunction withFlag(double s) {
        return TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = -y[0];
            dy[1] = s * (y[0] - 0.5) * (y[0] - 0.5);
        }, (t, y, j) -> {
            j[0] = -1;
            j[1] = 0;
            j[2] = 2 * s * (y[0] - 0.5);
            j[3] = 0;
        });
    }

    private static IntegrationContext context() {
        return new IntegrationContext(Tolerances.of(2, RTOL, ATOL), 100_000, 0);
    }

    /** Result of the two segments: the state at END, and the size of the second one's first accepted step. */
    private record TwoSegments(double[] end, double firstStep, IntegrationContext context) {
    }

    /**
     * Segment 1 with s = 1, stopped inside the step where y0 crosses 1/2 (located by bisection on
     * the dense output, as the simulator locates an event); segment 2 with s = 0 from there.
     */
    private static TwoSegments solve(boolean continuePrevious) {
        IntegrationContext ctx = context();
        double[] atKink = new double[2];
        double[] tKink = {Double.NaN};
        BDF.integrate(withFlag(1), 0, new double[] {1, 0}, END, step -> {
            if (step.endState()[0] > 0.5) {
                return true;
            }
            double lo = step.startTime();
            double hi = step.endTime();
            double[] y = new double[2];
            for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
                double mid = 0.5 * (lo + hi);
                step.interpolate(mid, y);
                if (y[0] > 0.5) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            tKink[0] = hi;
            step.interpolate(hi, atKink);
            return false;
        }, ctx);
        assertThat(tKink[0]).isCloseTo(KINK, within(1e-6));
        ctx.continuePrevious(continuePrevious);
        double[] end = new double[2];
        double[] firstStep = {Double.NaN};
        BDF.integrate(withFlag(0), tKink[0], atKink, END, step -> {
            if (Double.isNaN(firstStep[0])) {
                firstStep[0] = step.endTime() - step.startTime();
            }
            System.arraycopy(step.endState(), 0, end, 0, 2);
            return true;
        }, ctx);
        return new TwoSegments(end, firstStep[0], ctx);
    }

    @Test
    void continuingAcrossTheKinkMatchesTheClosedForm() {
        TwoSegments run = solve(true);
        assertThat(run.context().statistics().continuations).isEqualTo(1);
        double y0 = Math.exp(-END);
        double y1 = KINK / 4 - 0.125;
        assertThat(run.end()[0]).isCloseTo(y0, within(10 * (ATOL + RTOL * y0)));
        assertThat(run.end()[1]).isCloseTo(y1, within(10 * (ATOL + RTOL * y1)));
    }

    /**
     * A restart begins at order 1 with a step sized for that order; the continuation goes on from
     * the order and step the history had reached. (With the sharper y1' = s (y0 - 1/2) the
     * continued segment's first accepted step came out no larger than the restart's, after
     * rejections, and it took 151 steps against 144: what continuing saves depends on the kink,
     * see Simulator.continuesSmoothly.)
     */
    @Test
    void continuingStartsFromTheHistoryNotFromOrderOne() {
        TwoSegments continued = solve(true);
        TwoSegments restarted = solve(false);
        assertThat(restarted.context().statistics().continuations).isZero();
        assertThat(continued.firstStep()).isGreaterThan(10 * restarted.firstStep());
        double y1 = KINK / 4 - 0.125;
        assertThat(restarted.end()[1]).isCloseTo(y1, within(10 * (ATOL + RTOL * y1)));
    }

    @Test
    void aContinuationWithoutHistoryOrOutsideTheLastStepStartsAfresh() {
        // the first call of a context has no history to continue
        IntegrationContext ctx = context();
        ctx.continuePrevious(true);
        BDF.integrate(withFlag(1), 0, new double[] {1, 0}, 0.1, null, ctx);
        assertThat(ctx.statistics().continuations).isZero();
        // a start before the last step of the previous call (here: back at 0) is not inside its history
        ctx.continuePrevious(true);
        BDF.integrate(withFlag(1), 0, new double[] {1, 0}, 0.1, null, ctx);
        assertThat(ctx.statistics().continuations).isZero();
        // one that starts where the previous call ended continues it
        double[] y = {Math.exp(-0.1), 0};
        ctx.continuePrevious(true);
        BDF.integrate(withFlag(1), 0.1, y, 0.2, null, ctx);
        assertThat(ctx.statistics().continuations).isEqualTo(1);
        // the declaration holds for one call only
        BDF.integrate(withFlag(1), 0.2, y, 0.3, null, ctx);
        assertThat(ctx.statistics().continuations).isEqualTo(1);
    }

    /**
     * Without a kink (s = 1 throughout), stopped halfway through its 20th step and continued from
     * there: the re-centred history is the same polynomial, so the continued run takes its next
     * step at the size reached and accepts it, and ends as accurately as the closed form demands.
     */
    @Test
    void aSmoothSolutionContinuedInsideAStepGoesOnWithoutARejection() {
        IntegrationContext ctx = context();
        double[] at = new double[2];
        double[] tStop = {Double.NaN};
        double[] lastStep = {Double.NaN};
        int[] steps = {0};
        BDF.integrate(withFlag(1), 0, new double[] {1, 0}, 0.6, step -> {
            if (++steps[0] < 20) {
                return true;
            }
            tStop[0] = 0.5 * (step.startTime() + step.endTime());
            lastStep[0] = step.endTime() - step.startTime();
            step.interpolate(tStop[0], at);
            return false;
        }, ctx);
        assertThat(tStop[0]).as("the 20th step ends before 0.6").isLessThan(0.6);
        long rejected = ctx.statistics().rejectedSteps;
        double[] first = {Double.NaN};
        double[] end = new double[2];
        ctx.continuePrevious(true);
        BDF.integrate(withFlag(1), tStop[0], at, 0.6, step -> {
            if (Double.isNaN(first[0])) {
                first[0] = step.endTime() - step.startTime();
            }
            System.arraycopy(step.endState(), 0, end, 0, 2);
            return true;
        }, ctx);
        assertThat(ctx.statistics().continuations).isEqualTo(1);
        assertThat(ctx.statistics().rejectedSteps).isEqualTo(rejected);
        assertThat(first[0]).isCloseTo(Math.min(lastStep[0], 0.6 - tStop[0]), within(1e-12));
        double y1 = (1 - Math.exp(-1.2)) / 2 - (1 - Math.exp(-0.6)) + 0.15;
        assertThat(end[0]).isCloseTo(Math.exp(-0.6), within(10 * (ATOL + RTOL * Math.exp(-0.6))));
        assertThat(end[1]).isCloseTo(y1, within(10 * (ATOL + RTOL * y1)));
    }
}
