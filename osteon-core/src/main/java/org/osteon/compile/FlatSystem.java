package org.osteon.compile;

import java.util.List;
import java.util.Map;
import org.osteon.model.expr.Expr;

/**
 * A model reduced to what a backend needs: named vectors, one derivative expression per state,
 * the assignment-rule and reaction-rate variables in evaluation order, initial assignments in
 * evaluation order, and events. {@code assigned} is in evaluation order; {@code outputs} holds the
 * same variables in declaration order, the order users see. All user functions are inlined; symbols still refer by name.
 */
record FlatSystem(String modelId,
                  List<Variable> states, List<Expr> derivatives, double[] stateDefaults,
                  List<Variable> parameters, double[] parameterDefaults,
                  List<Variable> assigned, List<Expr> assignedExpressions, List<Variable> outputs,
                  List<Init> initialAssignments,
                  List<FlatEvent> events,
                  Map<String, ExternalFunction> externals,
                  List<Delay> delays) {

    /** An initial assignment in evaluation order: the target is a state or a parameter. */
    record Init(String target, Expr expression) {
    }

    /**
     * An event with inlined expressions; guards are the comparisons inside its trigger. Rescales
     * keep the amounts of concentration species when the event resizes their compartment.
     */
    record FlatEvent(String id, Expr trigger, List<Expr> guards, Expr delay, Expr priority,
                     List<String> targets, List<Expr> values, boolean persistent, boolean initialValue,
                     boolean useValuesFromTriggerTime, List<Rescale> rescales) {

        /** The same event with every expression passed through f (guards recomputed from the new trigger). */
        FlatEvent map(java.util.function.UnaryOperator<Expr> f) {
            Expr t = f.apply(trigger);
            return new FlatEvent(id, t, Flattener.guards(t), delay == null ? null : f.apply(delay),
                    priority == null ? null : f.apply(priority), targets, values.stream().map(f).toList(), persistent,
                    initialValue, useValuesFromTriggerTime, rescales);
        }
    }

    /** Concentration species {@code species} keeps its amount when the event resizes {@code compartment}. */
    record Rescale(String species, String compartment) {
    }

    /**
     * {@code delay(value, lag)} of the model, read in expressions as the slot {@link #slotName}; the
     * simulation fills the slot with value at time - lag from the run's history. Before the start
     * nothing changes but time: {@code valueBeforeStart} is the value with every rate of change
     * (rateOf) zero, assigned values expanded.
     */
    record Delay(Expr value, Expr lag, Expr valueBeforeStart) {
        static String slotName(int k) {
            return "delay$" + k;
        }
    }
}
