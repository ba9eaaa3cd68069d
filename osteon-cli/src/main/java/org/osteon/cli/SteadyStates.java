package org.osteon.cli;

import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.simulation.InitialConditions;
import org.osteon.solve.SteadyState;
import org.osteon.solve.SteadyStateSolver;

/** The steady state of a compiled model with given overrides, as {@code osteon steady} and {@code describe} compute it. */
final class SteadyStates {
    private SteadyStates() {
    }

    /** The result with the parameter vector it belongs to. */
    record Result(SteadyState state, double[] parameters) {
    }

    static Result solve(CompiledModel model, Map<String, Double> overrides) {
        InitialConditions init = InitialConditions.prepare(model, overrides, 0);
        double[] p = init.parameters();
        try {
            SteadyState ss = new SteadyStateSolver().solve(org.osteon.simulation.ModelFunction.of(model, p), SteadyStateSolver.Options.of(init.state()));
            return new Result(ss, p);
        } catch (org.osteon.solve.SolverException e) {
            int c = e.component();
            throw c >= 0 && c < model.layout().stateCount() ? e.withComponentName(model.layout().states().get(c).id()) : e;
        }
    }

    static String stability(SteadyState.Stability s) {
        if (s == SteadyState.Stability.STABLE) {
            return "stable";
        } else if (s == SteadyState.Stability.STABLE_OSCILLATORY) {
            return "stable, damped oscillation";
        } else if (s == SteadyState.Stability.NEUTRAL) {
            return "neutral (an eigenvalue is zero: a conserved quantity or a line of equilibria)";
        }
        return "unstable";
    }
}
