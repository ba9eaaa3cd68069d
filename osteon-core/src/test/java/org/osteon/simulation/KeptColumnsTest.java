package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/**
 * Runs that keep only some columns (scans, populations, fits): states, then outputs, then
 * parameters, each with its values, names checked, and an output that is not finite named with
 * its time and the rule hint. x' = -k x, x = 2, k = 0.5:
 * x = 2 exp(-t / 2), r = 3 x.
 */
class KeptColumnsTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12);

    private static Trajectory run(String body, double until, List<String> kept) {
        var m = Models.compile(body);
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        SimulationProblem p = new SimulationProblem(m, init.state(), init.parameters(), 0, until,
                SimulationProblem.grid(0, until, 1), List.of(), List.of());
        return Simulator.solve(p, TIGHT, new SimulationWorkspace(), kept);
    }

    @Test
    void keptColumnsComeStatesFirstThenOutputsThenParameters() {
        Trajectory tr = run("x' = -k*x; x = 2; k = 0.5; r := 3*x; s := x + k", 2, List.of("k", "r", "x"));
        assertThat(tr.columns().stream().map(Column::id).toList()).containsExactly("x", "r", "k");
        for (int i = 0; i <= 2; i++) {
            double x = 2 * Math.exp(-0.5 * i);
            assertThat(tr.value("x", i)).isCloseTo(x, within(1e-8));
            assertThat(tr.value("r", i)).isCloseTo(3 * x, within(3e-8));
            assertThat(tr.value("k", i)).isEqualTo(0.5);
        }
        assertThat(tr.has("s")).isFalse();
        Trajectory outputsOnly = run("x' = -k*x; x = 2; k = 0.5; r := 3*x; s := x + k", 2, List.of("s"));
        assertThat(outputsOnly.columns()).hasSize(1);
        assertThat(outputsOnly.value("s", 2)).isCloseTo(2 * Math.exp(-1) + 0.5, within(1e-8));
        assertThatThrownBy(() -> run("x' = -k*x; x = 2; k = 0.5", 1, List.of("kk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot record 'kk': not a state, output or parameter of model 'm' (did you mean 'k'?)");
    }

    @Test
    void anOutputThatIsNotFiniteIsNamedWithItsRuleHint() {
        // x = 1 - t turns negative after t = 1: sqrt(x) is NaN at the grid time t = 2
        String body = "x' = -1; x = 1; q := sqrt(x)";
        assertThatThrownBy(() -> run(body, 2, List.of("x", "q"))).isInstanceOf(SolverException.class)
                .hasMessageStartingWith("output 'q' is NaN at t=2.0 (its rule is not defined there");
    }
}
