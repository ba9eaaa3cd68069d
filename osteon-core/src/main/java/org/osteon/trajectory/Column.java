package org.osteon.trajectory;

import org.osteon.compile.Variable;

/** A recorded quantity: its id (the model's name for it), role, unit and display name. */
public record Column(String id, Variable.Kind kind, String unit, String label) {
    public static Column of(Variable v) {
        return new Column(v.id(), v.kind(), v.unit(), v.label());
    }
}
