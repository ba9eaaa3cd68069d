package org.osteon.model;

/** A species and its stoichiometric coefficient in a reaction. */
public record SpeciesReference(String species, double stoichiometry) {
    public SpeciesReference {
        ModelSymbol.requireId(species);
        if (!(stoichiometry > 0) || Double.isInfinite(stoichiometry)) {
            throw new IllegalArgumentException("stoichiometry of " + species + " must be positive and finite");
        }
    }
}
