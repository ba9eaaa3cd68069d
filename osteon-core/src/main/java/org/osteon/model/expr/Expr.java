package org.osteon.model.expr;

import java.util.List;

/**
 * A mathematical expression of a model: a small immutable tree.
 *
 * <p>Expressions use value semantics (records), so two models built from the same text are
 * {@code equals}. The tree is deliberately tiny: numbers, symbol references, unary and binary
 * operators, and calls. Everything else (piecewise, min, max, user functions) is a {@link Call}.
 */
public sealed interface Expr permits Expr.Num, Expr.Sym, Expr.Unary, Expr.Binary, Expr.Call {

    /** A numeric literal. */
    record Num(double value) implements Expr {
        public static final Num ZERO = new Num(0.0);
        public static final Num ONE = new Num(1.0);
    }

    /** A reference to a model symbol, to {@code time}, or to a built-in constant such as {@code pi}. */
    record Sym(String name) implements Expr {
        public Sym {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("symbol name must not be empty");
            }
        }
    }

    /** Negation or logical not. */
    record Unary(UnaryOp op, Expr operand) implements Expr {
    }

    /** Arithmetic, comparison or logical operator. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    }

    /** A call of a built-in or user-defined function, including {@code piecewise}. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    enum UnaryOp {
        NEG("-"), NOT("!");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum BinaryOp {
        OR("||", 1), AND("&&", 2),
        EQ("==", 3), NE("!=", 3),
        LT("<", 4), LE("<=", 4), GT(">", 4), GE(">=", 4),
        ADD("+", 5), SUB("-", 5),
        MUL("*", 6), DIV("/", 6),
        POW("^", 8);

        private final String symbol;
        private final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        /** Binding strength: higher binds tighter. Unary minus sits at 7, between MUL and POW. */
        public int precedence() {
            return precedence;
        }

        public boolean isComparison() {
            return precedence == 3 || precedence == 4;
        }

        public boolean isLogical() {
            return this == AND || this == OR;
        }
    }

    static Expr num(double v) {
        return new Num(v);
    }

    static Expr sym(String name) {
        return new Sym(name);
    }

    static Expr call(String function, Expr... args) {
        return new Call(function, List.of(args));
    }

    static Expr bin(BinaryOp op, Expr a, Expr b) {
        return new Binary(op, a, b);
    }
}
