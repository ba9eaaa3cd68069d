package org.osteon.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.simulation.SolverSettings;

class SensitivityTest {
    private final CompiledModel decay = Decay.compile(Decay.DECAY);
    private final ProblemFactory problems = Decay.factory(decay, 3, 0.5);

    @Test
    void normalisedSensitivitiesOfDecayMatchClosedForm() {
        Sensitivity.Result r = new Sensitivity(problems, SolverSettings.DEFAULT, 2)
                .run(List.of("k", "x"), List.of("x"), Summary.FINAL, Monitor.NONE);
        // x(T) = x0 exp(-k T): S_k = -k T = -1.5 at k = 0.5, T = 3; S_x0 = 1.
        Sensitivity.Coefficient sk = r.ranked("x").get(0);
        Sensitivity.Coefficient sx = r.ranked("x").get(1);
        assertThat(sk.parameter()).isEqualTo("k");
        assertThat(sk.value()).isCloseTo(-1.5, within(1e-6));
        assertThat(sk.parameterValue()).isEqualTo(0.5);
        assertThat(sk.outputValue()).isCloseTo(2 * Math.exp(-1.5), within(1e-9));
        assertThat(sx.value()).isCloseTo(1.0, within(1e-6));
        for (Sensitivity.Coefficient c : r.coefficients()) {
            double exact = c.parameter().equals("k") ? -1.5 : 1.0;
            // The estimate must cover the actual error and still be small.
            assertThat(c.error()).isGreaterThanOrEqualTo(Math.abs(c.value() - exact)).isLessThan(1e-5);
            assertThat(c.problem()).isNull();
        }
        assertThat(r.settings().rtol()).isEqualTo(Sensitivity.MAX_RTOL);
        // The absolute tolerance is scaled down with the relative one: 1e-12 * (1e-10 / 1e-6).
        assertThat(r.settings().atol()).isCloseTo(1e-16, within(1e-30));
    }

    @Test
    void richardsonExtrapolationCancelsTheSecondOrderError() {
        // At the largest relative step (0.1) a plain central difference of x(T) = x0 exp(-k T) is off by
        // about (kT)^3 h^2 / 6 = 5.6e-3 (h) or 1.4e-3 (h/2); the extrapolated value by O(h^4), about 6e-6.
        // Bound fixed from that analysis: 1e-4 admits the extrapolated value and no single difference.
        Sensitivity.Result r = new Sensitivity(problems, SolverSettings.DEFAULT, 1).withStep(0.1)
                .run(List.of("k"), List.of("x"), Summary.FINAL, Monitor.NONE);
        Sensitivity.Coefficient sk = r.ranked("x").get(0);
        assertThat(sk.value()).isCloseTo(-1.5, within(1e-4));
        assertThat(sk.error()).isGreaterThanOrEqualTo(Math.abs(sk.value() + 1.5));
    }

    @Test
    void maximumAtTheStartDependsOnlyOnTheInitialValue() {
        Sensitivity.Result r = new Sensitivity(problems, SolverSettings.DEFAULT, 1).withStep(1e-2)
                .run(List.of("k", "x"), List.of("x"), Summary.MAX, Monitor.NONE);
        // max x = x(0) = x0: S_k = 0, S_x0 = 1, exactly (no solver involved at t = 0).
        assertThat(r.ranked("x").get(0).parameter()).isEqualTo("x");
        assertThat(r.ranked("x").get(0).value()).isCloseTo(1.0, within(1e-12));
        assertThat(r.ranked("x").get(1).value()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void candidatesAreConstantNonZeroParameters() {
        assertThat(Sensitivity.candidates(problems.problem(Map.of()))).containsExactly("k");
    }

    @Test
    void refusesWhatHasNoDerivative() {
        Sensitivity s = new Sensitivity(problems, SolverSettings.DEFAULT, 1);
        assertThatThrownBy(() -> s.run(List.of("k"), List.of("x"), Summary.TIME_OF_MAX, Monitor.NONE))
                .hasMessageContaining("use a scan");
        assertThatThrownBy(() -> s.run(List.of("kk"), List.of("x"), Summary.FINAL, Monitor.NONE))
                .hasMessageContaining("unknown parameter 'kk'").hasMessageContaining("did you mean 'k'");
        assertThatThrownBy(() -> s.run(List.of("zero"), List.of("x"), Summary.FINAL, Monitor.NONE))
                .hasMessageContaining("is 0");
        assertThatThrownBy(() -> s.run(List.of("u"), List.of("x"), Summary.FINAL, Monitor.NONE))
                .hasMessageContaining("changes during the run");
        assertThatThrownBy(() -> s.withStep(0.5)).hasMessageContaining("relative step");
    }

    @Test
    void failedRunsGiveNaNWithAReason() {
        CompiledModel blowup = Decay.compile(Decay.BLOWUP);
        // y = 1/(1 - c t) with c = 0.2 blows up at t = 5, just after T = 4.9: the base run succeeds
        // (y = 50), the run at c (1 + 0.04) blows up at t = 4.81 and fails.
        ProblemFactory f = overrides -> Decay.factory(blowup, 4.9, 0.7).problem(merged(overrides));
        Sensitivity.Result r = new Sensitivity(f, SolverSettings.DEFAULT, 1).withStep(0.04)
                .run(List.of("c"), List.of("y"), Summary.FINAL, Monitor.NONE);
        Sensitivity.Coefficient c = r.coefficients().get(0);
        assertThat(c.outputValue()).isCloseTo(50, within(1e-6));
        assertThat(c.value()).isNaN();
        assertThat(c.problem()).contains("perturbed run failed");
    }

    private static Map<String, Double> merged(Map<String, Double> overrides) {
        Map<String, Double> m = new java.util.HashMap<>(Map.of("c", 0.2));
        m.putAll(overrides);
        return m;
    }
}
