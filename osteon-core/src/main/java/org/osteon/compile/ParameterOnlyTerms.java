package org.osteon.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * The costly subexpressions of a generated kernel that read only parameters, so that their values
 * can be kept from one call to the next while the parameters stay the same. Quantitative systems
 * pharmacology models are full of them: a Hill function {@code x^g / (x^g + EC50^g)} with a fitted
 * exponent recomputes {@code EC50^g}, a {@code Math.pow} of about 14 ns, at every right-hand side,
 * Jacobian and output evaluation, although {@code EC50} and {@code g} change only when an event,
 * an intervention or a scan sets them. In {@code petersonriggs2010} 14 of the right-hand side's
 * ~60 powers are such terms.
 *
 * <p>A term is hoisted when it is <em>maximal</em> (its parent reads a state, time or an assigned
 * value) and <em>costly</em> (it contains a power or a function call; plain arithmetic costs less
 * than the load that would replace it). It may read parameters of the model, constants and pure
 * built-in functions; never a delay's slot (the simulation refills those before every evaluation),
 * an assigned value, a Jacobian temporary, time, or an external function (which need not be pure).
 * Terms equal as expressions share one value.
 *
 * <p>Planning only: {@link AsmKernels} writes the code that keeps the values, checked against the
 * current parameter slots at every call, so a stale value is never read.
 */
final class ParameterOnlyTerms {
    private static final int NOT_PARAMETER_ONLY = 0;
    private static final int CHEAP = 1;
    private static final int COSTLY = 2;
    private static final Set<String> NOT_HOISTED = Set.of("delay", "rateOf");

    private final SymbolTable symbols;
    private final int modelParameters;
    private final List<String> externalNames;
    private final Map<Expr, Integer> kind = new IdentityHashMap<>();
    /** Each hoisted node (by identity, as the emitter meets it) and the index of its value. */
    private final Map<Expr, Integer> index = new IdentityHashMap<>();
    private final Map<Expr, Integer> byValue = new HashMap<>();
    private final List<Expr> terms = new ArrayList<>();
    private final BitSet slotsRead = new BitSet();

    /**
     * @param modelParameters number of the model's own parameter slots; slots above them (delays)
     *                        change at every evaluation and are never part of a hoisted term
     */
    ParameterOnlyTerms(SymbolTable symbols, int modelParameters, List<String> externalNames) {
        this.symbols = symbols;
        this.modelParameters = modelParameters;
        this.externalNames = externalNames;
    }

    /** Finds the maximal costly parameter-only terms of e and gives each an index. */
    void scan(Expr e) {
        int k = classify(e);
        if (k == COSTLY && !JavaSourceGenerator.isBoolean(e)) {
            Integer i = byValue.get(e);
            if (i == null) {
                i = terms.size();
                byValue.put(e, i);
                terms.add(e);
                Exprs.walk(e, node -> {
                    if (node instanceof Expr.Sym s) {
                        SymbolTable.Slot slot = symbols.resolve(s.name());
                        if (slot.where() == SymbolTable.Where.PARAMETER) {
                            slotsRead.set(slot.index());
                        }
                    }
                });
            }
            index.put(e, i);
            return;
        }
        if (k == CHEAP) {
            return; // parameter-only but nothing inside is worth keeping
        }
        for (Expr child : Exprs.children(e)) {
            scan(child);
        }
    }

    /** The index of this node's value (the node as met in the scanned trees), or null. */
    Integer indexOf(Expr node) {
        return index.get(node);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The distinct terms, in index order. */
    List<Expr> terms() {
        return terms;
    }

    /** The parameter slots the terms read, ascending: the key their kept values are checked against. */
    int[] keySlots() {
        return slotsRead.stream().toArray();
    }

    /** Whether any node of e (as met in the scanned trees) is hoisted. */
    boolean uses(Expr e) {
        if (index.containsKey(e)) {
            return true;
        }
        for (Expr child : Exprs.children(e)) {
            if (uses(child)) {
                return true;
            }
        }
        return false;
    }

    private int classify(Expr e) {
        Integer known = kind.get(e);
        if (known != null) {
            return known;
        }
        int k;
        if (e instanceof Expr.Num) {
            k = CHEAP;
        } else if (e instanceof Expr.Sym s) {
            SymbolTable.Slot slot = symbols.resolve(s.name());
            boolean fixed = slot.where() == SymbolTable.Where.CONSTANT
                    || slot.where() == SymbolTable.Where.PARAMETER && slot.index() < modelParameters;
            k = fixed ? CHEAP : NOT_PARAMETER_ONLY;
        } else {
            if (e instanceof Expr.Call c) {
                String f = c.function();
                if (externalNames.contains(f) || f.indexOf(Differentiator.PARTIAL) > 0 || NOT_HOISTED.contains(f)) {
                    kind.put(e, NOT_PARAMETER_ONLY);
                    for (Expr child : c.args()) {
                        classify(child);
                    }
                    return NOT_PARAMETER_ONLY;
                }
            }
            k = RepeatedTerms.isCostly(e, externalNames) ? COSTLY : CHEAP;
            for (Expr child : Exprs.children(e)) {
                int c = classify(child);
                if (c == NOT_PARAMETER_ONLY) {
                    k = NOT_PARAMETER_ONLY;
                } else if (c == COSTLY && k != NOT_PARAMETER_ONLY) {
                    k = COSTLY;
                }
            }
        }
        kind.put(e, k);
        return k;
    }
}
