package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.trajectory.Trajectory;

/**
 * Delayed values read by outputs and events, not only by rates: y' = -y(t - 1) with y = 1 up to 0
 * has y = 1 - t on [0, 1] and 1 - t + (t - 1)^2 / 2 on [1, 2] (method of steps, by hand). Bound
 * 1e-7 as in SbmlSemanticsTest: the stored past is the solver's dense output at tolerance 1e-10.
 */
class DelayedOutputsTest {
    @Test
    void outputsAndEventsReadTheStoredPast() {
        var m = Models.compile("y' = -delay(y, 1); y = 1\nz := delay(y, 1)\nvar w = 0\nE: at (time >= 1.5): w = delay(y, 1) + 10");
        Trajectory tr = Models.run(m, 2, 0.5, SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12), List.of());
        assertThat(tr.modelId()).isEqualTo("m");
        assertThat(tr.value("z", 1)).isCloseTo(1, within(1e-7)); // t = 0.5: y(-0.5) = 1, the history before the start
        assertThat(tr.value("z", 3)).isCloseTo(0.5, within(1e-7)); // t = 1.5: y(0.5) = 0.5
        assertThat(tr.value("z", 4)).isCloseTo(0, within(1e-7)); // t = 2: y(1) = 0
        assertThat(tr.value("w", 2)).isEqualTo(0);
        assertThat(tr.value("w", 3)).isCloseTo(10.5, within(1e-7)); // fired at 1.5 with y(0.5)
        assertThat(tr.last("y")).isCloseTo(1 - 2 + 0.5, within(1e-7));
    }
}
