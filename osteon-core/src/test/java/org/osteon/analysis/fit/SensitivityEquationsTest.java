package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SolverSettings;

/**
 * Forward sensitivities from the generated equations against independent references: the
 * closed-form derivatives of first-order elimination with a bolus, and central differences of
 * whole runs (relative step 1e-4 at rtol 1e-12, accurate to about 1e-7 of the largest
 * sensitivity) for doses, infusions, depot absorption, initial assignments, rule outputs and a
 * state-triggered event. Tolerance: 1e-5 of the largest |sensitivity| of that output and
 * parameter over the run, and no less than 1e-6 |y|max/|theta| (the differences' own noise, about
 * 1e-8 |y|/|theta| at rtol 1e-12 and step 1e-4, for sensitivities that are exactly 0).
 */
class SensitivityEquationsTest {
    private static final SolverSettings TIGHT = new SolverSettings("auto", 1e-10, 1e-14, Map.of(), 1_000_000, 0);
    private static final SolverSettings TIGHTER = new SolverSettings("auto", 1e-12, 1e-16, Map.of(), 10_000_000, 0);

    @TempDir
    Path dir;

    private ModelPredictor predictor(String model, String scenarioYaml, List<String> theta, double[] at, List<String> observed,
                                     double[] times, SolverSettings settings) throws Exception {
        Files.writeString(dir.resolve("m.ant"), model);
        Scenario s = ScenarioReader.parse("model: m.ant\n" + scenarioYaml, "s.yaml", dir);
        return new ModelPredictor(new ScenarioRunner(ModelCatalog.EMPTY), s, theta, at, observed, times, settings);
    }

    private static double[] grid(double from, double to, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = from + (to - from) * i / (n - 1);
        }
        return t;
    }

    @Test
    void eliminationWithABolusMatchesTheClosedForm() throws Exception {
        String model = "model decay\n  x' = -k*x\n  x = A\n  A = 3; k = 0.4\n  y := c*x\n  c = 2\nend\n";
        double[] t = grid(0, 10, 21);
        ModelPredictor p = predictor(model, "until: 10\ndoses:\n  - {target: x, amount: 5, at: 2.5}\n",
                List.of("k", "A", "c"), new double[] {0.4, 3, 2}, List.of("x", "y"), t, TIGHT);
        assertThat(p.gradient()).isEqualTo(ModelPredictor.Gradient.SENSITIVITY_EQUATIONS);
        ModelPredictor.Prediction r = p.predict(new double[] {0.4, 3, 2}, true);
        for (int i = 0; i < t.length; i++) {
            double ti = t[i];
            double after = ti >= 2.5 ? 5 * Math.exp(-0.4 * (ti - 2.5)) : 0;
            double x = 3 * Math.exp(-0.4 * ti) + after;
            double dk = -ti * 3 * Math.exp(-0.4 * ti) - (ti >= 2.5 ? (ti - 2.5) * after : 0);
            double dA = Math.exp(-0.4 * ti);
            assertThat(r.values()[0][i]).isCloseTo(x, within(1e-8 * 8));
            assertThat(r.gradient()[0][i][0]).as("dx/dk at %s", ti).isCloseTo(dk, within(1e-5 * 12));
            assertThat(r.gradient()[0][i][1]).as("dx/dA at %s", ti).isCloseTo(dA, within(1e-5));
            assertThat(r.gradient()[0][i][2]).isEqualTo(0.0);
            assertThat(r.gradient()[1][i][0]).as("dy/dk").isCloseTo(2 * dk, within(2e-5 * 12));
            assertThat(r.gradient()[1][i][2]).as("dy/dc").isCloseTo(x, within(1e-5 * 8));
        }
    }

    /** Sensitivities vs central differences of whole runs, for every observed quantity and parameter. */
    private void matchesFiniteDifferences(String model, String scenario, List<String> theta, double[] at, List<String> observed,
                                          double[] times) throws Exception {
        ModelPredictor sens = predictor(model, scenario, theta, at, observed, times, TIGHT);
        assertThat(sens.gradient()).isEqualTo(ModelPredictor.Gradient.SENSITIVITY_EQUATIONS);
        ModelPredictor plain = predictor(model, scenario, theta, at, observed, times, TIGHTER);
        ModelPredictor.Prediction s = sens.predict(at, true);
        double[][] y0 = plain.predict(at, false).values();
        for (int j = 0; j < theta.size(); j++) {
            double h = 1e-4 * Math.abs(at[j]);
            double[] up = at.clone();
            double[] down = at.clone();
            up[j] += h;
            down[j] -= h;
            double[][] a = plain.predict(up, false).values();
            double[][] b = plain.predict(down, false).values();
            for (int o = 0; o < observed.size(); o++) {
                double scale = 0;
                for (double v : y0[o]) {
                    scale = Math.max(scale, 0.1 * Math.abs(v) / Math.abs(at[j]));
                }
                double[] fd = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    fd[i] = (a[o][i] - b[o][i]) / (2 * h);
                    scale = Math.max(scale, Math.abs(fd[i]));
                }
                for (int i = 0; i < times.length; i++) {
                    assertThat(s.gradient()[o][i][j]).as("d%s/d%s at t=%s", observed.get(o), theta.get(j), times[i])
                            .isCloseTo(fd[i], within(1e-5 * scale + 1e-300));
                }
            }
        }
    }

    @Test
    void depotInfusionAndVolumeFollowTheParameters() throws Exception {
        String model = """
                model pk
                  Depot' = -ka*Depot
                  C' = ka*Depot*F/V - ke*C
                  Depot = 0; C = 0
                  Depot has mg; C has mg_per_l
                  unit mg = 1e-3 gram
                  unit mg_per_l = mg / litre
                  ka = 1.2; ke = 0.15; F = 0.7; V = 20; V has litre
                  C.depot = "Depot"; C.volume = "V"
                  AUCish := C*V
                end
                """;
        String scenario = "until: 30\ndoses:\n  - {target: C, regimen: 10 mg q8h x3 sc, at: 0}\n"
                + "  - {target: C, amount: 4 mg, duration: 2, at: 20}\n  - {target: C, amount: 1 mg, at: 25}\n";
        matchesFiniteDifferences(model, scenario, List.of("ka", "ke", "F", "V"), new double[] {1.2, 0.15, 0.7, 20},
                List.of("C", "Depot", "AUCish"), grid(0, 30, 31));
    }

    @Test
    void initialAssignmentsCarryTheParameterIntoTheStartAndOtherParameters() throws Exception {
        String model = """
                model steady
                  R' = kin - kout*R*(1 + E)
                  E' = -kel*E
                  R = kin/kout
                  E = E0
                  kin = 10; kout = 0.5; kel = 0.3; E0 = 2
                  kboth = kout*2
                  Q' = kboth - Q
                  Q = 0
                end
                """;
        matchesFiniteDifferences(model, "until: 20\n", List.of("kin", "kout", "E0"), new double[] {10, 0.5, 2},
                List.of("R", "E", "Q"), grid(0, 20, 21));
    }

    @Test
    void aStateEventMovesWithTheParameters() throws Exception {
        // Re-dose whenever x falls below 1: the firing times depend on k and x0.
        String model = """
                model redose
                  x' = -k*x
                  z' = x
                  x = x0; z = 0
                  x0 = 4; k = 0.35
                  E1: at (x < 1): x = x + 2
                end
                """;
        matchesFiniteDifferences(model, "until: 15\n", List.of("k", "x0"), new double[] {0.35, 4}, List.of("x", "z"),
                new double[] {0.5, 3, 4.5, 6, 7.5, 9, 11, 13.5, 15});
    }
}
