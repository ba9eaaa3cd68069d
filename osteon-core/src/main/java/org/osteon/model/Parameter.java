package org.osteon.model;

/**
 * A named quantity that is not a species or compartment.
 *
 * @param value    value, or {@code NaN} when set by a rule or an initial assignment
 * @param constant fixed for the whole simulation ({@code const}); a non-constant one ({@code var})
 *                 may be changed by rules, events and scenario interventions
 */
public record Parameter(String id, double value, boolean constant, Metadata metadata) implements ModelSymbol {
    public Parameter {
        ModelSymbol.requireId(id);
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }
}
