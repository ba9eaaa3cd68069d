package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.trajectory.Trajectory;

/** Doses and windows at the edges of the run: none is dropped silently. Expected values are exact (x' = 0). */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    private Trajectory run(String yaml) throws Exception {
        Files.writeString(dir.resolve("flat.ant"), "model flat\n  x' = 0\n  x = 1\n  k = 0\nend\n");
        Path s = Files.writeString(dir.resolve("s.yaml"), "model: flat.ant\nuntil: 10\nstep: 1\n" + yaml);
        return new ScenarioRunner(ModelCatalog.EMPTY).run(ScenarioReader.read(s));
    }

    @Test
    void aDoseExactlyAtTheEndOfTheRunIsGivenAndShowsInTheLastOutput() throws Exception {
        Trajectory tr = run("doses: [{target: x, amount: 2, at: 10}]\n");
        assertThat(tr.value("x", 9)).isEqualTo(1.0);
        assertThat(tr.last("x")).isEqualTo(3.0);
    }

    @Test
    void repeatedDosesUpToAndIncludingTheEndAreGivenAndLaterOnesAreNot() throws Exception {
        // at 4, 7, 10 (= until) are in the run; 13 is not.
        Trajectory tr = run("doses: [{target: x, amount: 1, at: 4, every: 3, count: 4}]\n");
        assertThat(tr.column("x")).containsExactly(1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4);
    }

    @Test
    void aDoseAtTheStartIsGivenAtTheStart() throws Exception {
        Trajectory tr = run("doses: [{target: x, amount: 1, at: 0}]\n");
        assertThat(tr.first("x")).isEqualTo(2.0);
    }

    @Test
    void aDoseBeforeTheStartIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> run("start: 2\ndoses: [{target: x, amount: 1, at: 1}]\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageEndingWith("s.yaml:5:36: dose at t=1.0 is before the start of the run (2.0)");
    }

    @Test
    void aWindowEndingBeforeTheStartIsAnError() {
        assertThatThrownBy(() -> run("start: 5\ninterventions: [{set: k, value: 1, from: 0, to: 2}]\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.yaml:5:").hasMessageContaining("ends at t=2.0, before the start of the run (5.0)");
    }
}
