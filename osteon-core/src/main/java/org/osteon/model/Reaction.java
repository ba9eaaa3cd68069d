package org.osteon.model;

import java.util.List;
import org.osteon.model.expr.Expr;

/**
 * A reaction. Its rate (the kinetic law) is in substance per time; a species in concentration
 * changes by {@code stoichiometry * rate / compartment size}.
 *
 * @param reversible {@code ->} in Antimony (reversible), {@code =>} irreversible
 */
public record Reaction(String id, List<SpeciesReference> reactants, List<SpeciesReference> products,
                       Expr rate, boolean reversible, Metadata metadata) implements ModelSymbol {
    public Reaction {
        ModelSymbol.requireId(id);
        reactants = List.copyOf(reactants);
        products = List.copyOf(products);
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }
}
