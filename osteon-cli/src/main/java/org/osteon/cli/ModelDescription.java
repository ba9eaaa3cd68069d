package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.ModelSymbol;
import org.osteon.model.expr.ExprFormatter;
import org.osteon.simulation.InitialConditions;
import org.osteon.solve.SteadyState;

/**
 * Everything {@code osteon describe} tells about a model, as plain values: the renderers (text,
 * Markdown, JSON) only lay it out.
 */
record ModelDescription(String id, String title, String description, String citation, String doi, String timeUnit,
                        boolean timeUnitDeclared, String scenario, List<Entry> states, List<Entry> parameters, List<String> rules,
                        List<String> initialAssignments, List<String> events, Steady steady) {

    /** A state or parameter: its value at the start (after overrides and initial assignments) and what is known about it. */
    record Entry(String id, double value, String unit, String name, String description, String source, String note,
                 boolean constant) {
    }

    /** The steady state, or why none was found ({@code error} non-null, the rest empty). */
    record Steady(String error, String method, int iterations, double residual, List<String> ids, double[] values,
                  List<SteadyState.Eigenvalue> eigenvalues, String stability, double period) {
        static Steady failed(String message) {
            return new Steady(message, null, 0, Double.NaN, List.of(), new double[0], List.of(), null, Double.NaN);
        }
    }

    /**
     * @param overrides values set by the scenario (shown as the values), may be empty
     * @param scenario  name of the scenario whose values are shown, or null
     */
    static ModelDescription of(ModelInfo info, Map<String, Double> overrides, String scenario) {
        Layout layout = info.compiled().layout();
        InitialConditions init = InitialConditions.prepare(info.compiled(), overrides, 0);
        List<Entry> states = new ArrayList<>();
        for (int i = 0; i < layout.stateCount(); i++) {
            states.add(entry(info, layout.states().get(i), init.state()[i]));
        }
        List<Entry> params = new ArrayList<>();
        for (int k = 0; k < layout.parameterCount(); k++) {
            params.add(entry(info, layout.parameters().get(k), init.parameters()[k]));
        }
        List<String> initial = new ArrayList<>();
        if (info.source() != null) {
            for (InitialAssignment a : info.source().initialAssignments()) {
                initial.add(a.symbol() + " = " + ExprFormatter.format(a.expression()));
            }
        }
        return new ModelDescription(info.id(), info.title(), info.description(), info.citation(), info.doi(),
                info.compiled().timeUnit(), info.source() == null || info.source().unit("time_unit").isPresent(), scenario, states, params, info.rules(), initial, info.events(),
                steady(info, overrides));
    }

    private static Entry entry(ModelInfo info, Variable v, double value) {
        Metadata md = info.source() == null ? Metadata.EMPTY
                : info.source().symbol(v.id()).map(ModelSymbol::metadata).orElse(Metadata.EMPTY);
        String description = v.description() != null ? v.description() : md.description();
        return new Entry(v.id(), value, v.unit(), v.displayName(), description, md.source(), md.attribute(Metadata.NOTE),
                v.constant());
    }

    /** A failing solver is part of the description, not a failure of the command. */
    private static Steady steady(ModelInfo info, Map<String, Double> overrides) {
        if (info.compiled().layout().stateCount() == 0) {
            return Steady.failed("the model has no states");
        }
        try {
            SteadyStates.Result r = SteadyStates.solve(info.compiled(), overrides);
            SteadyState ss = r.state();
            List<String> ids = info.compiled().layout().states().stream().map(Variable::id).toList();
            return new Steady(null, ss.method().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    ss.iterations(), ss.residualNorm(), ids, ss.state(), ss.eigenvalues(),
                    SteadyStates.stability(ss.stability()), ss.period());
        } catch (RuntimeException e) {
            return Steady.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
