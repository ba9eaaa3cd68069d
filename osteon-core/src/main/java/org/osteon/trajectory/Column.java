package org.osteon.trajectory;

import org.osteon.compile.Variable;

/** A recorded quantity: its id (the model's name for it), role, unit and display name. */
public record Column(String id, Variable.Kind kind, String unit, String label) {
    private static final java.util.regex.Pattern UNIT_IN_LABEL = java.util.regex.Pattern.compile("\\[([^\\]]+)]\\s*$");

    public static Column of(Variable v) {
        return new Column(v.id(), v.kind(), v.unit(), v.label());
    }

    /**
     * The unit to show: the declared one, else the one a label ends with in brackets ("bone volume
     * change [%]"), else null.
     */
    public String displayUnit() {
        if (unit != null && !unit.isBlank()) {
            return unit;
        }
        java.util.regex.Matcher m = label == null ? null : UNIT_IN_LABEL.matcher(label);
        return m != null && m.find() ? m.group(1).strip() : null;
    }
}
