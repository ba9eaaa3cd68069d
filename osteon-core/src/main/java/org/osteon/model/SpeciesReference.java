package org.osteon.model;

/**
 * A species and its stoichiometric coefficient in a reaction (SBML {@code speciesReference}).
 *
 * @param stoichiometry the coefficient; any finite number (SBML allows zero and negative ones), or
 *                      {@code NaN} when an initial assignment or a rule on {@code id} sets it
 * @param id            the reference's own id, or {@code null}. With an id the coefficient is a
 *                      symbol of the model: expressions read it, and initial assignments, rules and
 *                      events may set it (variable stoichiometry)
 */
public record SpeciesReference(String species, double stoichiometry, String id) {
    public SpeciesReference {
        ModelSymbol.requireId(species);
        if (id != null) {
            ModelSymbol.requireId(id);
        }
        if (Double.isInfinite(stoichiometry) || (Double.isNaN(stoichiometry) && id == null)) {
            throw new IllegalArgumentException("stoichiometry of " + species + " must be finite (or set through an id)");
        }
    }

    /** A reference without an id: a fixed coefficient. */
    public SpeciesReference(String species, double stoichiometry) {
        this(species, stoichiometry, null);
    }
}
