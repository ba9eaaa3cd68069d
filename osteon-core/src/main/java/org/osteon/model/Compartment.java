package org.osteon.model;

/**
 * A compartment (SBML semantics). Species given in concentration are per unit of its size.
 *
 * @param size     size, or {@code NaN} when not set (then an initial assignment or rule sets it)
 * @param constant whether the size is fixed in time
 */
public record Compartment(String id, double size, boolean constant, Metadata metadata) implements ModelSymbol {
    public Compartment {
        ModelSymbol.requireId(id);
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }
}
