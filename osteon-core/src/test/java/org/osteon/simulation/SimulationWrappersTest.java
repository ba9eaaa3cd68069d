package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;

/**
 * The thin views the simulator puts between a compiled model and a solver pass the model's
 * properties through unchanged: the right-hand side of one segment ({@link ModelFunction}), a
 * model with delays seen through its history ({@link DelayedModel}, never autonomous: its delayed
 * values depend on when it is evaluated), a per-thread workspace, and per-state tolerances. A solver
 * that is told a model is autonomous skips df/dt, so a wrong answer here changes results.
 */
class SimulationWrappersTest {

    @Test
    void aSegmentFunctionReportsTheModelsTimeDependenceJacobianAndPattern() {
        CompiledModel autonomous = Models.compile("x' = -x; x = 1");
        CompiledModel timed = Models.compile("x' = time; x = 0");
        double[] p = autonomous.defaultParameters();
        assertThat(ModelFunction.of(autonomous, p).isAutonomous()).isTrue();
        assertThat(ModelFunction.of(timed, timed.defaultParameters()).isAutonomous()).isFalse();
        assertThat(ModelFunction.of(autonomous, p).hasAnalyticJacobian()).isTrue();
        assertThat(ModelFunction.of(autonomous, p).jacobianPattern()).isSameAs(autonomous.jacobianPattern());
    }

    @Test
    void aSegmentFunctionHoldsTimeInsideItsSegment() {
        // x' = time on [2, 3]: evaluated at t = 10 it gives just below 3, at t = 0 just above 2
        CompiledModel timed = Models.compile("x' = time; x = 0");
        ModelFunction f = ModelFunction.onSegment(timed, timed.defaultParameters(), 2, 3);
        double[] dydt = new double[1];
        f.derivatives(10, new double[] {0}, dydt);
        assertThat(dydt[0]).isEqualTo(Math.nextDown(3.0));
        f.derivatives(0, new double[] {0}, dydt);
        assertThat(dydt[0]).isEqualTo(Math.nextUp(2.0));
    }

    @Test
    void aModelWithDelaysKeepsTheBaseModelsDefaultsUnitAndInitialisationButIsNeverAutonomous() {
        CompiledModel base = Models.compile("x' = -delay(x, 1); x = 2; k = 3*x; var k");
        DelayedModel delayed = new DelayedModel(base, new DelayHistory(base, 0, base.defaultState(), base.defaultParameters()));
        assertThat(delayed.defaultState()).containsExactly(base.defaultState());
        assertThat(delayed.defaultParameters()).containsExactly(base.defaultParameters());
        assertThat(delayed.timeUnit()).isEqualTo(base.timeUnit());
        assertThat(delayed.hasAnalyticJacobian()).isTrue();
        assertThat(delayed.isAutonomous()).isFalse();
        // the initial assignment k = 3 x runs through the view: 6
        double[] y = delayed.defaultState();
        double[] p = delayed.defaultParameters();
        delayed.initialize(0, y, p, null, null);
        assertThat(p[base.layout().parameterIndex("k")]).isEqualTo(6.0);
    }

    @Test
    void aWorkspaceHandsOutOneSolverStorage() {
        SimulationWorkspace w = new SimulationWorkspace();
        assertThat(w.solver()).isNotNull().isSameAs(w.solver());
    }

    @Test
    void aChangeLeavesInputRatesAloneUnlessItSaysOtherwise() {
        ScheduledChange plain = new ScheduledChange() {
            @Override
            public double time() {
                return 1;
            }

            @Override
            public Phase phase() {
                return Phase.BEFORE_OUTPUT;
            }

            @Override
            public String label() {
                return "set";
            }

            @Override
            public void apply(double[] y, double[] p) {
            }
        };
        assertThat(plain.changesInputs()).isFalse();
    }

    @Test
    void perStateTolerancesAreKeptByName() {
        SolverSettings s = SolverSettings.DEFAULT.withStateTolerances(Map.of("x", 1e-3), Map.of("x", 1e-9));
        assertThat(s.stateRtol()).containsEntry("x", 1e-3);
        assertThat(s.stateAtol()).containsEntry("x", 1e-9);
        assertThat(s.rtol()).isEqualTo(SolverSettings.DEFAULT.rtol());
    }
}
