package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Rule;
import org.osteon.model.Parameter;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Trajectory;

/**
 * Event location inside a step, failing runs, recording and run statistics, on models whose
 * solution is a polynomial in t (integrated exactly by every method, so the event times below are
 * closed forms; tolerance 1e-9, the root finder's 1e-15 relative plus the solver's rounding).
 */
class SimulationEdgesTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12);

    private static Trajectory run(String body, double until, double step) {
        return Models.run(body, until, step);
    }

    @Test
    void aTriggerWindowOpeningAndClosingInsideOneStepIsFound() {
        // x = t: x > 5 && x < 5.001 holds on (5, 5.001) only, far shorter than the solver's steps there
        Trajectory tr = run("x' = 1; x = 0\nvar y = 0; var n = 0\nE: at (x > 5 && x < 5.001): y = time, n = n + 1", 10, 1);
        assertThat(tr.last("y")).isCloseTo(5, within(1e-9));
        assertThat(tr.last("n")).isEqualTo(1);
    }

    @Test
    void theEarliestOfSeveralGuardsInOneStepFires() {
        // the guards are listed latest first; the event fires when x = t reaches 2
        Trajectory tr = run("x' = 1; x = 0\nvar y = 0\nE: at (x >= 2.001 || x >= 2): y = time", 4, 1);
        assertThat(tr.last("y")).isCloseTo(2, within(1e-9));
    }

    @Test
    void anEventWritingNaNOrInfinityFailsNamingTheEventTheSymbolAndTheTime() {
        assertThatThrownBy(() -> run("x' = 0; x = 1\nE: at (time >= 1): x = 0/0", 2, 1))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SolverException.Reason.NOT_FINITE);
                    assertThat(e.getMessage()).contains("event 'E' set 'x' to NaN at t=1.0");
                });
        assertThatThrownBy(() -> run("x' = 0; x = 1\nvar k = 1\nE: at (time >= 1): k = 1/0", 2, 1))
                .isInstanceOf(SolverException.class)
                .hasMessageContaining("event 'E' set 'k' to Infinity at t=1.0");
    }

    @Test
    void anOutputThatIsNotDefinedFailsTheRunNamingItAndTheTime() {
        // x = 1 - t: sqrt(x) is defined up to t = 1; the grid time 1.5 is the first where it is NaN
        assertThatThrownBy(() -> run("x' = -1; x = 1\ny := sqrt(x)", 2, 0.5))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SolverException.Reason.NOT_FINITE);
                    assertThat(e.getMessage()).startsWith("output 'y' is NaN at t=1.5 (its rule is not defined there");
                });
    }

    @Test
    void onlyTheOutputsAndParametersAskedForAreRecorded() {
        CompiledModel m = Models.compile("x' = k; x = 0\nk = 2\ny := 2 * x\nz := 3 * x");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        SimulationProblem p = new SimulationProblem(m, init.state(), init.parameters(), 0, 1, new double[] {0, 1}, List.of(),
                List.of("k")).withRecordedOutputs(List.of("z"));
        Trajectory tr = Simulator.solve(p, TIGHT);
        assertThat(tr.columns()).extracting(c -> c.id()).containsExactly("x", "z", "k");
        assertThat(tr.last("z")).isCloseTo(6, within(1e-9)); // 3 * 2 * 1
        assertThat(tr.last("k")).isEqualTo(2);
        assertThatThrownBy(() -> Simulator.solve(p.withRecordedOutputs(List.of("q")), TIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot record 'q': not an output of model 'm'");
        SimulationProblem badParameter = new SimulationProblem(m, init.state(), init.parameters(), 0, 1, new double[] {0, 1},
                List.of(), List.of("w"));
        assertThatThrownBy(() -> Simulator.solve(badParameter, TIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot record 'w': not a parameter of model 'm'");
    }

    @Test
    void eventsWithoutPriorityDueTogetherFireInTheOrderTheyTriggered() {
        // E1 triggers at 1 and E2 at 2, both due at 3; with values taken at execution: (0*10 + 1)*10 + 2 = 12
        Trajectory tr = run("x' = 0; x = 0\nvar y = 0\n"
                + "E1: at 2 after (time >= 1), fromTrigger=false: y = y * 10 + 1\n"
                + "E2: at 1 after (time >= 2), fromTrigger=false: y = y * 10 + 2", 4, 1);
        assertThat(tr.value("y", 2)).isEqualTo(0);
        assertThat(tr.last("y")).isEqualTo(12);
    }

    @Test
    void aNonPersistentEventOnATimeWindowIsCancelledWhenTheWindowCloses() {
        // the trigger holds on [1, 2) (time guards only: it changes at breakpoints); the delay 3 outlives it
        Trajectory tr = run("x' = 0; x = 0\nvar y = 0; var z = 0\n"
                + "E1: at 3 after (time >= 1 && time < 2), persistent=false: y = 1\n"
                + "E2: at 3 after (time >= 1 && time < 2): z = 1", 6, 1);
        assertThat(tr.column("y")).containsOnly(0.0);
        assertThat(tr.value("z", 3)).isEqualTo(0);
        assertThat(tr.value("z", 4)).isEqualTo(1);
    }

    @Test
    void scheduledChangesAreAppliedInTimeOrderWhateverTheirOrderInTheProblem() {
        CompiledModel m = Models.compile("x' = 0; x = 0");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        List<ScheduledChange> changes = List.of(Changes.bolus(m.layout(), "x", 1, 5), Changes.bolus(m.layout(), "x", 10, 2));
        Trajectory tr = Simulator.solve(new SimulationProblem(m, init.state(), init.parameters(), 0, 6,
                SimulationProblem.grid(0, 6, 1), changes, List.of()), TIGHT);
        assertThat(tr.column("x")).containsExactly(0, 0, 10, 10, 10, 11, 11);
        List<ScheduledChange> early = List.of(Changes.bolus(m.layout(), "x", 1, -1));
        assertThatThrownBy(() -> Simulator.solve(new SimulationProblem(m, init.state(), init.parameters(), 0, 6,
                SimulationProblem.grid(0, 6, 1), early, List.of()), TIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is scheduled at t=-1.0, before the start of the run (0.0)");
    }

    @Test
    void runInformationCountsRestartsEventsAndTime() {
        CompiledModel m = Models.compile("x' = 1; x = 0\nvar n = 0\nE1: at (time >= 1): n = n + 1\nE2: at (time >= 2): n = n + 1");
        long before = System.nanoTime();
        Trajectory tr = Models.run(m, 3, 1, TIGHT, List.of());
        double elapsedMillis = (System.nanoTime() - before) / 1e6;
        var info = tr.runInfo();
        assertThat(info.eventsFired()).isEqualTo(2);
        assertThat(info.restarts()).isEqualTo(2); // segments [0,1], [1,2], [2,3]
        assertThat(info.restartTimes()).containsExactly(1.0, 2.0);
        assertThat(info.switchedToStiff()).isFalse();
        assertThat(info.rtol()).isEqualTo(1e-10);
        assertThat(info.solveMillis()).isBetween(0.0, elapsedMillis);
        assertThat(tr.modelId()).isEqualTo("m");
    }

    @Test
    void aMaximumStepIsHonoured() {
        // x' = 1 is integrated exactly, so without a cap the steps grow to the whole run
        CompiledModel m = Models.compile("x' = 1; x = 0");
        Trajectory capped = Models.run(m, 100, 100, TIGHT.withMaxStep(0.5), List.of());
        assertThat(capped.runInfo().acceptedSteps()).isGreaterThanOrEqualTo(200);
        assertThat(capped.last("x")).isCloseTo(100, within(1e-9));
    }

    @Test
    void aModelWithoutStatesIsSteppedAtAThousandthOfItsRunWhereverItStarts() {
        // p := sin(time) exceeds 0.9999 for 2 acos(0.9999) = 0.028 around each peak pi/2 + 2 pi k; a step of
        // (120 - 100) / 1000 = 0.02 cannot jump over one. Peaks in [100, 120]: k = 16, 17, 18 (102.1, 108.4, 114.7)
        CompiledModel m = Models.compile("p := sin(time)\nvar n = 0\nE: at (p > 0.9999): n = n + 1");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 100);
        Trajectory tr = Simulator.solve(new SimulationProblem(m, init.state(), init.parameters(), 100, 120,
                SimulationProblem.grid(100, 120, 10), List.of(), List.of("n")), TIGHT);
        assertThat(tr.column("n")).containsExactly(0, 2, 3);
    }

    @Test
    void setValuesAndTheirErrors() {
        CompiledModel m = Models.compile("x' = 0; x = 0\nk = 1\ny := x + k");
        assertThat(InitialConditions.prepare(m, Map.of("x", 3.0), 0).state()[0]).isEqualTo(3);
        assertThat(InitialConditions.prepare(m, Map.of("k", 4.0), 0).parameters()[m.layout().parameterIndex("k")]).isEqualTo(4);
        assertThatThrownBy(() -> InitialConditions.prepare(m, Map.of("y", 1.0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot set 'y': it is computed by a rule");
        assertThatThrownBy(() -> InitialConditions.prepare(m, Map.of("w", 1.0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot set 'w': model 'm' has no such state or parameter");
    }

    @Test
    void algebraicValuesAreMadeConsistentAtTheStartAndAfterEveryJump() {
        // 0 = z - k x with x' = 0: z = k x. The guess z = 1 is inconsistent at the start (x = 4: z = 4);
        // an event sets x = 3 at t = 1 (z = 3); an intervention holds k = 5 on [2, 3] (z = 15), then k = 1.
        Model model = Model.builder("m")
                .parameter(new Parameter("x", 4.0, false, Metadata.EMPTY))
                .parameter(new Parameter("k", 1.0, true, Metadata.EMPTY))
                .parameter(new Parameter("z", 1.0, false, Metadata.EMPTY))
                .rule(new Rule.Rate("x", Expr.num(0)))
                .rule(new Rule.Algebraic(Expr.bin(BinaryOp.SUB, Expr.sym("z"), Expr.bin(BinaryOp.MUL, Expr.sym("k"), Expr.sym("x")))))
                .event(new org.osteon.model.Event("E", Expr.bin(BinaryOp.GE, Expr.sym("time"), Expr.num(1)), null,
                        List.of(new org.osteon.model.Event.Assignment("x", Expr.num(3))), null, true, true, true, Metadata.EMPTY))
                .build();
        CompiledModel m = ModelCompiler.compile(model);
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        List<ScheduledChange> window = Changes.window(m.layout(), "k", 5, 2, 3, 1);
        Trajectory tr = Simulator.solve(new SimulationProblem(m, init.state(), init.parameters(), 0, 4,
                SimulationProblem.grid(0, 4, 0.5), window, List.of("k")), TIGHT);
        assertThat(tr.first("z")).isCloseTo(4, within(1e-9));
        assertThat(tr.valueAt("z", 1)).isCloseTo(3, within(1e-9));
        assertThat(tr.valueAt("z", 2.5)).isCloseTo(15, within(1e-9));
        assertThat(tr.valueAt("z", 3.5)).isCloseTo(3, within(1e-9));
    }

    @Test
    void settingsAndGridsRefuseWhatCannotBeRun() {
        assertThatThrownBy(() -> SolverSettings.DEFAULT.withTolerances(0, 1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolverSettings.DEFAULT.withTolerances(1e-6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolverSettings.DEFAULT.withStateTolerances(Map.of("x", 0.0), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rtol of x must be positive");
        assertThatThrownBy(() -> SolverSettings.DEFAULT.withStateTolerances(Map.of(), Map.of("x", -1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atol of x must be positive");
        assertThatThrownBy(() -> new SolverSettings("auto", 1e-6, 1e-9, Map.of(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SolverSettings("auto", 1e-6, 1e-9, Map.of(), 1, 0).maxSteps()).isEqualTo(1);
        // grids: a single point when the run is an instant; the end included when not a multiple of the step
        assertThat(SimulationProblem.grid(3, 3, 1)).containsExactly(3);
        assertThat(SimulationProblem.grid(0, 10, 3)).containsExactly(0, 3, 6, 9, 10);
        assertThat(SimulationProblem.grid(0, 1, 0.1)).hasSize(11).endsWith(1.0);
        assertThat(SimulationProblem.grid(2, 2.5, 0.25)).containsExactly(2, 2.25, 2.5);
        assertThatThrownBy(() -> SimulationProblem.grid(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulationProblem.grid(0, 1_000_000, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would have 1000001 points; the limit is 1000000");
        assertThat(SimulationProblem.grid(0, 999_999, 1)).hasSize(1_000_000);
        CompiledModel m = Models.compile("x' = 0; x = 0");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        // output times may be the ends themselves, but must increase and stay inside
        assertThat(new SimulationProblem(m, init.state(), init.parameters(), 0, 1, new double[] {0, 1}, List.of(), List.of()).outputTimes())
                .containsExactly(0, 1);
        assertThatThrownBy(() -> new SimulationProblem(m, init.state(), init.parameters(), 0, 1, new double[] {0, 0}, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulationProblem(m, init.state(), init.parameters(), 0, 1, new double[] {1.5}, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulationProblem(m, init.state(), init.parameters(), 1, 0.5, new double[] {}, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
