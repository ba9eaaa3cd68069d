package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.solve.Cancellation;
import org.osteon.solve.IntegrationContext;
import org.osteon.solve.SolverException;
import org.osteon.solve.Tolerances;
import org.osteon.trajectory.Trajectory;

/** Cooperative cancellation: a budget or a flag stops a run within one step, with a clear reason. */
class CancellationTest {
    /** A fast oscillator: many steps per unit of time, so a long span takes long enough to be cut. */
    private static final String OSCILLATOR = "x' = v; v' = -10000*x; x = 1; v = 0";

    private static SimulationProblem problem(CompiledModel m, double until, double step, List<ScheduledChange> changes) {
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        return new SimulationProblem(m, init.state(), init.parameters(), 0, until, SimulationProblem.grid(0, until, step),
                changes, List.of());
    }

    @Test
    void withoutCancellationTheResultIsTheSameAsBefore() {
        // Solve with NONE and with a generous budget: bit-identical trajectories (the check changes no arithmetic).
        CompiledModel m = Models.compile(OSCILLATOR);
        SimulationProblem p = problem(m, 2, 0.1, List.of());
        Trajectory plain = Simulator.solve(p, SolverSettings.DEFAULT);
        Trajectory budgeted = Simulator.solve(p, SolverSettings.DEFAULT, Cancellation.after(Duration.ofMinutes(5)));
        assertThat(budgeted.column("x")).containsExactly(plain.column("x"));
        // x = cos(100 t): the solution itself is right (tolerance: 1e-4 absolute at rtol 1e-6 over 32 periods).
        assertThat(plain.last("x")).isCloseTo(Math.cos(200), within(1e-4));
    }

    @Test
    void aTimeBudgetStopsALongRunWithReasonCancelledAndTheTimeReached() {
        // 1e6 time units of a 100 rad/unit oscillator need ~1e9 steps: minutes of work, cut after 50 ms.
        CompiledModel m = Models.compile(OSCILLATOR);
        SimulationProblem p = problem(m, 1e6, 1000, List.of());
        SolverSettings settings = new SolverSettings("dopri5", 1e-6, 1e-12, Map.of(), Long.MAX_VALUE, 0);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Simulator.solve(p, settings, Cancellation.after(Duration.ofMillis(50))))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SolverException.Reason.CANCELLED);
                    // On a loaded machine the budget can be used up before the first step: t = 0 is then right.
                    assertThat(e.time()).isGreaterThanOrEqualTo(0).isLessThan(1e6);
                    assertThat(e.getMessage()).contains("run stopped at t=" + e.time()).contains("time budget of 50 ms");
                });
        double ms = (System.nanoTime() - start) / 1e6;
        // The whole run needs ~1e9 steps (minutes even on an idle machine): ending within 30 s proves the cut.
        assertThat(ms).as("stopped long before the run could finish").isLessThan(30_000);
    }

    @Test
    void aFlagSetByAnotherThreadStopsTheRun() throws Exception {
        CompiledModel m = Models.compile(OSCILLATOR);
        SimulationProblem p = problem(m, 1e6, 1000, List.of());
        SolverSettings settings = new SolverSettings("auto", 1e-6, 1e-12, Map.of(), Long.MAX_VALUE, 0);
        AtomicBoolean stop = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.set(true);
        });
        canceller.start();
        assertThatThrownBy(() -> Simulator.solve(p, settings, Cancellation.when(stop::get, "cancelled by the client")))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SolverException.Reason.CANCELLED);
                    assertThat(e.getMessage()).endsWith("cancelled by the client");
                });
        canceller.join();
    }

    @Test
    void everyStepAndEveryBreakpointConsultsTheCheck() {
        // Ten doses: the check is asked at least once per accepted step and once per breakpoint.
        CompiledModel m = Models.compile("x' = -0.5*x; x = 0");
        List<ScheduledChange> doses = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            doses.add(Changes.bolus(m.layout(), "x", 1, i));
        }
        AtomicInteger asked = new AtomicInteger();
        Trajectory tr = Simulator.solve(problem(m, 11, 1, doses), SolverSettings.DEFAULT, () -> {
            asked.incrementAndGet();
            return null;
        });
        long steps = tr.runInfo().acceptedSteps() + tr.runInfo().rejectedSteps();
        assertThat((long) asked.get()).isGreaterThanOrEqualTo(steps + 10);
    }

    @Test
    void theOldContextConstructorNeverCancels() {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(1, 1e-6, 1e-9), 10, 0);
        assertThat(ctx.cancellation()).isSameAs(Cancellation.NONE);
        ctx.countStep(true, 1.0); // does not throw
        assertThat(ctx.statistics().acceptedSteps).isEqualTo(1);
    }

    @Test
    void orCombinesTwoChecksFirstReasonWins() {
        Cancellation a = () -> null;
        Cancellation b = () -> "b";
        assertThat(a.or(b).stopReason()).isEqualTo("b");
        assertThat(b.or(() -> "c").stopReason()).isEqualTo("b");
        assertThat(a.or(a).stopReason()).isNull();
    }
}
