package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.trajectory.Trajectory;

/** SBML Level 3 event semantics through the driver. Expected values are analytic (stated per test). */
class EventTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"auto", "dopri5", "dop853", "rodas5p", "bdf"})
    void timeEventHitsExactlyAndRestarts(String method) {
        // x' = -x from 1; at t=10, x = x + 1. Exact: x(t) = e^-t before, (e^-10 + 1) e^-(t-10) after.
        var m = Models.compile("x' = -x; x = 1\nE1: at (time >= 10): x = x + 1");
        Trajectory tr = Models.run(m, 20, 0.5, SolverSettings.DEFAULT.withMethod(method).withTolerances(1e-10, 1e-14), List.of());
        assertThat(tr.runInfo().restartTimes()).contains(10.0);
        assertThat(tr.runInfo().eventsFired()).isEqualTo(1);
        int i10 = 20; // t = 10 is grid index 20; the output at the event instant shows the event's effect
        assertThat(tr.time(i10)).isEqualTo(10.0);
        assertThat(tr.value("x", i10)).isCloseTo(Math.exp(-10) + 1, within(1e-8));
        assertThat(tr.value("x", 19)).isCloseTo(Math.exp(-9.5), within(1e-9));
        assertThat(tr.last("x")).isCloseTo((Math.exp(-10) + 1) * Math.exp(-10), within(1e-9));
    }

    /**
     * 30 daily boluses of 1 into the depot of depot' = -50 depot, c' = 50 depot - 0.5 c (stiff:
     * the rates differ 100-fold), solved by BDF. Exact by superposition:
     * c(t) = sum_k 50/49.5 (e^{-0.5 (t-k)} - e^{-50 (t-k)}) over the doses at k <= t. Bound: 10x
     * the tolerance (atol + rtol |c|), the criterion of ReferenceProblemsTest. The linear
     * system's Jacobian never changes, so BDF must carry its iteration matrix across the 29
     * restarts: no Jacobian evaluations beyond the first and the periodic refresh (one per 50
     * accepted steps, Bdf.JACOBIAN_AGE), none caused by a restart.
     */
    @Test
    void bdfCarriesItsIterationMatrixAcrossDoseRestartsAndStaysAccurate() {
        var m = Models.compile("depot' = -50*depot; c' = 50*depot - 0.5*c; depot = 0; c = 0");
        List<ScheduledChange> doses = new java.util.ArrayList<>();
        for (int k = 0; k < 30; k++) {
            doses.add(Changes.bolus(m.layout(), "depot", 1, k));
        }
        double rtol = 1e-8;
        double atol = 1e-12;
        Trajectory tr = Models.run(m, 30, 0.25, SolverSettings.DEFAULT.withMethod("bdf").withTolerances(rtol, atol), doses);
        System.out.println("[measure] bdf doses: " + tr.runInfo());
        assertThat(tr.runInfo().restarts()).isEqualTo(29);
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.time(i);
            double exact = 0;
            for (int k = 0; k <= 29 && k <= t; k++) {
                exact += 50 / 49.5 * (Math.exp(-0.5 * (t - k)) - Math.exp(-50 * (t - k)));
            }
            assertThat(tr.value("c", i)).as("c at t=%s", t).isCloseTo(exact, within(10 * (atol + rtol * exact)));
        }
        assertThat(tr.runInfo().jacobianEvaluations()).isLessThanOrEqualTo(1 + tr.runInfo().acceptedSteps() / 50);
    }

    @Test
    void stateEventLocatedByRootFindingToMachinePrecision() {
        // x' = -x from 1 crosses 0.5 at t = ln 2 exactly; the event records the time into tE.
        var m = Models.compile("x' = -x; x = 1\nvar tE = -1\nE1: at (x <= 0.5): tE = time");
        Trajectory tr = Models.run(m, 2, 0.1, SolverSettings.DEFAULT.withTolerances(1e-13, 1e-16), List.of());
        double te = tr.last("tE");
        // Tolerance 1e-12 relative: the requirement for event timing.
        assertThat(Math.abs(te - Math.log(2)) / Math.log(2)).isLessThan(1e-12);
        assertThat(tr.runInfo().restartTimes()).anySatisfy(t -> assertThat(t).isCloseTo(Math.log(2), within(1e-12)));
    }

    @Test
    void stateEventInsideLongStepIsNotMissed() {
        // Decay to 0.9 happens at ln(1/0.9) = 0.10536; the solver's steps are far longer at rtol 1e-6.
        var m = Models.compile("x' = -x; x = 1\nvar hits = 0\nE1: at (x < 0.9): hits = hits + 1");
        Trajectory tr = Models.run(m, 50, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.last("hits")).isEqualTo(1.0);
    }

    @Test
    void delayedEventFiresAfterItsDelayWithTriggerTimeValues() {
        // At t=2 (x = 2), schedule y = x after 3 days: fires at t=5 with the value at trigger time (2).
        var m = Models.compile("x' = 1; x = 0\nvar y = 0\nE1: at 3 after (time >= 2): y = x");
        Trajectory tr = Models.run(m, 10, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.runInfo().restartTimes()).contains(2.0, 5.0);
        assertThat(tr.value("y", 4)).isEqualTo(0.0);
        assertThat(tr.value("y", 5)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void delayedEventWithExecutionTimeValues() {
        // fromTrigger=false: the value is taken at execution (t=5, x = 5).
        var m = Models.compile("x' = 1; x = 0\nvar y = 0\nE1: at 3 after (time >= 2), fromTrigger=false: y = x");
        Trajectory tr = Models.run(m, 10, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.value("y", 5)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void nonPersistentEventIsCancelledWhenTriggerTurnsFalse() {
        // Trigger true on [1, 2) only (x = t); the delay of 3 outlives it, so a non-persistent event never fires.
        String body = "x' = 1; x = 0\nvar y = 0; var z = 0\n"
                + "E1: at 3 after (x >= 1 && x < 2), persistent=false: y = 1\n"
                + "E2: at 3 after (x >= 1 && x < 2): z = 1";
        Trajectory tr = Models.run(Models.compile(body), 10, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.last("y")).isEqualTo(0.0);
        assertThat(tr.last("z")).isEqualTo(1.0);
    }

    @Test
    void triggerTurnedFalseByAnotherEventCancelsOnlyNonPersistentEvents() {
        // E1 and E2 trigger at t=0 (t0=false) on k > 0 with a delay of 3; E0 sets k = 0 at t=2, so their
        // trigger turns false at that breakpoint, not inside a step. Non-persistent E1 is cancelled;
        // persistent E2 fires at 3 (the SBML persistence rule).
        String body = "x' = 0; x = 0\nvar k = 1; var y = 0; var z = 0\n"
                + "E0: at (time >= 2): k = 0\n"
                + "E1: at 3 after (k > 0), t0=false, persistent=false: y = 1\n"
                + "E2: at 3 after (k > 0), t0=false: z = 1";
        Trajectory tr = Models.run(Models.compile(body), 10, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.column("y")).containsOnly(0.0);
        assertThat(tr.value("z", 2)).isEqualTo(0.0);
        assertThat(tr.value("z", 3)).isEqualTo(1.0);
    }

    @Test
    void aPriorityOfNaNIsAnErrorNamingTheEventAndTheTime() {
        // Found by the hostile corpus: with random tie-breaking a NaN priority tied with nothing and crashed
        // ("bound must be positive").
        var m = Models.compile("x' = 0; x = 0\nvar y = 0\nE1: at (time >= 1), priority=0/0: y = 1\nE2: at (time >= 1): y = 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Models.run(m, 2, 1, SolverSettings.DEFAULT, List.of()))
                .isInstanceOf(org.osteon.solve.SolverException.class)
                .hasMessageContaining("event 'E1' has priority NaN at t=1.0");
    }

    @Test
    void initialValueFalseFiresAtStartWhenTriggerAlreadyTrue() {
        // SBML t0=false: a trigger true at t0 counts as a transition at t0.
        var m = Models.compile("x' = 0; x = 1\nvar a = 0; var b = 0\nE1: at (time >= 0), t0=false: a = 1\nE2: at (time >= 0): b = 1");
        Trajectory tr = Models.run(m, 1, 0.5, SolverSettings.DEFAULT, List.of());
        assertThat(tr.first("a")).isEqualTo(1.0);
        assertThat(tr.last("b")).isEqualTo(0.0);
    }

    @Test
    void triggerTimeValuesAreUsedForSimultaneousEvents() {
        // SBML default: both events evaluate their assignments when triggered (y = 0), so E1 writes 0*10 last.
        var m = Models.compile("x' = 0; x = 0\nvar y = 0\n"
                + "E1: at (time >= 1), priority=1: y = y * 10\n"
                + "E2: at (time >= 1), priority=2: y = 1");
        Trajectory tr = Models.run(m, 2, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.last("y")).isEqualTo(0.0);
    }

    @Test
    void simultaneousEventsFireByPriority() {
        // Both fire at t=1; higher priority first: y = 1 then y = y * 10 -> 10 (the other order gives 1).
        // E1 takes its value at execution (fromTrigger=false); with trigger-time values it would write 0*10.
        var m = Models.compile("x' = 0; x = 0\nvar y = 0\n"
                + "E1: at (time >= 1), priority=1, fromTrigger=false: y = y * 10\n"
                + "E2: at (time >= 1), priority=2: y = 1");
        Trajectory tr = Models.run(m, 2, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.last("y")).isEqualTo(10.0);
    }

    @Test
    void periodicEventsThroughRearmingGuards() {
        // A self-rearming time event: fires at 1, 2, ..., 10 (next stores the following time).
        var m = Models.compile("x' = 0; x = 0\nvar n = 0; var next = 1\nE1: at (time >= next): n = n + 1, next = next + 1");
        Trajectory tr = Models.run(m, 10, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.last("n")).isEqualTo(10.0);
        assertThat(tr.column("n")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void eventLoopIsReportedNotHung() {
        // E1 and E2 re-trigger each other forever at t = 0.
        var m = Models.compile("x' = 0; x = 0\nvar k = 0\nE1: at (k >= 0), t0=false: k = -1\nE2: at (k < 0): k = 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Models.run(m, 1, 0.5, SolverSettings.DEFAULT, List.of()))
                .isInstanceOf(org.osteon.solve.SolverException.class).hasMessageContaining("events keep firing");
    }
}
