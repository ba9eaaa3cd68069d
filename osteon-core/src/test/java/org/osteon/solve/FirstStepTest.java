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
}
