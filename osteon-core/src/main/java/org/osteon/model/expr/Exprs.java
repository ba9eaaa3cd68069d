package org.osteon.model.expr;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Queries and rewrites over {@link Expr} trees. */
public final class Exprs {
    private Exprs() {
    }

    /** Every symbol referenced by the expression, in first-use order (function names excluded). */
    public static Set<String> symbols(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        walk(e, node -> {
            if (node instanceof Expr.Sym s) {
                out.add(s.name());
            }
        });
        return out;
    }

    /** Visits every node, parents before children, left to right. */
    public static void walk(Expr e, java.util.function.Consumer<Expr> visitor) {
        visitor.accept(e);
        if (e instanceof Expr.Unary u) {
            walk(u.operand(), visitor);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), visitor);
            walk(b.right(), visitor);
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                walk(a, visitor);
            }
        }
    }

    /** Replaces symbol references found in {@code replacements}; other nodes are rebuilt unchanged. */
    public static Expr substitute(Expr e, Map<String, Expr> replacements) {
        return mapSymbols(e, s -> replacements.getOrDefault(s.name(), s));
    }

    /** Rebuilds the tree with every symbol passed through {@code f}. */
    public static Expr mapSymbols(Expr e, Function<Expr.Sym, Expr> f) {
        if (e instanceof Expr.Sym s) {
            return f.apply(s);
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), mapSymbols(u.operand(), f));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), mapSymbols(b.left(), f), mapSymbols(b.right(), f));
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.args().stream().map(a -> mapSymbols(a, f)).toList());
        }
        return e;
    }

    /** Rebuilds the tree bottom-up, passing every rebuilt call through {@code f}. */
    public static Expr mapCalls(Expr e, Function<Expr.Call, Expr> f) {
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), mapCalls(u.operand(), f));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), mapCalls(b.left(), f), mapCalls(b.right(), f));
        } else if (e instanceof Expr.Call c) {
            return f.apply(new Expr.Call(c.function(), c.args().stream().map(a -> mapCalls(a, f)).toList()));
        }
        return e;
    }
}
