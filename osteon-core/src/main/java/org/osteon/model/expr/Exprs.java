package org.osteon.model.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** Whether the expression reads the symbol {@code name}: as {@code symbols(e).contains(name)}, without building the set. */
    public static boolean mentions(Expr e, String name) {
        if (e instanceof Expr.Sym s) {
            return s.name().equals(name);
        } else if (e instanceof Expr.Unary u) {
            return mentions(u.operand(), name);
        } else if (e instanceof Expr.Binary b) {
            return mentions(b.left(), name) || mentions(b.right(), name);
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                if (mentions(a, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The node's operands, left to right (none for a number or a symbol). */
    public static java.util.List<Expr> children(Expr e) {
        if (e instanceof Expr.Unary u) {
            return java.util.List.of(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return java.util.List.of(b.left(), b.right());
        }
        return e instanceof Expr.Call c ? c.args() : java.util.List.of();
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
        // a subtree that comes back unchanged is kept as it is (an equal value), so an
        // expression without calls is not copied: the compiler maps every expression several times
        if (e instanceof Expr.Unary u) {
            Expr operand = mapCalls(u.operand(), f);
            return operand == u.operand() ? u : new Expr.Unary(u.op(), operand);
        } else if (e instanceof Expr.Binary b) {
            Expr left = mapCalls(b.left(), f);
            Expr right = mapCalls(b.right(), f);
            return left == b.left() && right == b.right() ? b : new Expr.Binary(b.op(), left, right);
        } else if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>(c.args().size());
            boolean same = true;
            for (Expr a : c.args()) {
                Expr m = mapCalls(a, f);
                same &= m == a;
                args.add(m);
            }
            return f.apply(same ? c : new Expr.Call(c.function(), args));
        }
        return e;
    }
}
