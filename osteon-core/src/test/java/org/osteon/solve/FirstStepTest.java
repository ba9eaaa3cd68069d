package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


import org.junit.jupiter.api.Test;

/**
 * The first step dopri5 takes, by Hairer's starting-step algorithm (HINIT of DOPRI5; Hairer,
 * Norsett and Wanner, Solving ODEs I, sec. II.4, with RMS norms), computed here by hand. The
 * problems are smooth enough that the first step is accepted as proposed, so its length is the
 * heuristic's value. Tolerance 1e-12 relative: the hand calculation is exact up to rounding.
 */
class FirstStepTest {
    /** y' = -y. */
    private static OdeFunction decay() {
        return new OdeFunction() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -y[0];
            }
        };
    }

    private static double firstStep(OdeFunction f, double y0, double rtol, double atol, double hmax) {
        double[] first = {Double.NaN};
        Integrators.byName("dopri5").integrate(f, 0, new double[] {y0}, 2,
                step -> {
                    first[0] = step.endTime() - step.startTime();
                    return false;
                }, new IntegrationContext(Tolerances.of(1, rtol, atol), 1000, hmax));
        return first[0];
    }

    @Test
    void theHeuristicStepForExponentialDecay() {
        // sk = 1e-6 |y0| = 1e-6; d0 = |f0|/sk = 1e6 = |y0|/sk, so h0 = 0.01 * d0/d0 = 0.01.
        // Euler probe: y1 = 0.99, f1 = -0.99; d2 = |f1 - f0| / sk / h0 = 1e4 / 0.01 = 1e6.
        // h1 = (0.01 / max(d0, d2))^(1/5) = 1e-8^(1/5) = 10^-1.6; first step min(100 h0, h1) = 10^-1.6.
        assertThat(firstStep(decay(), 1, 1e-6, 0, 0)).isCloseTo(Math.pow(10, -1.6), within(1e-12 * 0.03));
        // the same capped by a maximum step of 0.001
        assertThat(firstStep(decay(), 1, 1e-6, 0, 0.001)).isCloseTo(0.001, within(1e-15));
    }

    // Direct checks of StepSizes.hairer on inputs where every term of the heuristic matters: two
    // components with different tolerances and signs, f depending on t, t0 != 0. Expected values
    // are the book's formulas (RMS norms) evaluated by hand with double arithmetic (a 20-line
    // script, not Osteon); intermediate values are written next to each case. Tolerance 1e-12
    // relative: the same operations in the same order up to rounding.

    private static double[] rhs(OdeFunction f, double t, double[] y) {
        double[] d = new double[y.length];
        f.derivatives(t, y, d);
        return d;
    }

    private static double hairer(OdeFunction f, double t, double[] y, double hmax, int order,
                                 double[] rtol, double[] atol, SolverStatistics stats) {
        int n = y.length;
        return StepSizes.hairer(f, t, y, rhs(f, t, y), hmax, order, rtol, atol, new double[n], new double[n], stats);
    }

    /** f = (-3 y1 + t, y1 y2): non-autonomous, coupled, components of different sign and scale. */
    private static final OdeFunction COUPLED = TestProblems.of(2, (t, y) -> new double[] {-3 * y[0] + t, y[0] * y[1]});
    private static final double[] Y0 = {2, -1};
    private static final double[] RTOL = {1e-3, 1e-4};
    private static final double[] ATOL = {1e-6, 1e-3};

    @Test
    void theSecondDerivativeEstimateSetsTheStepOfACoupledNonAutonomousSystem() {
        // t0 = 1, y0 = (2, -1): sk = (2.001e-3, 1.1e-3), f0 = (-5, -2); dnf = 4774769.90, dny = 912723.52,
        // h0 = 0.01 sqrt(dny/dnf) = 4.3721333e-3; Euler probe at t0 + h0, der2 = 5693.6957 > sqrt(dnf) = 2185.1,
        // h1 = (0.01/der2)^(1/5) = 0.0706189327690; 100 h0 = 0.437 does not bind.
        SolverStatistics stats = new SolverStatistics();
        assertThat(hairer(COUPLED, 1, Y0, Double.POSITIVE_INFINITY, 5, RTOL, ATOL, stats))
                .isCloseTo(0.07061893276901375, within(1e-12 * 0.07));
        assertThat(stats.functionEvaluations).as("one probe evaluation").isEqualTo(1);
        // the same for a method of order 3: h1 = (0.01/der2)^(1/3)
        assertThat(hairer(COUPLED, 1, Y0, Double.POSITIVE_INFINITY, 3, RTOL, ATOL, new SolverStatistics()))
                .isCloseTo(0.012065220128775573, within(1e-12 * 0.012));
    }

    @Test
    void aConstantDerivativeFallsBackOnTheSizeOfTheFirstDerivative() {
        // f = (1, -2): der2 = 0, so der12 = sqrt(dnf) = 1333.3295; h1 = (0.01/1333.33)^(1/5) = 0.0944088048830
        OdeFunction constant = TestProblems.of(2, (t, y) -> new double[] {1, -2});
        assertThat(hairer(constant, 1, Y0, Double.POSITIVE_INFINITY, 5, RTOL, ATOL, new SolverStatistics()))
                .isCloseTo(0.09440880488302808, within(1e-12 * 0.09));
    }

    @Test
    void aZeroStateStartsFromAMicroStepAndGrowsAtMostAHundredfold() {
        // y0 = 0: dny = 0 <= 1e-10, so h0 = 1e-6; h1 = (0.01/1e6)^(1/5) = 0.0251 but 100 h0 = 1e-4 binds.
        OdeFunction ramp = TestProblems.of(2, (t, y) -> new double[] {1, 1});
        double[] tol = {1e-6, 1e-6};
        assertThat(hairer(ramp, 0, new double[] {0, 0}, Double.POSITIVE_INFINITY, 5, tol, tol, new SolverStatistics()))
                .isCloseTo(1e-4, within(1e-12 * 1e-4));
    }

    @Test
    void aSystemAtRestTakesTheMicroStep() {
        // f = 0: dnf = 0, so h0 = 1e-6; der2 = 0 and der12 = 0 <= 1e-15, so h1 = max(1e-6, 1e-3 h0) = 1e-6.
        OdeFunction rest = TestProblems.of(2, (t, y) -> new double[] {0, 0});
        double[] tol = {1e-6, 1e-6};
        assertThat(hairer(rest, 0, new double[] {1, 2}, Double.POSITIVE_INFINITY, 5, tol, tol, new SolverStatistics()))
                .isCloseTo(1e-6, within(1e-12 * 1e-6));
    }

    @Test
    void aProbeOutsideTheDomainOfFIsRetriedAHundredTimesCloser() {
        // f = -y only for t < 5e-5 (NaN after): probes at h = 0.01 and 1e-4 give NaN, the third at 1e-6 is
        // finite: der2 = 1e6 (exact for y' = -y), h1 = 10^-1.6, and 100 h = 1e-4 binds.
        OdeFunction shortLived = TestProblems.of(1, (t, y) -> new double[] {t < 5e-5 ? -y[0] : Double.NaN});
        SolverStatistics stats = new SolverStatistics();
        assertThat(hairer(shortLived, 0, new double[] {1}, Double.POSITIVE_INFINITY, 5, new double[] {1e-6},
                new double[] {0}, stats)).isCloseTo(1e-4, within(1e-12 * 1e-4));
        assertThat(stats.functionEvaluations).isEqualTo(3);
    }

    @Test
    void anInfiniteProbeIsRetriedLikeANaNOne() {
        // the same as above with f = +Infinity instead of NaN outside t < 5e-5 (an overflow rather than a domain error)
        OdeFunction overflowing = TestProblems.of(1, (t, y) -> new double[] {t < 5e-5 ? -y[0] : Double.POSITIVE_INFINITY});
        SolverStatistics stats = new SolverStatistics();
        assertThat(hairer(overflowing, 0, new double[] {1}, Double.POSITIVE_INFINITY, 5, new double[] {1e-6},
                new double[] {0}, stats)).isCloseTo(1e-4, within(1e-12 * 1e-4));
        assertThat(stats.functionEvaluations).isEqualTo(3);
        // infinite everywhere after t0: five probes, then h = 1e-12 as for NaN
        OdeFunction alwaysInfinite = TestProblems.of(1, (t, y) -> new double[] {t <= 0 ? -y[0] : Double.POSITIVE_INFINITY});
        assertThat(hairer(alwaysInfinite, 0, new double[] {1}, Double.POSITIVE_INFINITY, 5, new double[] {1e-6},
                new double[] {0}, new SolverStatistics())).isCloseTo(1e-12, within(1e-12 * 1e-12));
    }

    @Test
    void afterFiveFailedProbesTheLastProbeStepIsReturned() {
        // f is NaN for every t > 0: five probes at 0.01, 1e-4, ..., 1e-10; h is then cut once more to 1e-12.
        OdeFunction nowhere = TestProblems.of(1, (t, y) -> new double[] {t <= 0 ? -y[0] : Double.NaN});
        SolverStatistics stats = new SolverStatistics();
        assertThat(hairer(nowhere, 0, new double[] {1}, Double.POSITIVE_INFINITY, 5, new double[] {1e-6},
                new double[] {0}, stats)).isCloseTo(1e-12, within(1e-12 * 1e-12));
        assertThat(stats.functionEvaluations).isEqualTo(5);
        // with hmax = 1e-3 the first probe is at hmax: probes 1e-3 ... 1e-11, then 1e-13
        assertThat(hairer(nowhere, 0, new double[] {1}, 1e-3, 5, new double[] {1e-6}, new double[] {0},
                new SolverStatistics())).isCloseTo(1e-13, within(1e-12 * 1e-13));
    }

    @Test
    void aRestartUsesTheLastStepCappedByHmaxAndOnlyAPositiveFiniteOne() {
        double[] y = {2, -1};
        double[] f0 = rhs(COUPLED, 1, y);
        double heuristic = 0.07061893276901375; // the first test's value
        double[] hints = {Double.NaN, 0, Double.POSITIVE_INFINITY, 0.01, 0.5};
        double[] expected = {heuristic, heuristic, heuristic, 0.01, 0.2};
        for (int k = 0; k < hints.length; k++) {
            IntegrationContext ctx = new IntegrationContext(Tolerances.of(RTOL, ATOL), 1000, 0);
            ctx.lastStepSize(hints[k]);
            double h = StepSizes.start(COUPLED, 1, y, f0, k == 4 ? 0.2 : Double.POSITIVE_INFINITY, 5, RTOL, ATOL,
                    new double[2], new double[2], ctx);
            assertThat(h).as("last step %s", hints[k]).isCloseTo(expected[k], within(1e-12 * 0.07));
            assertThat(ctx.statistics().functionEvaluations).as("evaluations with last step %s", hints[k])
                    .isEqualTo(k < 3 ? 1 : 0);
        }
    }
}
