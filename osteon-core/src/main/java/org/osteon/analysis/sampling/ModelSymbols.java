package org.osteon.analysis.sampling;

import java.util.ArrayList;
import java.util.List;
import org.osteon.compile.Layout;
import org.osteon.simulation.SimulationProblem;

/** The symbols a spec may vary: parameters and states (for their initial values), with their values in a problem. */
public final class ModelSymbols {
    private ModelSymbols() {
    }

    /** Parameter then state ids, for suggestions. */
    public static List<String> variable(SimulationProblem base) {
        List<String> out = new ArrayList<>();
        base.model().layout().parameters().forEach(v -> out.add(v.id()));
        base.model().layout().states().forEach(v -> out.add(v.id()));
        return out;
    }

    /** The value a parameter (or a state's initial value) has in the problem; null for other names. */
    public static Double value(SimulationProblem base, String name) {
        Layout layout = base.model().layout();
        int k = layout.parameterIndex(name);
        if (k >= 0) {
            return base.parameters()[k];
        }
        int s = layout.stateIndex(name);
        return s >= 0 ? base.initialState()[s] : null;
    }
}
