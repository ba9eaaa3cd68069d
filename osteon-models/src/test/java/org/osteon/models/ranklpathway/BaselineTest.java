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
        assertThat(out[l.outputIndex("CTX")]).isEqualTo(100.0);
        assertThat(out[l.outputIndex("P1NP")]).isEqualTo(100.0);
        assertThat(out[l.outputIndex("RANKL_OPG_rel")]).isEqualTo(1.0);
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
        Trajectory tr = Outcome.run("baseline");
        for (String s : new String[] {"OBp", "OBa", "OCa", "BV"}) {
            double first = tr.first(s);
            // Default tolerances (rtol 1e-6): the drift stays far below that.
            assertThat(Math.abs(tr.max(s) - first) / first).as(s).isLessThan(1e-7);
            assertThat(Math.abs(tr.min(s) - first) / first).as(s).isLessThan(1e-7);
        }
    }
}
