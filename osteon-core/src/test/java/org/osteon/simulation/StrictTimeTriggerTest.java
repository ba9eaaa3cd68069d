package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.trajectory.Trajectory;

/**
 * A trigger on a strict time comparison ({@code time > T} in any spelling) turns true just after
 * T; SBML fires the event at that instant, T. Before the fix such events fired at the end of the
 * run. Expected values are exact: the state is constant apart from the event.
 */
class StrictTimeTriggerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"time > 10", "gt(time, 10)", "10 < time", "lt(10, time)", "time > T", "gt(time, T)",
        "time > T1 + T2", "!(time <= 10)", "time > 10 && x > 0", "time > 10 || x < 0", "time - 10 > 0",
        "2 * time > 20", "time / 60 > 10 / 60", "time >= 10", "geq(time, 10)", "time > 10 && time < 12"})
    void firesAtTheThresholdNotAtTheEndOfTheRun(String trigger) {
        var m = Models.compile("x' = 0; x = 1\nT = 10; T1 = 4; T2 = 6\nvar tE = -1\nE1: at (" + trigger + "): x = 5, tE = time");
        Trajectory tr = Models.run(m, 20, 1, SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12), List.of());
        assertThat(tr.runInfo().eventsFired()).isEqualTo(1);
        // Fired at 10 (root finding on mixed guards lands within a few ulp of 10).
        assertThat(tr.last("tE")).isCloseTo(10.0, within(1e-9));
        assertThat(tr.value("x", 9)).isEqualTo(1.0);
        assertThat(tr.value("x", 11)).isEqualTo(5.0);
        assertThat(tr.last("x")).isEqualTo(5.0);
    }

    @Test
    void delayedStrictTimeEventFiresDelayAfterTheThreshold() {
        var m = Models.compile("x' = 0; x = 1\nvar tE = -1\nE1: at 2 after (time > 10): x = 5, tE = time");
        Trajectory tr = Models.run(m, 20, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.last("tE")).isEqualTo(10.0); // assignments take their values at trigger time (SBML default)
        assertThat(tr.value("x", 11)).isEqualTo(1.0);
        assertThat(tr.value("x", 12)).isEqualTo(5.0);
    }

    @Test
    void strictThresholdAtTheEndOfTheRunNeverFires() {
        // time never exceeds 'until', so time > until is never true inside the run.
        var m = Models.compile("x' = 0; x = 1\nE1: at (time > 20): x = 5");
        Trajectory tr = Models.run(m, 20, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.runInfo().eventsFired()).isZero();
        assertThat(tr.last("x")).isEqualTo(1.0);
    }

    @Test
    void strictThresholdAtTheStartFiresJustAfterTheStart() {
        // t0=true (the default): the trigger is taken as true before the start. At t=0 'time > 0' is
        // false, so the trigger does turn true just after 0 and the event fires then (at 0).
        var m = Models.compile("x' = 0; x = 1\nvar a = 0\nE1: at (time > 0): a = a + 1");
        Trajectory tr = Models.run(m, 3, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.runInfo().eventsFired()).isEqualTo(1);
        assertThat(tr.value("a", 1)).isEqualTo(1.0);
    }

    @Test
    void equalityOnTimeStillFiresOnceAtTheInstant() {
        var m = Models.compile("x' = 0; x = 1\nvar a = 0\nE1: at (eq(time, 10)): a = a + 1");
        Trajectory tr = Models.run(m, 20, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.runInfo().eventsFired()).isEqualTo(1);
        assertThat(tr.last("a")).isEqualTo(1.0);
    }

    @Test
    void rearmingStrictTimeEventFiresOncePerPeriod() {
        // next moves on by 1 at each firing: fires just after 1, 2, ..., 9 (10 is the end of the run).
        var m = Models.compile("x' = 0; x = 0\nvar n = 0; var next = 1\nE1: at (time > next): n = n + 1, next = next + 1");
        Trajectory tr = Models.run(m, 10, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.last("n")).isEqualTo(9.0);
    }
}
