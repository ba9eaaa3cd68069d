package org.osteon.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * Costly terms (powers and function calls) written more than once in one generated method, such
 * as {@code x^g} in a Hill function {@code x^g / (x^g + K^g)}: the method computes each once, at
 * its first occurrence, and reads it back from a local after. The values are the same bit for bit,
 * since the same instructions compute them.
 *
 * <p>Terms inside a {@code piecewise} are left alone: a branch may not run, so it can neither
 * provide the value nor be assumed to have done so. Terms read from kept parameter-only values
 * ({@link ParameterOnlyTerms}) are loads already.
 */
final class RepeatedTerms {
    private RepeatedTerms() {
    }

    /**
     * Each occurrence (node by identity) of a term that occurs at least twice in the roots, mapped
     * to the term's number; empty when there is none.
     */
    static Map<Expr, Integer> in(List<Expr> roots, ParameterOnlyTerms hoisted, List<String> externalNames) {
        Map<Expr, List<Expr>> occurrences = new HashMap<>();
        List<Expr> order = new ArrayList<>();
        for (Expr root : roots) {
            collect(root, hoisted, externalNames, occurrences, order);
        }
        Map<Expr, Integer> out = new IdentityHashMap<>();
        int next = 0;
        for (Expr term : order) {
            List<Expr> nodes = occurrences.get(term);
            if (nodes.size() < 2) {
                continue;
            }
            for (Expr node : nodes) {
                out.put(node, next);
            }
            next++;
        }
        return out;
    }

    private static void collect(Expr e, ParameterOnlyTerms hoisted, List<String> externalNames,
                                Map<Expr, List<Expr>> occurrences, List<Expr> order) {
        if (hoisted != null && hoisted.indexOf(e) != null) {
            return;
        }
        if (e instanceof Expr.Call c && c.function().equals("piecewise")) {
            return;
        }
        boolean costly = isCostly(e, externalNames);
        if (costly) {
            List<Expr> nodes = occurrences.get(e);
            if (nodes == null) {
                nodes = new ArrayList<>(2);
                occurrences.put(e, nodes);
                order.add(e);
            }
            nodes.add(e);
        }
        for (Expr child : Exprs.children(e)) {
            collect(child, hoisted, externalNames, occurrences, order);
        }
    }

    /**
     * Whether evaluating the node itself costs more than reading a value back: a power, or a call of a
     * built-in function other than a comparison, logic, {@code piecewise}, {@code min} or {@code max}.
     * Calls of external functions are never shared or kept: they need not be pure.
     */
    static boolean isCostly(Expr e, List<String> externalNames) {
        if (e instanceof Expr.Binary b) {
            return b.op() == Expr.BinaryOp.POW;
        }
        if (e instanceof Expr.Call c) {
            String f = c.function();
            return !externalNames.contains(f) && f.indexOf(Differentiator.PARTIAL) < 0 && !Builtins.BOOLEAN_FUNCTIONS.contains(f)
                    && !f.equals("piecewise") && !f.equals("min") && !f.equals("max");
        }
        return false;
    }
}
