package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.trajectory.Trajectory;

/**
 * What the runner makes of a scenario, on x' = k with x(0) = 1 and k = 0: x grows by k per day,
 * so every expected value is a sum of k times the days it was held (exact up to the solver's
 * rounding; tolerance 1e-9 absolute at rtol/atol 1e-6/1e-9 defaults, where the right-hand side is
 * piecewise constant and every method integrates it exactly).
 */
class ScenarioRunnerEdgesTest {
    private static final double TOL = 1e-9;
    @TempDir
    Path dir;

    private Scenario scenario(String yaml) throws Exception {
        Files.writeString(dir.resolve("grow.ant"), "model grow\n  x' = k\n  x = 1\n  k = 0\nend\n");
        return ScenarioReader.read(Files.writeString(dir.resolve("s.yaml"), "model: grow.ant\n" + yaml));
    }

    private Trajectory run(String yaml) throws Exception {
        return new ScenarioRunner(ModelCatalog.EMPTY).run(scenario(yaml));
    }

    @Test
    void anInterventionHoldsItsValueOnTheWindowAndRestoresTheModelValue() throws Exception {
        // k = 2 on [2, 4]: x(10) = 1 + 2 * 2 = 5; k is back to 0 after the window
        Trajectory tr = run("until: 10\nstep: 1\ninterventions: [{set: k, value: 2, from: 2, to: 4}]\n");
        assertThat(tr.last("x")).isCloseTo(5, within(TOL));
        assertThat(tr.value("k", 1)).isEqualTo(0);
        assertThat(tr.value("k", 3)).isEqualTo(2);
        assertThat(tr.value("k", 6)).isEqualTo(0);
    }

    @Test
    void aWindowThatBeganBeforeTheRunHoldsFromTheStartAndOneEndingAtTheStartIsAccepted() throws Exception {
        // k = 1 on [0, 4] of a run starting at 2: x grows by 2
        Trajectory tr = run("start: 2\nuntil: 10\nstep: 1\ninterventions: [{set: k, value: 1, from: 0, to: 4}]\n");
        assertThat(tr.last("x")).isCloseTo(3, within(TOL));
        Trajectory edge = run("start: 2\nuntil: 10\nstep: 1\ninterventions: [{set: k, value: 1, from: 0, to: 2}]\n");
        assertThat(edge.value("k", 3)).isEqualTo(0);
    }

    @Test
    void aDoseIntoAParameterIsRecordedAndActs() throws Exception {
        // k jumps to 1 at t = 3: x(10) = 1 + 7
        Trajectory tr = run("until: 10\nstep: 1\ndoses: [{target: k, amount: 1, at: 3}]\n");
        assertThat(tr.has("k")).isTrue();
        assertThat(tr.value("k", 2)).isEqualTo(0);
        assertThat(tr.value("k", 4)).isEqualTo(1);
        assertThat(tr.last("x")).isCloseTo(8, within(TOL));
    }

    @Test
    void aDoseBeforeTheStartGivenWithStartIsNamedAtThatKey() {
        // line 4, column 34: the value of 'start' inside the flow mapping
        assertThatThrownBy(() -> run("start: 2\nuntil: 5\ndoses: [{target: x, amount: 1, start: 1}]\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageEndingWith("s.yaml:4:39: dose at t=1.0 is before the start of the run (2.0)");
    }

    @Test
    void outputsSelectColumnsAndAParameterAmongThemIsRecorded() throws Exception {
        Trajectory tr = run("until: 2\nstep: 1\noutputs: [k, x]\nset: {k: 0.5}\n");
        assertThat(tr.columns()).extracting(c -> c.id()).containsExactly("k", "x");
        assertThat(tr.column("k")).containsExactly(0.5, 0.5, 0.5);
        assertThat(tr.last("x")).isCloseTo(2, within(TOL));
        assertThatThrownBy(() -> run("until: 2\noutputs: [y]\n"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("unknown output 'y'");
        assertThatThrownBy(() -> run("until: 2\ntolerances: {k: {atol: 1e-9}}\n"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("tolerances given for 'k', which is not a state");
    }

    @Test
    void theDefaultGridIsDailyFromTenDaysAndAHundredStepsBelow() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        Scenario ten = scenario("until: 10\n");
        assertThat(runner.problem(ten, runner.model(ten)).outputTimes()).hasSize(11); // 0, 1, ..., 10
        Scenario five = scenario("until: 5\n");
        double[] grid = runner.problem(five, runner.model(five)).outputTimes();
        assertThat(grid).hasSize(101); // step 5 / 100
        assertThat(grid[1]).isCloseTo(0.05, within(1e-15));
        Scenario none = scenario("set: {k: 1}\n");
        assertThat(runner.run(none).last("x")).isCloseTo(1 + ScenarioRunner.DEFAULT_UNTIL, within(TOL));
    }

    @Test
    void timesWithUnitsAreConvertedToTheModelsDays() throws Exception {
        // until: 2 weeks = 14 d (the model's time unit defaults to days)
        Trajectory tr = run("until: 2 weeks\nstep: 1 d\nset: {k: 1}\n");
        assertThat(tr.size()).isEqualTo(15);
        assertThat(tr.last("x")).isCloseTo(15, within(TOL));
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        Scenario s = scenario("until: 2 weeks\n");
        assertThat(runner.inModelTime(s).until()).isEqualTo(14.0);
        Scenario plain = scenario("until: 3\n");
        assertThat(runner.inModelTime(plain)).isSameAs(plain);
    }

    @Test
    void overridesReplaceWhatTheyGiveAndAnEmptyRunIsRefused() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        Scenario s = scenario("until: 2 weeks\nstep: 1\nset: {k: 1}\n").withOverrides(3.0, null, null, null, null, Map.of("x", 2.0));
        Trajectory tr = runner.run(s);
        assertThat(tr.times()).containsExactly(0, 1, 2, 3); // 'until' replaced (its unit form too), 'step' kept
        assertThat(tr.last("x")).isCloseTo(2 + 3, within(TOL));
        Scenario empty = scenario("until: 4\n").withOverrides(0.0, null, null, null, null, Map.of());
        assertThatThrownBy(() -> runner.run(empty))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("'until' (0.0) must be finite and after the start (0.0)");
    }

    @Test
    void modelsThatCannotBeFoundOrReadAreNamedWithTheScenarioLine() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        assertThat(runner.catalog()).isSameAs(ModelCatalog.EMPTY);
        Scenario builtIn = ScenarioReader.parse("model: nosuchmodel\n", "s.yaml", dir);
        assertThatThrownBy(() -> runner.model(builtIn))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("s.yaml:1:8: unknown model 'nosuchmodel'");
        Files.writeString(dir.resolve("empty.ant"), "\n");
        Scenario empty = ScenarioReader.parse("model: empty.ant\n", "s.yaml", dir);
        assertThatThrownBy(() -> runner.model(empty))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("s.yaml:1:8: ")
                .hasMessageContaining("no model in");
        Scenario missing = ScenarioReader.parse("model: sub/none.ant\n", "s.yaml", dir);
        assertThatThrownBy(() -> runner.model(missing))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("model file not found");
        // a model that is neither a built-in nor a known file type
        Scenario odd = ScenarioReader.parse("model: sub/m.odd\n", "s.yaml", dir);
        assertThatThrownBy(() -> runner.model(odd)).isInstanceOf(ScenarioException.class);
    }
}
