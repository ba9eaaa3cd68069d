package org.osteon.model;

/**
 * A species (SBML semantics).
 *
 * @param compartment      compartment id, or {@code null} for the model's default compartment
 * @param initialValue     initial concentration (or amount when {@code amountOnly}), {@code NaN} if unset
 * @param amountOnly       SBML hasOnlySubstanceUnits: the symbol denotes an amount, not a concentration
 * @param boundary         boundary species ({@code $A}): reactions do not change it
 * @param constant         never changes (a rule or event may not target it)
 * @param conversionFactor id of a parameter that converts reaction extent into this species'
 *                         substance (SBML Level 3 conversionFactor), or {@code null} for the model's
 *                         {@link Model#conversionFactor()} (if any)
 */
public record Species(String id, String compartment, double initialValue, boolean amountOnly,
                      boolean boundary, boolean constant, String conversionFactor, Metadata metadata)
        implements ModelSymbol {
    public Species {
        ModelSymbol.requireId(id);
        if (conversionFactor != null) {
            ModelSymbol.requireId(conversionFactor);
        }
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    /** A species without its own conversion factor. */
    public Species(String id, String compartment, double initialValue, boolean amountOnly,
                   boolean boundary, boolean constant, Metadata metadata) {
        this(id, compartment, initialValue, amountOnly, boundary, constant, null, metadata);
    }
}
