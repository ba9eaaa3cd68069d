package org.osteon.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/** Which assigned values a set of expressions needs, directly or through other assigned values. */
final class AssignedSlice {
    private AssignedSlice() {
    }

    /** Indices into {@code flat.assigned()} (evaluation order) of every assigned value the expressions read, transitively. */
    static BitSet of(FlatSystem flat, SymbolTable symbols, List<Expr> exprs) {
        BitSet needed = new BitSet();
        List<Expr> todo = new ArrayList<>(exprs);
        while (!todo.isEmpty()) {
            Expr e = todo.remove(todo.size() - 1);
            Exprs.walk(e, node -> {
                if (node instanceof Expr.Sym s) {
                    SymbolTable.Slot slot = symbols.resolve(s.name());
                    if (slot.where() == SymbolTable.Where.ASSIGNED && !needed.get(slot.index())) {
                        needed.set(slot.index());
                        todo.add(flat.assignedExpressions().get(slot.index()));
                    }
                }
            });
        }
        return needed;
    }

    /** The expressions reading the given outputs (indices into {@code flat.outputs()}), in the given order. */
    static List<Expr> outputs(FlatSystem flat, int[] indices) {
        List<Expr> outs = new ArrayList<>(indices.length);
        for (int i : indices) {
            outs.add(new Expr.Sym(flat.outputs().get(i).id()));
        }
        return outs;
    }
}
