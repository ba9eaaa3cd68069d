package org.osteon.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;
import org.osteon.util.SparsityPattern;

/**
 * The analytic Jacobian as straight-line code: first the derivative of every assigned value with
 * respect to every state it depends on (forward chain rule in evaluation order, so shared
 * sub-expressions are differentiated once), then the non-zero entries of df/dy.
 */
final class JacobianPlan {
    /** A derivative temporary d(assigned[k])/d(y[j]). */
    record Temp(String name, int assigned, int state, Expr expression) {
    }

    /** A non-zero Jacobian entry. */
    record Entry(int row, int column, Expr expression) {
    }

    final List<Temp> temps = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();

    JacobianPlan(FlatSystem flat) {
        int n = flat.states().size();
        Map<String, Integer> stateIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            stateIndex.put(flat.states().get(i).id(), i);
        }
        Map<String, Integer> assignedIndex = new HashMap<>();
        List<BitSet> dependsOn = new ArrayList<>();
        Map<Long, String> tempName = new HashMap<>();
        for (int k = 0; k < flat.assigned().size(); k++) {
            assignedIndex.put(flat.assigned().get(k).id(), k);
            Expr e = flat.assignedExpressions().get(k);
            BitSet deps = dependencies(e, stateIndex, assignedIndex, dependsOn);
            dependsOn.add(deps);
            for (int j = deps.nextSetBit(0); j >= 0; j = deps.nextSetBit(j + 1)) {
                Expr d = Differentiator.derivative(e, symbolDerivative(j, stateIndex, assignedIndex, tempName));
                if (!Simplifier.isZero(d)) {
                    String name = "$d" + k + "_" + j;
                    tempName.put(key(k, j), name);
                    temps.add(new Temp(name, k, j, d));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Expr f = flat.derivatives().get(i);
            BitSet deps = dependencies(f, stateIndex, assignedIndex, dependsOn);
            for (int j = deps.nextSetBit(0); j >= 0; j = deps.nextSetBit(j + 1)) {
                Expr d = Differentiator.derivative(f, symbolDerivative(j, stateIndex, assignedIndex, tempName));
                if (!Simplifier.isZero(d)) {
                    entries.add(new Entry(i, j, d));
                }
            }
        }
    }

    /** The entries' positions; {@link #entries} are in row-major order with increasing columns. */
    SparsityPattern pattern(int n) {
        int[] starts = new int[n + 1];
        int[] cols = new int[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            starts[entries.get(k).row() + 1]++;
            cols[k] = entries.get(k).column();
        }
        for (int i = 0; i < n; i++) {
            starts[i + 1] += starts[i];
        }
        return new SparsityPattern(n, starts, cols);
    }

    List<String> tempNames() {
        return temps.stream().map(Temp::name).toList();
    }

    private static long key(int k, int j) {
        return ((long) k << 32) | j;
    }

    private static BitSet dependencies(Expr e, Map<String, Integer> stateIndex, Map<String, Integer> assignedIndex,
                                       List<BitSet> dependsOn) {
        BitSet deps = new BitSet();
        for (String s : Exprs.symbols(e)) {
            Integer i = stateIndex.get(s);
            if (i != null) {
                deps.set(i);
            }
            Integer k = assignedIndex.get(s);
            if (k != null && k < dependsOn.size()) {
                deps.or(dependsOn.get(k));
            }
        }
        return deps;
    }

    private static java.util.function.Function<String, Expr> symbolDerivative(
            int j, Map<String, Integer> stateIndex, Map<String, Integer> assignedIndex, Map<Long, String> tempName) {
        return name -> {
            Integer i = stateIndex.get(name);
            if (i != null) {
                return i == j ? Expr.Num.ONE : Expr.Num.ZERO;
            }
            Integer k = assignedIndex.get(name);
            if (k != null) {
                String t = tempName.get(key(k, j));
                return t == null ? Expr.Num.ZERO : new Expr.Sym(t);
            }
            return Expr.Num.ZERO;
        };
    }
}
