package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.scenario.Scenario;
import org.osteon.simulation.ScheduledChange;
import org.osteon.simulation.SimulationProblem;

/**
 * {@link SensitivitySystem} as a model of its own, checked against independent computations at
 * seeded random points: its Jacobian against central differences of its own right-hand side,
 * its rule-output sensitivities against the chain rule written by hand, and its layout, start
 * and identity against the model it extends.
 */
class SensitivitySystemJacobianTest {
    /** Michaelis-Menten elimination from a central compartment exchanging with a peripheral one. */
    private static final String MM = """
            model mm
              x1' = -Vm*x1/(Km + x1) - k12*x1 + k21*x2
              x2' = k12*x1 - k21*x2
              x1 = 10; x2 = 0
              Vm = 2; Km = 1.5; k12 = 0.3; k21 = 0.2; c = 4
              w := c*x1/(Km + x1)
              v := x1*x2
            end
            """;
    private static final List<String> THETA = List.of("Vm", "Km", "k12");

    @TempDir
    Path dir;

    private FitFixtures fx;
    private CompiledModel base;
    private SensitivitySystem sys;

    @BeforeEach
    void setUp() {
        fx = new FitFixtures(dir);
        base = fx.runner.model(fx.scenario(MM, "until: 5\n"));
        sys = new SensitivitySystem(base, THETA, ModelCompiler.parameterDerivatives(base, THETA, List.of("w", "v")).orElseThrow());
    }

    /** States, then three sensitivities of each; parameters, then P (3 moved parameters x 3 estimates). */
    private double[] randomState(SplittableRandom rng) {
        double[] y = new double[2 * 4];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextDouble(-3, 3);
        }
        // one state is 0 in every other draw: the difference step must then scale with the largest
        // state (x1, on which the Jacobian depends, is 0 in seeds where the draw says so)
        boolean zeroX1 = rng.nextBoolean();
        y[0] = zeroX1 ? 0 : rng.nextDouble(0.5, 20);
        y[1] = zeroX1 ? rng.nextDouble(2, 5) : rng.nextBoolean() ? 0 : rng.nextDouble(0.1, 5);
        return y;
    }

    private double[] randomParameters(SplittableRandom rng) {
        double[] p = sys.defaultParameters();
        for (int i = base.layout().parameterVectorSize(); i < p.length; i++) {
            p[i] = rng.nextDouble(-2, 2);
        }
        return p;
    }

    /**
     * The Jacobian of the extended system against central differences of its right-hand side
     * (step 1e-6 of the component's size: error about 1e-10 of the entries' scale). The state
     * blocks are the model's analytic Jacobian; the sensitivity rows' derivatives by the states are
     * forward differences with step 1e-7 |y_c| (error about 1e-6 of the entries' scale), hence the
     * bound 1e-5 of the largest entry of the row. For a state at 0 the step is 1e-13 of the largest
     * state, which leaves rounding errors of about 1e-16 / 1e-13 = 1e-3 of the entries: bound 1e-2
     * there (a step of 0, or one that ignores the other states, would be wrong by 100 %).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void theJacobianIsTheDerivativeOfTheRates(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = randomState(rng);
        double[] p = randomParameters(rng);
        int size = y.length;
        double[] jac = new double[size * size];
        java.util.Arrays.fill(jac, Double.NaN);
        sys.jacobian(0.7, y, p, jac);
        double[] baseJac = new double[4];
        base.jacobian(0.7, y, p, baseJac);
        for (int c = 0; c < size; c++) {
            double h = 1e-6 * Math.max(Math.abs(y[c]), 1);
            double[] up = y.clone();
            double[] down = y.clone();
            up[c] += h;
            down[c] -= h;
            double[] fu = new double[size];
            double[] fd = new double[size];
            sys.derivatives(0.7, up, p, fu);
            sys.derivatives(0.7, down, p, fd);
            for (int i = 0; i < size; i++) {
                double rowScale = 1e-3;
                for (int cc = 0; cc < size; cc++) {
                    rowScale = Math.max(rowScale, Math.abs(jac[i * size + cc]));
                }
                double expected = (fu[i] - fd[i]) / (2 * h);
                double bound = c < 2 && y[c] == 0 ? 1e-2 : 1e-5;
                assertThat(jac[i * size + c]).as("d rate %d / d y %d (seed %d)", i, c, seed)
                        .isCloseTo(expected, within(bound * rowScale));
            }
        }
        // each diagonal block is the model's own Jacobian, exactly
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < 2; i++) {
                for (int c = 0; c < 2; c++) {
                    assertThat(jac[(2 * b + i) * size + 2 * b + c]).isEqualTo(baseJac[i * 2 + c]);
                }
            }
        }
        assertThat(sys.hasAnalyticJacobian()).isTrue();
    }

    /**
     * d w / d theta_j = (dw/dx1) s_1j + (dw/dKm) P_Km,j with w = c x1 / (Km + x1):
     * dw/dx1 = c Km / (Km + x1)^2, dw/dKm = -c x1 / (Km + x1)^2; v = x1 x2 has dv = x2 s_1j + x1 s_2j.
     * The sensitivity outputs follow the model's own outputs, estimate by estimate for each output.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void ruleOutputSensitivitiesFollowTheChainRule(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = randomState(rng);
        double[] p = randomParameters(rng);
        double[] out = new double[sys.layout().outputCount()];
        sys.outputs(0.7, y, p, out);
        assertThat(out).hasSize(2 + 2 * 3);
        double x1 = y[0];
        double x2 = y[1];
        double c = 4;
        double km = 1.5;
        assertThat(out[0]).isCloseTo(c * x1 / (km + x1), within(1e-12));
        assertThat(out[1]).isCloseTo(x1 * x2, within(1e-12));
        int kmRow = java.util.Arrays.stream(sys.kIndex()).boxed().toList().indexOf(base.layout().parameterIndex("Km"));
        for (int j = 0; j < 3; j++) {
            double s1 = y[2 + 2 * j];
            double s2 = y[2 + 2 * j + 1];
            double pKm = p[sys.pOffset(kmRow, j)];
            double d = (km + x1) * (km + x1);
            assertThat(out[2 + j]).as("dw/d%s", THETA.get(j)).isCloseTo(c * km / d * s1 - c * x1 / d * pKm, within(1e-10));
            assertThat(out[2 + 3 + j]).as("dv/d%s", THETA.get(j)).isCloseTo(x2 * s1 + x1 * s2, within(1e-10));
        }
        assertThat(sys.layout().outputs().get(2 + 3 + 1).id()).isEqualTo(SensitivitySystem.name("v", "Km"));
    }

    @Test
    void layoutStartAndIdentityExtendTheModel() {
        assertThat(sys.id()).isEqualTo("mm");
        assertThat(sys.timeUnit()).isEqualTo(base.timeUnit());
        assertThat(sys.isAutonomous()).isEqualTo(base.isAutonomous()).isTrue();
        assertThat(sys.defaultState()).containsExactly(10, 0, 0, 0, 0, 0, 0, 0);
        assertThat(sys.layout().states()).extracting(v -> v.id())
                .containsExactly("x1", "x2", "d/dVm(x1)", "d/dVm(x2)", "d/dKm(x1)", "d/dKm(x2)", "d/dk12(x1)", "d/dk12(x2)");
        assertThat(sys.layout().parameterVectorSize()).isEqualTo(base.layout().parameterVectorSize() + 3 * 3);
        double[] p = sys.defaultParameters();
        assertThat(java.util.Arrays.copyOf(p, base.layout().parameterVectorSize())).containsExactly(base.defaultParameters());
        CompiledModel timed = fx.runner.model(fx.scenario("model timed\n  x' = -k*x*time\n  x = 1; k = 1\nend\n", "until: 1\n"));
        SensitivitySystem t = new SensitivitySystem(timed, List.of("k"),
                ModelCompiler.parameterDerivatives(timed, List.of("k"), List.of()).orElseThrow());
        assertThat(t.isAutonomous()).isFalse();
        assertThat(t.id()).isEqualTo("timed");
    }

    /** Forward sensitivities do not follow delayed events; the event is named. */
    @Test
    void aDelayedEventIsRefusedByName() {
        CompiledModel delayed = fx.runner.model(fx.scenario(
                "model late\n  x' = -k*x\n  x = 1; k = 1\n  Late: at 2 after (time > 1): x = x + 1\nend\n", "until: 5\n"));
        SensitivitySystem s = new SensitivitySystem(delayed, List.of("k"),
                ModelCompiler.parameterDerivatives(delayed, List.of("k"), List.of()).orElseThrow());
        double[] y = s.defaultState();
        double[] p = s.defaultParameters();
        assertThatThrownBy(() -> s.events().get(0).delay(1, y, p)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("event 'Late' has a delay: forward sensitivities do not follow delayed events");
    }

    /** A scheduled change keeps its label, time and phase; only an infusion changes input rates. */
    @Test
    void scheduledChangesKeepTheirDescription() {
        Scenario s = fx.scenario(MM, "until: 5\ndoses:\n  - {target: x1, amount: 3, at: 1}\n  - {target: x1, amount: 4, duration: 2, at: 2}\n");
        SimulationProblem problem = fx.runner.problem(s, sys);
        assertThat(problem.changes()).isNotEmpty();
        boolean infusion = false;
        for (ScheduledChange c : problem.changes()) {
            SensitivityChange sc = new SensitivityChange(sys, c);
            assertThat(sc.label()).isEqualTo(c.label()).isNotEmpty();
            assertThat(sc.time()).isEqualTo(c.time());
            assertThat(sc.phase()).isEqualTo(c.phase());
            assertThat(sc.changesInputs()).isEqualTo(c.changesInputs());
            infusion |= c.changesInputs();
        }
        assertThat(infusion).isTrue();
        assertThat(problem.changes()).anyMatch(c -> !c.changesInputs());
    }
}
