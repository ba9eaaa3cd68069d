package org.osteon.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.osteon.model.Rule;
import org.osteon.model.expr.ExprFormatter;
import org.osteon.model.expr.Exprs;

/**
 * Which symbol each algebraic rule determines. SBML leaves this to the simulator: every rule
 * must be matched to a distinct symbol that appears in it and that nothing else determines (SBML
 * L3V2 sec. 4.11.5, "overdetermined" models are invalid). A maximum bipartite matching by
 * augmenting paths (Kuhn's algorithm; rules are few) finds it; candidates are tried in the given
 * order of preference, so the result is deterministic (the compiler prefers declaration order, and
 * symbols no event sets: SBML Test Suite case 01787, where in 0 = S2 - S1 with both free S1,
 * declared first, is determined, and case 01589, where events set Q and R of 0 = Q + R - S).
 */
final class AlgebraicRules {
    private AlgebraicRules() {
    }

    /** Variable to rule; a rule that cannot be matched is reported in {@code problems}. */
    static Map<String, Rule.Algebraic> match(List<Rule.Algebraic> rules, List<String> declarationOrder,
                                             Predicate<String> determinable, List<String> problems) {
        if (rules.isEmpty()) {
            return Map.of();
        }
        List<List<String>> candidates = new ArrayList<>();
        for (Rule.Algebraic r : rules) {
            java.util.Set<String> used = Exprs.symbols(r.expression());
            candidates.add(declarationOrder.stream().filter(used::contains).filter(determinable).toList());
        }
        Map<String, Integer> ruleOf = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!augment(i, candidates, ruleOf, new java.util.HashSet<>())) {
                problems.add("algebraic rule 0 = " + ExprFormatter.format(rules.get(i).expression())
                        + " has no symbol left to determine: every symbol in it is constant, set by another rule, changed by "
                        + "reactions, or determined by another algebraic rule (the model is overdetermined)");
            }
        }
        Map<String, Rule.Algebraic> out = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            for (Map.Entry<String, Integer> e : ruleOf.entrySet()) {
                if (e.getValue() == i) {
                    out.put(e.getKey(), rules.get(i));
                }
            }
        }
        return out;
    }

    private static boolean augment(int rule, List<List<String>> candidates, Map<String, Integer> ruleOf,
                                   java.util.Set<String> seen) {
        for (String v : candidates.get(rule)) {
            if (!seen.add(v)) {
                continue;
            }
            Integer owner = ruleOf.get(v);
            if (owner == null || augment(owner, candidates, ruleOf, seen)) {
                ruleOf.put(v, rule);
                return true;
            }
        }
        return false;
    }
}
