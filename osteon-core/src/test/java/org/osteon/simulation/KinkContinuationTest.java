package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.trajectory.Trajectory;

/**
 * Which segment boundaries let {@code bdf} keep its history (Simulator.continuesSmoothly): an
 * event that flips a flag where the right-hand side is continuous (a kink) is continued; a jump of
 * the right-hand side or of the state restarts. Expected values are closed forms, stated per test;
 * bound 10x the tolerance (atol + rtol |y|), as in ReferenceProblemsTest.
 */
class KinkContinuationTest {
    private static final double RTOL = 1e-8;
    private static final double ATOL = 1e-12;
    private static final double KINK = Math.log(2);

    private static Trajectory run(String body, String method) {
        return Models.run(Models.compile(body), 5, 0.25, SolverSettings.DEFAULT.withMethod(method).withTolerances(RTOL, ATOL),
                List.of());
    }

    private static void assertClose(double actual, double exact) {
        assertThat(actual).isCloseTo(exact, within(10 * (ATOL + RTOL * Math.abs(exact))));
    }

    @Test
    void aFlagFlippedAtAKinkIsContinuedAndStaysAccurate() {
        // z' = s (x - 1/2)^2 with s set to 0 where x = e^-t reaches 1/2: z' and z'' are continuous.
        // Exact: z = (1 - e^-2t)/2 - (1 - e^-t) + t/4 up to ln 2, then ln(2)/4 - 1/8.
        Trajectory tr = run("x' = -x; x = 1; z' = s*(x - 0.5)^2; z = 0; var s = 1\nOff: at x <= 0.5: s = 0", "bdf");
        assertThat(tr.runInfo().eventsFired()).isEqualTo(1);
        assertThat(tr.runInfo().restarts()).isEqualTo(1);
        assertThat(tr.runInfo().continuations()).isEqualTo(1);
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.time(i);
            double z = t <= KINK ? (1 - Math.exp(-2 * t)) / 2 - (1 - Math.exp(-t)) + t / 4 : KINK / 4 - 0.125;
            assertClose(tr.value("z", i), z);
            assertClose(tr.value("x", i), Math.exp(-t));
        }
    }

    @Test
    void aSharperKinkIsContinuedToo() {
        // z' = s (x - 1/2): z' is continuous at the switch, z'' jumps by 1/2.
        // Exact: z = 1 - e^-t - t/2 up to ln 2, then 1/2 - ln(2)/2.
        Trajectory tr = run("x' = -x; x = 1; z' = s*(x - 0.5); z = 0; var s = 1\nOff: at x <= 0.5: s = 0", "bdf");
        assertThat(tr.runInfo().continuations()).isEqualTo(1);
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.time(i);
            assertClose(tr.value("z", i), t <= KINK ? 1 - Math.exp(-t) - t / 2 : 0.5 - KINK / 2);
        }
    }

    @Test
    void aJumpOfTheRateRestarts() {
        // z' = s with s from 1 to 0 at x = 1/2: the rate jumps by 1. Exact: z = min(t, ln 2).
        Trajectory tr = run("x' = -x; x = 1; z' = s; z = 0; var s = 1\nOff: at x <= 0.5: s = 0", "bdf");
        assertThat(tr.runInfo().restarts()).isEqualTo(1);
        assertThat(tr.runInfo().continuations()).isZero();
        assertClose(tr.last("z"), KINK);
    }

    @Test
    void aJumpOfTheStateRestarts() {
        // x' = -x from 1; at x = 1/2 (t = ln 2), x = x + 100: x = 100.5 e^-(t - ln 2) after, which
        // does not reach 1/2 again before t = ln 2 + ln 201 = 6.0.
        Trajectory tr = run("x' = -x; x = 1\nUp: at x <= 0.5: x = x + 100", "bdf");
        assertThat(tr.runInfo().restarts()).isEqualTo(1);
        assertThat(tr.runInfo().continuations()).isZero();
        assertClose(tr.last("x"), 100.5 * Math.exp(-(5 - KINK)));
    }

    @Test
    void aOneStepMethodHasNothingToContinue() {
        Trajectory tr = run("x' = -x; x = 1; z' = s*(x - 0.5)^2; z = 0; var s = 1\nOff: at x <= 0.5: s = 0", "rodas5p");
        assertThat(tr.runInfo().continuations()).isZero();
        assertClose(tr.last("z"), KINK / 4 - 0.125);
    }
}
