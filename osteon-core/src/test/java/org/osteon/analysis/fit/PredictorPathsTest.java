package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelPredictor}'s choice of gradient and what it accepts: the finite-difference path of
 * a model with a delayed event against its closed form, quantities whose value is 0, parameters
 * moved through initial assignments, a state's initial value as the estimate, and the messages
 * for names that cannot be estimated or observed. Runs at rtol 1e-10 ({@link FitFixtures#TIGHT}).
 */
class PredictorPathsTest {
    @TempDir
    Path dir;

    private FitFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new FitFixtures(dir);
    }

    /**
     * x' = -k x + r from x0, and an event triggered when time passes 1 that sets x to its value
     * at the trigger plus 2 one time unit later (SBML's default: values from the trigger time):
     * with X(t) = x0 e^(-k t) + r (1 - e^(-k t)) / k, x = X(t) up to t = 2 and
     * (X(1) + 2) e^(-k (t - 2)) + r (1 - e^(-k (t - 2))) / k after. A
     * delayed event has no sensitivity equations, so derivatives are central differences of whole
     * runs (step 1e-4 |theta|, or 1e-4 for r = 0): error about 1e-7 of the scale from the runs'
     * tolerance and the step (k is small, so a step relative to 1/k instead of k would show).
     * Bound 1e-5 of the largest |derivative| of each parameter.
     */
    @Test
    void aDelayedEventFallsBackToFiniteDifferencesOfWholeRuns() {
        String model = """
                model late
                  x' = -k*x + r
                  x = x0
                  x0 = 3; k = 0.05; r = 0
                  Late: at 1 after (time > 1): x = x + 2
                end
                """;
        double[] times = {0, 1, 1.5, 2.5, 4, 7, 10};
        List<String> names = List.of("k", "x0", "r");
        double[] theta = {0.05, 3, 0};
        ModelPredictor p = fx.predictor(model, "until: 10\n", names, theta, List.of("x"), times, FitFixtures.TIGHT);
        assertThat(p.gradient()).isEqualTo(ModelPredictor.Gradient.FINITE_DIFFERENCES);
        assertThat(p.gradient().label()).isEqualTo("central finite differences");
        assertThat(p.gradientNote()).isEqualTo("the model has delayed events");
        ModelPredictor.Prediction r = p.predict(theta, true);
        double[][] expected = new double[times.length][];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            FitFixtures.Closed x = th -> {
                double k = th[0];
                if (t <= 2) {
                    return th[1] * Math.exp(-k * t) + th[2] * (1 - Math.exp(-k * t)) / k;
                }
                double x1 = th[1] * Math.exp(-k) + th[2] * (1 - Math.exp(-k)) / k;
                return (x1 + 2) * Math.exp(-k * (t - 2)) + th[2] * (1 - Math.exp(-k * (t - 2))) / k;
            };
            assertThat(r.values()[0][i]).as("x at %s", t).isCloseTo(x.value(theta), within(1e-8));
            expected[i] = new double[] {FitFixtures.derivative(x, theta, 0), FitFixtures.derivative(x, theta, 1),
                    FitFixtures.derivative(x, theta, 2)};
        }
        for (int j = 0; j < 3; j++) {
            double scale = 0;
            for (double[] e : expected) {
                scale = Math.max(scale, Math.abs(e[j]));
            }
            for (int i = 0; i < times.length; i++) {
                assertThat(r.gradient()[0][i][j]).as("d/d%s at %s", names.get(j), times[i]).isCloseTo(expected[i][j], within(1e-5 * scale));
            }
        }
        assertThat(p.predict(theta, false).gradient()).isNull();
    }

    /**
     * x(0) = sqrt(s0) with s0 = 4e-4 (so the initial sensitivities' difference step must be
     * relative to s0), and x' = -kb x with kb = 0.5 + r set by an initial assignment from r = 0:
     * x = 0.02 e^(-0.5 t), dx/ds0 = e^(-0.5 t) / (2 sqrt(s0)) = 25 e^(-0.5 t), and
     * dx/dr = -t x (through kb, which the predictor must find moved by r, bumped from 0).
     */
    @Test
    void parametersMovedThroughInitialAssignmentsFromAZeroEstimate() {
        String model = """
                model moved
                  x' = -kb*x
                  x = sqrt(s0)
                  s0 = 0.0004; r = 0
                  kb = 0.5 + r
                end
                """;
        double[] times = {0, 1, 2, 5};
        ModelPredictor p = fx.predictor(model, "until: 5\n", List.of("s0", "r"), new double[] {4e-4, 0}, List.of("x"), times,
                FitFixtures.TIGHT);
        assertThat(p.gradient()).isEqualTo(ModelPredictor.Gradient.SENSITIVITY_EQUATIONS);
        assertThat(p.gradient().label()).isEqualTo("forward sensitivity equations");
        assertThat(p.gradientNote()).isEqualTo("generated df/dp (3 parameters) and the analytic Jacobian");
        ModelPredictor.Prediction r = p.predict(new double[] {4e-4, 0}, true);
        for (int i = 0; i < times.length; i++) {
            double e = Math.exp(-0.5 * times[i]);
            assertThat(r.values()[0][i]).isCloseTo(0.02 * e, within(1e-10));
            assertThat(r.gradient()[0][i][0]).as("dx/ds0 at %s", times[i]).isCloseTo(25 * e, within(1e-6));
            assertThat(r.gradient()[0][i][1]).as("dx/dr at %s", times[i]).isCloseTo(-times[i] * 0.02 * e, within(1e-9));
        }
    }

    /** A state's initial value (the model's first state) and its first parameter as estimates: x = x0 e^(-k t). */
    @Test
    void aStatesInitialValueIsEstimatedWithSensitivityEquations() {
        String model = "model decay\n  x' = -k*x\n  z' = k\n  x = 3; z = 0\n  k = 0.5; unused = 7\n  half := x/2\nend\n";
        double[] times = {0, 1, 3};
        ModelPredictor p = fx.predictor(model, "until: 3\n", List.of("x", "k"), new double[] {3, 0.5}, List.of("half", "z"), times,
                FitFixtures.TIGHT);
        assertThat(p.gradient()).isEqualTo(ModelPredictor.Gradient.SENSITIVITY_EQUATIONS);
        assertThat(p.gradientNote()).isEqualTo("generated df/dp (1 parameters) and the analytic Jacobian");
        assertThat(p.observed()).containsExactly("half", "z");
        assertThat(p.model().id()).isEqualTo("decay");
        assertThat(ModelPredictor.states(p.model())).containsExactly("x", "z");
        double[] got = p.times();
        got[0] = 99;
        assertThat(p.times()).as("a copy").containsExactly(0, 1, 3);
        ModelPredictor.Prediction r = p.predict(new double[] {3, 0.5}, true);
        for (int i = 0; i < times.length; i++) {
            double e = Math.exp(-0.5 * times[i]);
            assertThat(r.gradient()[0][i][0]).as("d half / d x0").isCloseTo(e / 2, within(1e-8));
            assertThat(r.gradient()[0][i][1]).as("d half / d k").isCloseTo(-times[i] * 1.5 * e, within(1e-8));
            assertThat(r.gradient()[1][i][1]).as("dz/dk = t").isCloseTo(times[i], within(1e-8));
        }
    }

    @Test
    void namesThatCannotBeEstimatedOrObservedAreExplained() {
        String model = "model m\n  x' = -k*x + u\n  x = 1\n  k = 0.5; c = 2\n  var u = 0\n  y := c*x\n  E: at (time > 1): u = 1\nend\n";
        double[] t = {0, 1};
        assertThatThrownBy(() -> fx.predictor(model, "until: 2\n", List.of("kk"), new double[] {1}, List.of("x"), t, FitFixtures.TIGHT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot estimate 'kk': model 'm' has no such parameter or state (did you mean 'k'?)");
        assertThatThrownBy(() -> fx.predictor(model, "until: 2\n", List.of("xx"), new double[] {1}, List.of("x"), t, FitFixtures.TIGHT))
                .as("a state's name is suggested too").hasMessageEndingWith("(did you mean 'x'?)");
        assertThatThrownBy(() -> fx.predictor(model, "until: 2\n", List.of("y"), new double[] {1}, List.of("x"), t, FitFixtures.TIGHT))
                .hasMessageStartingWith("cannot estimate 'y': model 'm' has no such parameter or state")
                .hasMessageEndingWith(" (it is computed by a rule; estimate one of its inputs)");
        assertThatThrownBy(() -> fx.predictor(model, "until: 2\n", List.of("u"), new double[] {1}, List.of("x"), t, FitFixtures.TIGHT))
                .hasMessage("'u' changes during the run (it is declared 'var', or the scenario holds or doses it), so it has no"
                        + " single value to estimate");
        assertThatThrownBy(() -> fx.predictor(model, "until: 2\ninterventions:\n  - {set: c, value: 3, from: 1}\n", List.of("c"),
                new double[] {2}, List.of("x"), t, FitFixtures.TIGHT)).hasMessageStartingWith("'c' changes during the run");
        assertThatThrownBy(() -> fx.predictor(model, "until: 2\n", List.of("k"), new double[] {1}, List.of("xx"), t, FitFixtures.TIGHT))
                .hasMessage("unknown output 'xx' (did you mean 'x'?)");
        assertThatThrownBy(() -> fx.predictor(model, "until: 2\n", List.of("c"), new double[] {2}, List.of("k"), t, FitFixtures.TIGHT))
                .hasMessage("unknown output 'k': it is a parameter; observe a state or a rule variable");
        // the first state, parameter and rule output are accepted
        assertThat(fx.predictor(model, "until: 2\n", List.of("x", "k"), new double[] {1, 0.5}, List.of("y", "x"), t, FitFixtures.TIGHT)
                .observed()).containsExactly("y", "x");
    }
}
