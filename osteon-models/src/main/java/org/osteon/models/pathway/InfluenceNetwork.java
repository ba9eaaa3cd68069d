package org.osteon.models.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.model.Model;
import org.osteon.model.ModelSymbol;
import org.osteon.model.Rule;
import org.osteon.model.expr.ExprFormatter;
import org.osteon.model.expr.Exprs;

/**
 * The picture of a model written as equations rather than reactions (most published bone models):
 * each state (a rate rule's variable) and each computed quantity (an assignment rule's variable) is a
 * node, and X {@code influences} Y when X appears in Y's rate of change or in Y's rule. A state's own
 * term in its rate (decay, saturation) is not drawn. Whether X raises or lowers Y can depend on the
 * state, so no sign is claimed; the edge names the rule it comes from.
 */
public final class InfluenceNetwork {
    public static final String SOURCE = "the rules of the model (which quantity appears in which equation; not a curated pathway)";
    /** A rule longer than this is cut in the edge's {@code term}. */
    private static final int MAX_TERM = 240;

    private InfluenceNetwork() {
    }

    /** The network of {@code model}'s rate and assignment rules (empty of nodes if it has none). */
    public static Pathway of(Model model) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Rule r : model.rules()) {
            if (r instanceof Rule.Rate || r instanceof Rule.Assignment) {
                rules.put(r.variable(), r);
            }
        }
        Set<String> used = new LinkedHashSet<>();
        List<Pathway.Edge> edges = new ArrayList<>();
        for (Rule r : rules.values()) {
            String to = r.variable();
            boolean rate = r instanceof Rule.Rate;
            String term = term((rate ? to + "' = " : to + " := ") + ExprFormatter.format(r.expression()));
            for (String from : Exprs.symbols(r.expression())) {
                if (rules.containsKey(from) && !from.equals(to)) {
                    used.add(from);
                    used.add(to);
                    edges.add(new Pathway.Edge(from, to, "influences", null, term, null,
                            from + (rate ? " appears in the rate of change of " : " appears in the rule of ") + to));
                }
            }
        }
        Map<String, ModelSymbol> symbols = model.symbols();
        List<Pathway.Node> nodes = new ArrayList<>();
        for (Rule r : rules.values()) {
            String id = r.variable();
            if (!used.contains(id)) {
                continue;
            }
            ModelSymbol s = symbols.get(id);
            String name = s == null ? null : s.metadata().displayName();
            String label = name == null || name.isBlank() ? id : name + " (" + id + ")";
            nodes.add(new Pathway.Node(id, label, r instanceof Rule.Rate ? "state" : "computed", List.of(id), null, null, null));
        }
        return new Pathway(model.id(), SOURCE, nodes, edges);
    }

    private static String term(String rule) {
        return rule.length() <= MAX_TERM ? rule : rule.substring(0, MAX_TERM) + " ...";
    }
}
