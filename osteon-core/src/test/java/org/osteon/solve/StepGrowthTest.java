package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The step sequence of the adaptive methods on y' = 1, y(0) = 1, which every method integrates
 * exactly, so the error estimate is zero up to rounding and the controller grows each step by its
 * largest factor (Hairer, Norsett and Wanner, Solving ODEs I, sec. II.4 and IV.2: facmax 10 in
 * DOPRI5, 6 in DOP853 and RODAS). The first step is Hairer's heuristic by hand: with rtol = 1e-6,
 * atol = 0, y0 = f0 = 1 the scaled norms are 1e6, h0 = 0.01, the second derivative is 0, so
 * h1 = (0.01 / 1e6)^(1/p) (10^-1.6 for p = 5, 10^-1 for p = 8) and the first step is min(100 h0, h1) = h1.
 * The last step is shortened to land on tStop = 1000 once the next step would come within 1 % of
 * it, and the run's hint for a restart is the planned, not the shortened, step. Tolerance 1e-12
 * relative on every step size (products of a few factors, exact up to rounding).
 */
class StepGrowthTest {

    private static final OdeFunction CONSTANT = new OdeFunction() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = 1;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dopri5, 5, 10", "dop853, 8, 6", "rodas5p, 5, 6"})
    void stepsGrowByTheLargestFactorAndTheLastLandsOnTheStopTime(String method, int order, double facMax) {
        double tStop = 1000;
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(1, 1e-6, 0), 1000, 0);
        List<double[]> steps = new ArrayList<>();
        double end = Integrators.byName(method).integrate(CONSTANT, 0, new double[] {1}, tStop, s -> {
            steps.add(new double[] {s.startTime(), s.endTime(), s.endState()[0]});
            return true;
        }, ctx);

        // the expected sequence, by hand
        List<Double> expected = new ArrayList<>();
        double h = Math.pow(1e-8, 1.0 / order);
        double t = 0;
        while (t + 1.01 * h < tStop) {
            expected.add(h);
            t += h;
            h *= facMax;
        }
        double planned = h;
        expected.add(tStop - t);

        assertThat(end).isEqualTo(tStop);
        assertThat(steps).hasSize(expected.size());
        for (int k = 0; k < steps.size(); k++) {
            double[] s = steps.get(k);
            assertThat(s[1] - s[0]).as("step %d", k).isCloseTo(expected.get(k), within(1e-12 * expected.get(k)));
            assertThat(s[2]).as("y at the end of step %d", k).isCloseTo(1 + s[1], within(1e-12 * (1 + s[1])));
        }
        assertThat(steps.get(steps.size() - 1)[1]).isEqualTo(tStop);
        assertThat(ctx.statistics().rejectedSteps).isZero();
        assertThat(ctx.lastStepSize()).as("restart hint").isCloseTo(planned, within(1e-12 * planned));
    }
}
