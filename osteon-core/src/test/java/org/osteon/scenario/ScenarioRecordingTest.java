package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/**
 * {@link ScenarioRunner#run} records only what the scenario shows ({@link ScenarioRunner#recorded}),
 * and what it shows is what it showed when every column was recorded and then selected: the same
 * columns in the same order with the same values, bit for bit.
 */
class ScenarioRecordingTest {
    private static final String MODEL = """
            model chain
              J1: A -> B; k1*A
              J2: B -> ; k2*B
              A = 10; B = 0; k1 = 0.4; k2 = 0.1
              ratio := B/(A + B)
              pct := 100*ratio
              spare := exp(-A)
            end
            """;
    @TempDir
    Path dir;

    private Scenario scenario(String yaml) throws Exception {
        Files.writeString(dir.resolve("chain.ant"), MODEL);
        return ScenarioReader.read(Files.writeString(dir.resolve("s.yaml"), "model: chain.ant\nuntil: 20\nstep: 0.5\n"
                + "doses: [{target: A, amount: 5, at: 7.3}]\n" + yaml));
    }

    /** The scenario solved recording every column, then selected as before. */
    private static Trajectory everythingThenSelected(ScenarioRunner runner, Scenario s) {
        SimulationProblem problem = runner.problem(s, runner.model(s));
        return ScenarioRunner.select(Simulator.solve(problem, runner.settings(s)), s);
    }

    private static void assertSame(Trajectory got, Trajectory expected) {
        assertThat(got.columns()).extracting(Column::id).containsExactlyElementsOf(
                expected.columns().stream().map(Column::id).toList());
        assertThat(got.times()).isEqualTo(expected.times());
        for (Column c : expected.columns()) {
            assertThat(got.column(c.id())).as(c.id()).isEqualTo(expected.column(c.id())); // bit for bit
        }
    }

    @Test
    void aScenarioWithOutputsRecordsThoseOnly() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        // an output that depends on another assigned value, a state, a reaction rate, a parameter, a repeat
        Scenario s = scenario("outputs: [pct, B, J1, k1, pct]\n");
        SimulationProblem problem = runner.problem(s, runner.model(s));
        assertThat(ScenarioRunner.recorded(s, problem)).containsExactly("pct", "B", "J1", "k1");
        Trajectory run = runner.run(s);
        assertSame(run, everythingThenSelected(runner, s));
        // pct = 100 B / (A + B): 0 at the start (B = 0), by hand
        assertThat(run.value("pct", 0)).isZero();
    }

    @Test
    void aScenarioWithoutOutputsShowsEverythingButReactionRates() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        Scenario s = scenario("");
        SimulationProblem problem = runner.problem(s, runner.model(s));
        assertThat(ScenarioRunner.recorded(s, problem)).containsExactly("A", "B", "ratio", "pct", "spare");
        Trajectory run = runner.run(s);
        assertSame(run, everythingThenSelected(runner, s));
        assertThat(run.has("J1")).isFalse();
    }

    @Test
    void anUnknownOutputIsNamedWithItsLine() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        assertThatThrownBy(() -> runner.run(scenario("outputs: [pct, ration]\n")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.yaml:5")
                .hasMessageContaining("unknown output 'ration' (did you mean 'ratio'?)");
    }
}
