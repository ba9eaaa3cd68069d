package org.osteon.model.expr;

import java.util.stream.Collectors;

/**
 * Prints expressions as Antimony infix text with the fewest parentheses that still parse back to
 * the identical tree (so {@code parse(format(e)).equals(e)}).
 */
public final class ExprFormatter {
    private static final int UNARY_PRECEDENCE = 7;
    private static final int ATOM_PRECEDENCE = 10;

    private ExprFormatter() {
    }

    public static String format(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    /** Formats a double so that {@link Double#parseDouble} gives back exactly the same value. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace('E', 'e');
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().precedence();
        }
        if (e instanceof Expr.Unary) {
            return UNARY_PRECEDENCE;
        }
        if (e instanceof Expr.Num n && (n.value() < 0 || (n.value() == 0 && 1 / n.value() < 0))) {
            return UNARY_PRECEDENCE;
        }
        return ATOM_PRECEDENCE;
    }

    private static void write(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Num n) {
            sb.append(number(n.value()));
        } else if (e instanceof Expr.Sym s) {
            sb.append(s.name());
        } else if (e instanceof Expr.Unary u) {
            sb.append(u.op().symbol());
            // "-3" would read back as the literal -3, and "--x" as a decrement-like token pair.
            boolean wrap = precedence(u.operand()) <= UNARY_PRECEDENCE || u.operand() instanceof Expr.Num;
            writeMaybeWrapped(u.operand(), wrap, sb);
        } else if (e instanceof Expr.Binary b) {
            int p = b.op().precedence();
            boolean rightAssoc = b.op() == Expr.BinaryOp.POW;
            int lp = precedence(b.left());
            int rp = precedence(b.right());
            boolean wrapLeft = lp < p || (lp == p && (rightAssoc || b.op().isComparison()));
            boolean wrapRight = rp < p || (rp == p && !rightAssoc);
            writeMaybeWrapped(b.left(), wrapLeft, sb);
            sb.append(' ').append(b.op().symbol()).append(' ');
            writeMaybeWrapped(b.right(), wrapRight, sb);
        } else if (e instanceof Expr.Call c) {
            sb.append(c.function()).append('(')
                    .append(c.args().stream().map(ExprFormatter::format).collect(Collectors.joining(", ")))
                    .append(')');
        }
    }

    private static void writeMaybeWrapped(Expr e, boolean wrap, StringBuilder sb) {
        if (wrap) {
            sb.append('(');
        }
        write(e, sb);
        if (wrap) {
            sb.append(')');
        }
    }
}
