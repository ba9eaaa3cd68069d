package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Trajectory;

/** Breakpoints, windows, doses, output recording and failures of the simulation driver. */
class DriverTest {

    @Test
    void windowIsInclusiveHeldAndRestoredWithRestartsAtBothEdges() {
        // x' = k with k = 0 except k = 2 on [3, 5]: x = 2*(t-3) inside, 4 after. Exact arithmetic expected.
        CompiledModel m = Models.compile("x' = k; x = 0\nvar k = 0");
        List<ScheduledChange> w = Changes.window(m.layout(), "k", 2, 3, 5, 0);
        Trajectory tr = Models.run(m, 8, 1, SolverSettings.DEFAULT, w);
        assertThat(tr.runInfo().restartTimes()).containsExactly(3.0, 5.0);
        assertThat(tr.column("k")).containsExactly(0, 0, 0, 2, 2, 2, 0, 0, 0);
        assertThat(tr.value("x", 4)).isCloseTo(2, within(1e-12));
        assertThat(tr.last("x")).isCloseTo(4, within(1e-12));
    }

    @Test
    void repeatedDosesAreBreakpointsAndAddToTheState() {
        // Bolus of 1 at t = 1, 3, 5 into x' = -0.5 x. Exact solution by superposition.
        CompiledModel m = Models.compile("x' = -0.5*x; x = 0");
        List<ScheduledChange> doses = new ArrayList<>();
        for (double at : new double[] {1, 3, 5}) {
            doses.add(Changes.bolus(m.layout(), "x", 1, at));
        }
        Trajectory tr = Models.run(m, 6, 1, SolverSettings.DEFAULT.withTolerances(1e-10, 1e-14), doses);
        assertThat(tr.runInfo().restartTimes()).containsExactly(1.0, 3.0, 5.0);
        double expected = Math.exp(-0.5 * 5) + Math.exp(-0.5 * 3) + Math.exp(-0.5 * 1);
        assertThat(tr.last("x")).isCloseTo(expected, within(1e-9));
        assertThat(tr.value("x", 1)).isCloseTo(1.0, within(1e-12)); // the output at the dose time shows the dose
    }

    @Test
    void aChangeBeforeTheStartIsRefusedNotDropped() {
        CompiledModel m = Models.compile("x' = 0; x = 1");
        List<ScheduledChange> early = List.of(Changes.bolus(m.layout(), "x", 1, -1));
        assertThatThrownBy(() -> Models.run(m, 2, 1, SolverSettings.DEFAULT, early))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is scheduled at t=-1.0, before the start of the run (0.0)");
    }

    @Test
    void piecewiseOnTimeIsADiscontinuityTheDriverStopsAt() {
        // A rate switching at t = 2.5 inside the model text: the driver restarts there without being told.
        CompiledModel m = Models.compile("x' = piecewise(1, time < t_s, -1); x = 0\nt_s = 2.5");
        Trajectory tr = Models.run(m, 4, 0.5, SolverSettings.DEFAULT.withMethod("dopri5"), List.of());
        assertThat(tr.runInfo().restartTimes()).containsExactly(2.5);
        assertThat(tr.last("x")).isCloseTo(2.5 - 1.5, within(1e-12));
    }

    @Test
    void outputGridComesFromDenseOutputNotSolverSteps() {
        // Exponential decay sampled at 1001 points; each value must match the exact solution.
        CompiledModel m = Models.compile("x' = -x; x = 1");
        Trajectory tr = Models.run(m, 10, 0.01, SolverSettings.DEFAULT.withTolerances(1e-10, 1e-14), List.of());
        assertThat(tr.size()).isEqualTo(1001);
        assertThat(tr.runInfo().acceptedSteps()).isLessThan(300);
        for (int i = 0; i < tr.size(); i++) {
            assertThat(tr.value("x", i)).isCloseTo(Math.exp(-tr.time(i)), within(2e-9 * Math.exp(-tr.time(i)) + 1e-13));
        }
    }

    @Test
    void outputsAndChangingParametersAreRecorded() {
        CompiledModel m = Models.compile("x' = -k*x; x = 2\nvar k = 1\ny := 3*x\nE1: at (time >= 1): k = 2");
        Trajectory tr = Models.run(m, 2, 1, SolverSettings.DEFAULT, List.of());
        assertThat(tr.columns()).extracting(c -> c.id()).containsExactly("x", "y", "k");
        assertThat(tr.value("y", 0)).isEqualTo(6.0);
        assertThat(tr.column("k")).containsExactly(1, 2, 2);
    }

    @Test
    void failureNamesTheStateAndTime() {
        // y' = y^2 from 1 blows up at t = 1.
        CompiledModel m = Models.compile("x' = 0; x = 0\nblowup' = blowup^2; blowup = 1");
        assertThatThrownBy(() -> Models.run(m, 2, 0.1, SolverSettings.DEFAULT, List.of()))
                .isInstanceOf(SolverException.class)
                .hasMessageContaining("blowup")
                .satisfies(e -> assertThat(((SolverException) e).time()).isCloseTo(1.0, within(1e-3)));
    }

    @Test
    void undefinedPiecewiseGivesFailureNotNumbers() {
        // piecewise without otherwise is undefined after t = 1: the solver must stop, not invent values.
        CompiledModel m = Models.compile("x' = piecewise(1, time < 1); x = 0");
        assertThatThrownBy(() -> Models.run(m, 2, 0.1, SolverSettings.DEFAULT, List.of()))
                .isInstanceOf(SolverException.class).hasMessageContaining("x");
    }

    @Test
    void overridesBeatInitialAssignmentsAndUnknownNamesAreSuggested() {
        CompiledModel m = Models.compile("x' = -x; x = 2*k0\nk0 = 3\nk1 := x");
        assertThat(InitialConditions.prepare(m, Map.of(), 0).state()[0]).isEqualTo(6.0);
        assertThat(InitialConditions.prepare(m, Map.of("k0", 5.0), 0).state()[0]).isEqualTo(10.0);
        assertThat(InitialConditions.prepare(m, Map.of("x", 1.0, "k0", 5.0), 0).state()[0]).isEqualTo(1.0);
        assertThatThrownBy(() -> InitialConditions.prepare(m, Map.of("k00", 1.0), 0))
                .hasMessageContaining("did you mean 'k0'");
        assertThatThrownBy(() -> InitialConditions.prepare(m, Map.of("k1", 1.0), 0))
                .hasMessageContaining("computed by a rule");
    }

    @Test
    void problemsAreReusableAcrossThreads() throws Exception {
        CompiledModel m = Models.compile("x' = k - x; x = 0\nvar k = 0");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        SimulationProblem problem = new SimulationProblem(m, init.state(), init.parameters(), 0, 10,
                SimulationProblem.grid(0, 10, 1), Changes.window(m.layout(), "k", 1, 2, 6, 0), List.of("k"));
        Trajectory reference = Simulator.solve(problem, SolverSettings.DEFAULT);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread th = new Thread(() -> {
                for (int r = 0; r < 200; r++) {
                    Trajectory t = Simulator.solve(problem, SolverSettings.DEFAULT);
                    if (!java.util.Arrays.equals(t.column("x"), reference.column("x"))) {
                        errors.add(new AssertionError("different result in a concurrent run"));
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isEmpty();
    }
}
