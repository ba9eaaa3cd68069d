package org.osteon.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.simulation.SolverSettings;

/**
 * The value and error estimate of a normalised sensitivity on outputs the solver gives exactly
 * (x' = 0, so y = p³ and w = p are exact): with relative step h the central differences are
 * S_h = ((1+h)³ − (1−h)³) / (2h) = 3 + h² and S_h/2 = 3 + h²/4, the Richardson value
 * (4 S_h/2 − S_h) / 3 = 3 exactly, and the truncation estimate |S_h/2 − S_h| / 3 = h²/4; the solver
 * term is zero because the reference run gives the same numbers.
 */
class SensitivityErrorTest {
    private static final String CUBE = """
            model cube()
              y := x*p^3
              w := x*p
              x' = 0
              x = 1
              p = 2
            end
            """;
    private final CompiledModel cube = Decay.compile(CUBE);
    private final ProblemFactory problems = Decay.factory(cube, 1, 1);

    @Test
    void richardsonValueAndTruncationEstimateByHand() {
        Sensitivity.Result r = new Sensitivity(problems, SolverSettings.DEFAULT, 1).withStep(0.1)
                .run(List.of("p"), List.of("y", "w"), Summary.FINAL, Monitor.NONE);
        assertThat(r.step()).isEqualTo(0.1);
        assertThat(r.ranked("y")).hasSize(1);
        Sensitivity.Coefficient y = r.ranked("y").get(0);
        assertThat(y.output()).isEqualTo("y");
        assertThat(y.outputValue()).isEqualTo(8.0);
        assertThat(y.value()).isCloseTo(3, within(1e-13));
        assertThat(y.error()).isCloseTo(0.01 / 4, within(1e-13));
        Sensitivity.Coefficient w = r.ranked("w").get(0);
        assertThat(r.ranked("w")).hasSize(1);
        assertThat(w.value()).isCloseTo(1, within(1e-13));
        assertThat(w.error()).isCloseTo(0, within(1e-13));
    }

    @Test
    void theStepIsInItsDocumentedRange() {
        Sensitivity s = new Sensitivity(problems, SolverSettings.DEFAULT, 1);
        assertThat(s.step()).isEqualTo(Sensitivity.DEFAULT_STEP);
        assertThat(s.withStep(0.1).step()).isEqualTo(0.1);
        assertThatThrownBy(() -> s.withStep(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the relative step must be in (0, 0.1], got 0.0");
        assertThatThrownBy(() -> s.withStep(0.1000001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sensitivity(problems, SolverSettings.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be at least 1, got 0");
        // rtol is tightened to MAX_RTOL and atol by the same factor: 1e-3 -> 1e-10 is a factor 1e-7
        Sensitivity loose = new Sensitivity(problems, SolverSettings.DEFAULT.withTolerances(1e-3, 1e-6), 1);
        assertThat(loose.settings().rtol()).isEqualTo(Sensitivity.MAX_RTOL);
        assertThat(loose.settings().atol()).isCloseTo(1e-13, within(1e-27));
        SolverSettings tight = SolverSettings.DEFAULT.withTolerances(1e-12, 1e-14);
        assertThat(new Sensitivity(problems, tight, 1).settings()).isEqualTo(tight);
    }

    @Test
    void rulesAndUnknownOutputsAreRefusedWithTheReason() {
        Sensitivity s = new Sensitivity(problems, SolverSettings.DEFAULT, 1);
        assertThatThrownBy(() -> s.run(List.of("y"), List.of("w"), Summary.FINAL, Monitor.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'y' (did you mean 'p'?): it is computed by a rule; perturb one of its inputs");
        assertThatThrownBy(() -> s.run(List.of("w"), List.of("y"), Summary.FINAL, Monitor.NONE))
                .hasMessage("unknown parameter 'w' (did you mean 'p'?): it is computed by a rule; perturb one of its inputs");
        assertThatThrownBy(() -> s.run(List.of("xx"), List.of("y"), Summary.FINAL, Monitor.NONE))
                .hasMessage("unknown parameter 'xx' (did you mean 'x'?)");
        assertThatThrownBy(() -> s.run(List.of("p"), List.of("p"), Summary.FINAL, Monitor.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'p' is a constant parameter");
        assertThatThrownBy(() -> s.run(List.of(), List.of("y"), Summary.FINAL, Monitor.NONE))
                .hasMessage("no parameters to perturb");
    }
}
