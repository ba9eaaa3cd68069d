package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.trajectory.Trajectory;

/**
 * Every part of an event reads the delayed values at its own time. y' = -y(t - 1) with y = 1 up to
 * 0 gives (method of steps, by hand) y = 1 - t on [0, 1], so d(t) = y(t - 1) = 1 on [0, 1] and
 * 2 - t on [1, 2]. Bound 1e-7 as in {@link DelayedOutputsTest}: the stored past is the solver's
 * dense output at tolerance 1e-10.
 */
class DelayedEventsTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12);
    private static final String DELAY = "y' = -delay(y, 1); y = 1\n";

    @Test
    void triggersDelaysAndPrioritiesSeeTheDelayedValues() {
        var m = Models.compile(DELAY + "var a = 0\nvar b = 0\nvar c = 0\n"
                // d < 0.5 once 2 - t < 0.5: at t = 1.5
                + "E1: at (delay(y, 1) < 0.5): a = time\n"
                // triggered at 1.2, delayed by d(1.2) = 0.8: fires at 2.0 (b is evaluated then, not at the trigger)
                + "E2: at delay(y, 1) after (time >= 1.2), fromTrigger=false: b = time\n"
                // both due at 1.6; E3's priority d(1.6) = 0.4 beats E4's 0.3, so E3 runs first: c = 0 * 10, then c = 1
                + "E3: at (time >= 1.6), priority=delay(y, 1): c = c * 10 + 5\n"
                + "E4: at (time >= 1.6), priority=0.3: c = 1");
        Trajectory tr = Models.run(m, 2.5, 0.5, TIGHT, List.of());
        assertThat(tr.last("a")).isCloseTo(1.5, within(1e-7));
        assertThat(tr.last("b")).isCloseTo(2.0, within(1e-7));
        assertThat(tr.last("c")).isEqualTo(1.0);
    }

    @Test
    void eventAssignmentsReadTheDelayedValueAtTheirFiringTime() {
        // fired at 1.75 with d(1.75) = 0.25
        var m = Models.compile(DELAY + "var w = 0\nE: at (time >= 1.75): w = delay(y, 1) + 10");
        Trajectory tr = Models.run(m, 2, 0.25, TIGHT, List.of());
        assertThat(tr.value("w", 6)).isEqualTo(0);
        assertThat(tr.value("w", 7)).isCloseTo(10.25, within(1e-7));
    }

    @Test
    void stiffMethodsUseTheDelayedValuesInTheJacobianToo() {
        // the same solution with the implicit methods, which evaluate the Jacobian
        for (String method : new String[] {"bdf", "rodas5p"}) {
            var m = Models.compile(DELAY + "z := delay(y, 1)");
            Trajectory tr = Models.run(m, 2, 0.5, TIGHT.withMethod(method), List.of());
            assertThat(tr.value("z", 3)).as(method).isCloseTo(0.5, within(1e-6));
            assertThat(tr.last("y")).as(method).isCloseTo(1 - 2 + 0.5, within(1e-6));
        }
    }
}
