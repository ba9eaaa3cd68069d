package org.osteon.models.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osteon.model.Model;
import org.osteon.model.Reaction;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.expr.ExprFormatter;
import org.osteon.model.expr.Exprs;

/**
 * The reactions of a model that has no curated pathway (one a user brought, in Antimony or SBML) as
 * a picture: species and reactions as nodes, a reactant {@code consumed} by its reaction, a
 * reaction that {@code yields} a product, and a species in a rate law that is neither reactant nor
 * product {@code modifies} the reaction (whether it speeds it up or slows it down depends on the
 * state, so no sign is claimed). Nothing is inferred beyond what the reactions say.
 */
public final class ReactionNetwork {
    /** Larger networks are not drawn: a layered picture of them is unreadable and slow to lay out. */
    public static final int MAX_NODES = 400;
    public static final String SOURCE = "the reactions of the model (drawn from its text; not a curated pathway)";

    private ReactionNetwork() {
    }

    /** The network of {@code model}'s reactions, or empty if it has none or too many nodes. */
    public static Optional<Pathway> of(Model model) {
        if (model.reactions().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Species> species = new LinkedHashMap<>();
        model.species().forEach(s -> species.put(s.id(), s));
        Set<String> used = new LinkedHashSet<>();
        List<Pathway.Edge> edges = new ArrayList<>();
        for (Reaction r : model.reactions()) {
            String rate = r.rate() == null ? null : ExprFormatter.format(r.rate());
            Set<String> participants = new LinkedHashSet<>();
            for (SpeciesReference ref : r.reactants()) {
                participants.add(ref.species());
                used.add(ref.species());
                edges.add(new Pathway.Edge(ref.species(), r.id(), "consumed", stoichiometry(ref), rate, null,
                        "reactant of reaction " + r.id()));
            }
            for (SpeciesReference ref : r.products()) {
                participants.add(ref.species());
                used.add(ref.species());
                edges.add(new Pathway.Edge(r.id(), ref.species(), "yields", stoichiometry(ref), rate, null,
                        "product of reaction " + r.id()));
            }
            if (r.rate() != null) {
                for (String sym : Exprs.symbols(r.rate())) {
                    if (species.containsKey(sym) && !participants.contains(sym)) {
                        used.add(sym);
                        edges.add(new Pathway.Edge(sym, r.id(), "modifies", null, rate, null,
                                "appears in the rate law of reaction " + r.id()));
                    }
                }
            }
        }
        if (used.size() + model.reactions().size() > MAX_NODES) {
            return Optional.empty();
        }
        List<Pathway.Node> nodes = new ArrayList<>();
        for (String id : used) {
            Species s = species.get(id);
            String label = s != null && s.metadata().displayName() != null ? s.metadata().displayName() : id;
            nodes.add(new Pathway.Node(id, label, "molecule", List.of(id), null, null, null));
        }
        for (Reaction r : model.reactions()) {
            String label = r.metadata().displayName() != null ? r.metadata().displayName() : r.id();
            nodes.add(new Pathway.Node(r.id(), label, "process", List.of(r.id()), null, null, null));
        }
        return Optional.of(new Pathway(model.id(), SOURCE, nodes, edges));
    }

    private static String stoichiometry(SpeciesReference ref) {
        return ref.stoichiometry() == 1 ? null : "stoichiometry " + ExprFormatter.number(ref.stoichiometry());
    }
}
