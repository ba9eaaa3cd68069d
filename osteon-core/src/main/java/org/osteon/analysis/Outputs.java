package org.osteon.analysis;

import java.util.List;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.simulation.SimulationProblem;
import org.osteon.util.Suggestions;

/** Checks, before any run, that the outputs an analysis summarises will be in every trajectory. */
final class Outputs {
    private Outputs() {
    }

    static void check(SimulationProblem problem, List<String> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no outputs to summarise: name at least one");
        }
        Layout layout = problem.model().layout();
        for (String out : outputs) {
            Variable v = layout.find(out).orElseThrow(() -> new IllegalArgumentException("unknown output '" + out
                    + "'" + Suggestions.didYouMean(out, layout.allIds()) + "; model '" + problem.model().id()
                    + "' has states " + String.join(", ", layout.states().stream().map(Variable::id).toList())));
            if (v.kind() == Variable.Kind.PARAMETER && !problem.recordedParameters().contains(out)) {
                throw new IllegalArgumentException("'" + out + "' is a constant parameter, not an output: it does not change"
                        + " during a run");
            }
        }
    }
}
