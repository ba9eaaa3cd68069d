package org.osteon.model;

/**
 * A species (SBML semantics).
 *
 * @param compartment  compartment id, or {@code null} for the model's default compartment
 * @param initialValue initial concentration (or amount when {@code amountOnly}), {@code NaN} if unset
 * @param amountOnly   SBML hasOnlySubstanceUnits: the symbol denotes an amount, not a concentration
 * @param boundary     boundary species ({@code $A}): reactions do not change it
 * @param constant     never changes (a rule or event may not target it)
 */
public record Species(String id, String compartment, double initialValue, boolean amountOnly,
                      boolean boundary, boolean constant, Metadata metadata) implements ModelSymbol {
    public Species {
        ModelSymbol.requireId(id);
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }
}
