package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.ModelFunction;
import org.osteon.solve.OdeFunction;
import org.osteon.solve.SteadyState;
import org.osteon.solve.SteadyStateSolver;
import org.osteon.trajectory.Trajectory;

/**
 * With every extension at its baseline the model keeps the Pivonka 2008 steady state exactly.
 * Expected values: spec section 3 (Pivonka 2008 as coded in bone_models 0.1.0).
 */
class BaselineTest {
    static final double OBP = 6.196390628173431e-4;
    static final double OBA = 5.583931899642794e-4;
    static final double OCA = 8.069635262994807e-4;

    @Test
    void initialStateIsAnEquilibriumToRoundOff() {
        CompiledModel m = Outcome.CATALOG.compiled(RanklPathwayModel.ID).orElseThrow();
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        double[] dy = new double[m.layout().stateCount()];
        m.derivatives(0, init.state(), init.parameters(), dy);
        for (int i = 0; i < dy.length; i++) {
            double scale = Math.max(Math.abs(init.state()[i]), 1e-3);
            // Round-off of products of ~1e-4 terms: 1e-15 relative to the state per day.
            assertThat(Math.abs(dy[i]) / scale).as(m.layout().states().get(i).id()).isLessThan(1e-15);
        }
        double[] out = new double[m.layout().outputCount()];
        m.outputs(0, init.state(), init.parameters(), out);
        Layout l = m.layout();
        // Spec section 3 derived values.
        assertThat(out[l.outputIndex("OPG")]).isCloseTo(18435.913, within(1e-3));
        assertThat(out[l.outputIndex("RANKL")]).isCloseTo(0.552235, within(1e-6));
        // Markers are ratios of rates to their baseline values: 100 % to round-off (1e-12 relative; a
        // rate summed from several fluxes differs from its stored baseline in the last bits).
        assertThat(out[l.outputIndex("CTX")]).isCloseTo(100.0, within(1e-10));
        assertThat(out[l.outputIndex("P1NP")]).isCloseTo(100.0, within(1e-10));
        assertThat(out[l.outputIndex("RANKL_OPG_rel")]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void steadyStateSolverFindsPivonkaSteadyState() {
        CompiledModel m = Outcome.CATALOG.compiled(RanklPathwayModel.ID).orElseThrow();
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        double[] p = init.parameters();
        double[] guess = init.state();
        Layout l = m.layout();
        guess[l.stateIndex("OBp")] *= 1.3;
        guess[l.stateIndex("OCa")] *= 0.7;
        guess[l.stateIndex("OCp")] *= 1.2;
        OdeFunction f = ModelFunction.of(m, p);
        SteadyState ss = new SteadyStateSolver().solve(f, SteadyStateSolver.Options.of(guess));
        double[] y = ss.state();
        // 1e-9 relative: the tolerance for steady states.
        assertThat(y[l.stateIndex("OBp")]).isCloseTo(OBP, within(1e-9 * OBP));
        assertThat(y[l.stateIndex("OBa")]).isCloseTo(OBA, within(1e-9 * OBA));
        assertThat(y[l.stateIndex("OCa")]).isCloseTo(OCA, within(1e-9 * OCA));
        assertThat(y[l.stateIndex("OCp")]).isCloseTo(1e-3, within(1e-12));
    }

    @Test
    void tenYearsAtBaselineChangeNothing() {
        // Integrated tightly (rtol 1e-10) so that what is measured is the model, not the solver's error:
        // an exact steady state moves by less than 1e-7 in ten years.
        var s = Outcome.CATALOG.scenario(RanklPathwayModel.ID + "-baseline").orElseThrow();
        var model = Outcome.RUNNER.model(s);
        Trajectory tr = org.osteon.simulation.Simulator.solve(Outcome.RUNNER.problem(s, model),
                Outcome.RUNNER.settings(s).withTolerances(1e-10, 1e-16));
        for (String id : new String[] {"OBp", "OBa", "OCa", "BV"}) {
            double first = tr.first(id);
            assertThat(Math.abs(tr.max(id) - first) / first).as(id).isLessThan(1e-7);
            assertThat(Math.abs(tr.min(id) - first) / first).as(id).isLessThan(1e-7);
        }
        // With the default tolerances (rtol 1e-6) the deviations stay within the solver's tolerance.
        Trajectory loose = Outcome.run("baseline");
        for (String id : new String[] {"OBp", "OBa", "OCa", "BV"}) {
            double first = loose.first(id);
            assertThat(Math.abs(loose.max(id) - first) / first).as(id).isLessThan(1e-6);
            assertThat(Math.abs(loose.min(id) - first) / first).as(id).isLessThan(1e-6);
        }
    }
}
