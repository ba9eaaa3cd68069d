package org.osteon.simulation;

import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.util.Suggestions;

/** The complete start of a run: defaults, then user overrides, then initial assignments. */
public record InitialConditions(double[] state, double[] parameters) {

    /**
     * @param overrides values by name: a state's initial value or a parameter's value; overridden
     *                  entries are not recomputed by initial assignments
     * @throws IllegalArgumentException naming an unknown symbol (with the closest match) or one
     *                                  that a rule computes
     */
    public static InitialConditions prepare(CompiledModel model, Map<String, Double> overrides, double t0) {
        Layout layout = model.layout();
        double[] y = model.defaultState();
        double[] p = model.defaultParameters();
        boolean[] fixedStates = new boolean[y.length];
        boolean[] fixedParameters = new boolean[layout.parameterCount()];
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            String name = e.getKey();
            double v = e.getValue();
            int s = layout.stateIndex(name);
            int k = layout.parameterIndex(name);
            if (s >= 0) {
                y[s] = v;
                fixedStates[s] = true;
            } else if (k >= 0) {
                p[k] = v;
                fixedParameters[k] = true;
            } else if (layout.outputIndex(name) >= 0) {
                throw new IllegalArgumentException("cannot set '" + name + "': it is computed by a rule of model '"
                        + model.id() + "'; set one of its inputs instead");
            } else {
                throw new IllegalArgumentException("cannot set '" + name + "': model '" + model.id()
                        + "' has no such state or parameter" + Suggestions.didYouMean(name, layout.allIds()));
            }
        }
        model.initialize(t0, y, p, fixedStates, fixedParameters);
        if (model.algebraicStates().length > 0) {
            // Algebraic rules: solve for the values they determine (a differential-algebraic start
            // must be consistent); initial assignments that read those values (a species given by
            // its amount in a compartment an algebraic rule sizes) are evaluated again, then the
            // rules solved again for the new values.
            org.osteon.solve.AlgebraicProjection.project(ModelFunction.of(model, p), t0, y);
            model.initialize(t0, y, p, fixedStates, fixedParameters);
            org.osteon.solve.AlgebraicProjection.project(ModelFunction.of(model, p), t0, y);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("initial value of '" + layout.states().get(i).id() + "' is " + y[i]);
            }
        }
        return new InitialConditions(y, p);
    }
}
