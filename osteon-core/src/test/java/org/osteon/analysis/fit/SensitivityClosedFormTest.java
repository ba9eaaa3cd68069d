package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.simulation.SolverSettings;

/**
 * Forward sensitivities of {@link SensitivitySystem} against derivatives of closed-form
 * solutions: an event at an estimated time switching an input on, a state event whose threshold
 * is estimated and whose guard is nonlinear, a two-compartment chain (Bateman function) with rule
 * outputs solved by a stiff method (which uses the system's Jacobian), and starts fixed by the
 * scenario. The closed forms are differentiated by {@link FitFixtures#derivative} (error below
 * 1e-10 relative). Bounds: the runs use rtol 1e-10, so values and sensitivities agree to about
 * 1e-8 of their scale; the bound is 1e-6 of the largest |value| (or |sensitivity|) of the run.
 */
class SensitivityClosedFormTest {
    @TempDir
    Path dir;

    private FitFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new FitFixtures(dir);
    }

    private static void assertMatches(ModelPredictor.Prediction r, int o, double[] times, double[] theta, List<String> names,
                                      FitFixtures.Closed[] closedAt) {
        double valueScale = 0;
        for (int i = 0; i < times.length; i++) {
            valueScale = Math.max(valueScale, Math.abs(closedAt[i].value(theta)));
        }
        for (int i = 0; i < times.length; i++) {
            assertThat(r.values()[o][i]).as("value at t=%s", times[i]).isCloseTo(closedAt[i].value(theta), within(1e-6 * valueScale));
        }
        for (int j = 0; j < theta.length; j++) {
            double scale = 1e-3 * valueScale / Math.abs(theta[j]);
            double[] expected = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                expected[i] = FitFixtures.derivative(closedAt[i], theta, j);
                scale = Math.max(scale, Math.abs(expected[i]));
            }
            for (int i = 0; i < times.length; i++) {
                assertThat(r.gradient()[o][i][j]).as("d/d%s at t=%s", names.get(j), times[i])
                        .isCloseTo(expected[i], within(1e-6 * scale));
            }
        }
    }

    /**
     * x' = -k x + r, x(0) = x0, and an event at time tau sets r from 0 to 1 (tau, k and x0
     * estimated). For t > tau, with u = t - tau: x = x0 e^(-k t) + (1 - e^(-k u)) / k, so
     * dx/dtau = -e^(-k u): the firing time's sensitivity comes from the guard's time c(p) = tau
     * and the jump in the rate (f+ - f- = 1). The event changes a parameter the rate reads (r),
     * which must be carried into the run.
     */
    @Test
    void anEventAtAnEstimatedTimeShiftsTheSolutionByTheJumpInTheRate() {
        String model = """
                model switch
                  x' = -k*x + r
                  x = x0
                  x0 = 3; k = 0.4; tau = 2.5
                  var r = 0
                  E1: at (time > tau): r = 1
                end
                """;
        double[] times = {0, 0.7, 1.9, 2.6, 3.3, 5, 7.1, 10};
        List<String> names = List.of("k", "tau", "x0");
        double[] theta = {0.4, 2.5, 3};
        ModelPredictor p = fx.predictor(model, "until: 10\n", names, theta, List.of("x"), times, FitFixtures.TIGHT);
        assertThat(p.gradient()).isEqualTo(ModelPredictor.Gradient.SENSITIVITY_EQUATIONS);
        ModelPredictor.Prediction r = p.predict(theta, true);
        FitFixtures.Closed[] x = new FitFixtures.Closed[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            x[i] = th -> {
                double k = th[0];
                double u = t - th[1];
                return th[2] * Math.exp(-k * t) + (u > 0 ? (1 - Math.exp(-k * u)) / k : 0);
            };
        }
        assertMatches(r, 0, times, theta, names, x);
        // by hand at t = 5 (u = 2.5): dx/dtau = -e^-1
        assertThat(r.gradient()[0][5][1]).isCloseTo(-Math.exp(-1), within(1e-7));
        // tau alone: every estimate moves the firing time
        ModelPredictor alone = fx.predictor(model, "until: 10\n", List.of("tau"), new double[] {2.5}, List.of("x"), times,
                FitFixtures.TIGHT);
        ModelPredictor.Prediction ra = alone.predict(new double[] {2.5}, true);
        for (int i = 0; i < times.length; i++) {
            double u = times[i] - 2.5;
            assertThat(ra.gradient()[0][i][0]).as("dx/dtau at %s", times[i]).isCloseTo(u > 0 ? -Math.exp(-0.4 * u) : 0, within(1e-7));
        }
    }

    /**
     * x' = -k x from the estimated start x, a dose of 2 at t = 0.5, an event at t = 1 that resets x
     * to 5 and a second dose at t = 3. After the reset x no longer depends on its start
     * (dx/dx(0) = 0), so the second dose finds a zero sensitivity (no direction to differentiate
     * the dose along) and must leave it 0; the first dose must carry it (dx/dx(0) = e^(-k t)).
     */
    @Test
    void dosesCarryTheSensitivitiesAndAResetClearsThem() {
        String model = """
                model reset
                  x' = -k*x
                  x = 3; k = 0.4
                  E1: at (time > 1): x = 5
                end
                """;
        double[] times = {0.25, 0.75, 2, 3.5, 5};
        List<String> names = List.of("k", "x");
        double[] theta = {0.4, 3};
        ModelPredictor p = fx.predictor(model, "until: 5\ndoses:\n  - {target: x, amount: 2, at: 0.5}\n  - {target: x, amount: 2, at: 3}\n",
                names, theta, List.of("x"), times, FitFixtures.TIGHT);
        ModelPredictor.Prediction r = p.predict(theta, true);
        FitFixtures.Closed[] x = new FitFixtures.Closed[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            x[i] = th -> {
                double k = th[0];
                if (t < 1) {
                    return th[1] * Math.exp(-k * t) + (t > 0.5 ? 2 * Math.exp(-k * (t - 0.5)) : 0);
                }
                return 5 * Math.exp(-k * (t - 1)) + (t > 3 ? 2 * Math.exp(-k * (t - 3)) : 0);
            };
        }
        assertMatches(r, 0, times, theta, names, x);
        assertThat(r.gradient()[0][4][1]).isEqualTo(0.0);
    }

    /**
     * A guard in the state, another state and time with an estimated coefficient: x' = -k x from
     * x0, z' = b (z = b t), and at x < c (z + time) x gains a. The firing time solves
     * x0 e^(-k tau) = c (b + 1) tau (found in the test by Newton's method to rounding); after it
     * x = x0 e^(-k t) + a e^(-k (t - tau)). x0, k, c and b all move tau.
     */
    @Test
    void aGuardInTwoStatesAndTimeMovesTheFiringTime() {
        String model = """
                model race
                  x' = -k*x
                  z' = b
                  x = x0; z = 0
                  x0 = 4; k = 0.5; c = 0.5; b = 1; a = 6
                  E1: at (x < c*(z + time)): x = x + a
                end
                """;
        double[] times = {0.5, 1, 1.5, 2, 2.5, 3};
        List<String> names = List.of("x0", "k", "c", "b");
        double[] theta = {4, 0.5, 0.5, 1};
        ModelPredictor p = fx.predictor(model, "until: 3\n", names, theta, List.of("x", "z"), times, FitFixtures.TIGHT);
        ModelPredictor.Prediction r = p.predict(theta, true);
        FitFixtures.Closed[] x = new FitFixtures.Closed[times.length];
        FitFixtures.Closed[] z = new FitFixtures.Closed[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            x[i] = th -> {
                double tau = firingTime(th);
                return th[0] * Math.exp(-th[1] * t) + (t > tau ? 6 * Math.exp(-th[1] * (t - tau)) : 0);
            };
            z[i] = th -> th[3] * t;
        }
        assertThat(firingTime(theta)).isBetween(1.6, 1.8);
        assertMatches(r, 0, times, theta, names, x);
        assertMatches(r, 1, times, theta, names, z);
    }

    /** Root of x0 e^(-k tau) - c (b + 1) tau by Newton's method from tau = 1. */
    private static double firingTime(double[] th) {
        double tau = 1;
        for (int it = 0; it < 50; it++) {
            double g = th[0] * Math.exp(-th[1] * tau) - th[2] * (th[3] + 1) * tau;
            double dg = -th[1] * th[0] * Math.exp(-th[1] * tau) - th[2] * (th[3] + 1);
            tau -= g / dg;
        }
        return tau;
    }

    /**
     * x' = -k x from x0, z' = x, and an event when x^2 falls below thr adds a to x. It fires at
     * tau = ln(x0 / sqrt(thr)) / k, after which x = (1 + a / sqrt(thr)) x0 e^(-k t) (until x falls
     * to sqrt(thr) again, after t = 3.65). All four quantities are estimated; the guard depends
     * on the state nonlinearly and on an estimated parameter, and z picks up the shift of tau
     * through the jump of its rate (x before and after the event).
     */
    @Test
    void aStateEventWithAnEstimatedThresholdMovesWithEveryParameter() {
        String model = """
                model threshold
                  x' = -k*x
                  z' = x
                  x = x0; z = 0
                  x0 = 4; k = 0.5; thr = 2.25; a = 2
                  E1: at (x*x < thr): x = x + a
                end
                """;
        double[] times = {0.5, 1, 1.5, 2.5, 3, 3.5};
        List<String> names = List.of("x0", "k", "thr", "a");
        double[] theta = {4, 0.5, 2.25, 2};
        ModelPredictor p = fx.predictor(model, "until: 3.5\n", names, theta, List.of("x", "z"), times, FitFixtures.TIGHT);
        ModelPredictor.Prediction r = p.predict(theta, true);
        FitFixtures.Closed[] x = new FitFixtures.Closed[times.length];
        FitFixtures.Closed[] z = new FitFixtures.Closed[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            x[i] = th -> {
                double tau = Math.log(th[0] / Math.sqrt(th[2])) / th[1];
                double gain = t > tau ? 1 + th[3] / Math.sqrt(th[2]) : 1;
                return gain * th[0] * Math.exp(-th[1] * t);
            };
            z[i] = th -> {
                double x0 = th[0];
                double k = th[1];
                double tau = Math.log(x0 / Math.sqrt(th[2])) / k;
                if (t <= tau) {
                    return x0 * (1 - Math.exp(-k * t)) / k;
                }
                double gain = 1 + th[3] / Math.sqrt(th[2]);
                return x0 * (1 - Math.exp(-k * tau)) / k + gain * x0 * (Math.exp(-k * tau) - Math.exp(-k * t)) / k;
            };
        }
        assertMatches(r, 0, times, theta, names, x);
        assertMatches(r, 1, times, theta, names, z);
    }

    /**
     * The chain x1' = -a x1, x2' = a x1 - b x2 from x1 = A, with rules y1 = c x2 and
     * y2 = x1 + 2 x2, solved by BDF (a Newton iteration on the Jacobian of the extended system):
     * x2 = A a / (b - a) (e^(-a t) - e^(-b t)) (Bateman). Two rule outputs with sensitivities to
     * four quantities check where each output's derivative is stored.
     */
    @Test
    void aTwoCompartmentChainWithRuleOutputsSolvedByAStiffMethod() {
        String model = """
                model chain
                  x1' = -a*x1
                  x2' = a*x1 - b*x2
                  x1 = A; x2 = 0
                  A = 5; a = 1.3; b = 0.4; c = 2
                  y1 := c*x2
                  y2 := x1 + 2*x2
                end
                """;
        double[] times = {0, 0.5, 1, 2, 3, 5, 8, 12};
        List<String> names = List.of("a", "b", "A", "c");
        double[] theta = {1.3, 0.4, 5, 2};
        for (String method : List.of("bdf", "rodas5p")) {
            SolverSettings settings = FitFixtures.TIGHT.withMethod(method);
            ModelPredictor p = fx.predictor(model, "until: 12\n", names, theta, List.of("x2", "y1", "y2"), times, settings);
            ModelPredictor.Prediction r = p.predict(theta, true);
            FitFixtures.Closed[] x2 = new FitFixtures.Closed[times.length];
            FitFixtures.Closed[] y1 = new FitFixtures.Closed[times.length];
            FitFixtures.Closed[] y2 = new FitFixtures.Closed[times.length];
            for (int i = 0; i < times.length; i++) {
                double t = times[i];
                x2[i] = th -> th[2] * th[0] / (th[1] - th[0]) * (Math.exp(-th[0] * t) - Math.exp(-th[1] * t));
                FitFixtures.Closed bateman = x2[i];
                y1[i] = th -> th[3] * bateman.value(th);
                y2[i] = th -> th[2] * Math.exp(-th[0] * t) + 2 * bateman.value(th);
            }
            assertMatches(r, 0, times, theta, names, x2);
            assertMatches(r, 1, times, theta, names, y1);
            assertMatches(r, 2, times, theta, names, y2);
        }
    }

    /**
     * A start set by the scenario wins over the model's initial assignment (x = A), and so does a
     * parameter the scenario sets that an initial assignment would compute (kb = 2 k): with x(0) = 5
     * and kb = 1, x = 5 e^(-t) whatever A and k are, so both sensitivities are 0.
     */
    @Test
    void startsAndParametersSetByTheScenarioAreNotRecomputedFromTheEstimates() {
        String model = """
                model fixed
                  x' = -kb*x
                  x = A
                  A = 3; k = 0.4
                  kb = 2*k
                end
                """;
        double[] times = {0, 1, 2, 4};
        ModelPredictor p = fx.predictor(model, "until: 4\nset: {x: 5, kb: 1}\n", List.of("A", "k"), new double[] {3, 0.4},
                List.of("x"), times, FitFixtures.TIGHT);
        ModelPredictor.Prediction r = p.predict(new double[] {3, 0.4}, true);
        for (int i = 0; i < times.length; i++) {
            assertThat(r.values()[0][i]).isCloseTo(5 * Math.exp(-times[i]), within(1e-8));
            assertThat(r.gradient()[0][i][0]).isEqualTo(0.0);
            assertThat(r.gradient()[0][i][1]).isEqualTo(0.0);
        }
    }
}
