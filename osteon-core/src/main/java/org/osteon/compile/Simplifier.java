package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.Binary;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.model.expr.Expr.Call;
import org.osteon.model.expr.Expr.Num;
import org.osteon.model.expr.Expr.Unary;
import org.osteon.model.expr.Expr.UnaryOp;

/**
 * Algebraic clean-up of generated expressions (chiefly derivatives): folds constants and removes
 * additive zeros and multiplicative ones, so the Jacobian code has no dead arithmetic.
 * Symbolic zero wins over a possibly non-finite factor, as in every symbolic Jacobian: {@code 0*x = 0}.
 */
final class Simplifier {
    private Simplifier() {
    }

    static Expr simplify(Expr e) {
        if (e instanceof Unary u) {
            Expr a = simplify(u.operand());
            if (u.op() == UnaryOp.NEG) {
                if (a instanceof Num n) {
                    return new Num(-n.value());
                }
                if (a instanceof Unary inner && inner.op() == UnaryOp.NEG) {
                    return inner.operand();
                }
            }
            return new Unary(u.op(), a);
        }
        if (e instanceof Binary b) {
            return binary(b.op(), simplify(b.left()), simplify(b.right()));
        }
        if (e instanceof Call c) {
            List<Expr> args = new ArrayList<>(c.args().size());
            for (Expr a : c.args()) {
                args.add(simplify(a));
            }
            return new Call(c.function(), args);
        }
        return e;
    }

    static boolean isZero(Expr e) {
        return e instanceof Num n && n.value() == 0;
    }

    static boolean isOne(Expr e) {
        return e instanceof Num n && n.value() == 1;
    }

    static Expr neg(Expr a) {
        if (a instanceof Num n) {
            return new Num(-n.value());
        }
        if (a instanceof Unary u && u.op() == UnaryOp.NEG) {
            return u.operand();
        }
        return new Unary(UnaryOp.NEG, a);
    }

    static Expr binary(BinaryOp op, Expr a, Expr b) {
        if (a instanceof Num x && b instanceof Num y && !op.isComparison() && !op.isLogical()) {
            double v = fold(op, x.value(), y.value());
            if (Double.isFinite(v)) {
                return new Num(v);
            }
        }
        switch (op) {
            case ADD:
                if (isZero(a)) {
                    return b;
                }
                if (isZero(b)) {
                    return a;
                }
                if (b instanceof Unary u && u.op() == UnaryOp.NEG) {
                    return binary(BinaryOp.SUB, a, u.operand());
                }
                break;
            case SUB:
                if (isZero(b)) {
                    return a;
                }
                if (isZero(a)) {
                    return neg(b);
                }
                if (b instanceof Unary u && u.op() == UnaryOp.NEG) {
                    return binary(BinaryOp.ADD, a, u.operand());
                }
                break;
            case MUL:
                if (isZero(a) || isZero(b)) {
                    return Num.ZERO;
                }
                if (isOne(a)) {
                    return b;
                }
                if (isOne(b)) {
                    return a;
                }
                if (a instanceof Num n && n.value() == -1) {
                    return neg(b);
                }
                if (b instanceof Num n && n.value() == -1) {
                    return neg(a);
                }
                break;
            case DIV:
                if (isZero(a)) {
                    return Num.ZERO;
                }
                if (isOne(b)) {
                    return a;
                }
                break;
            case POW:
                if (isZero(b)) {
                    return Num.ONE;
                }
                if (isOne(b)) {
                    return a;
                }
                break;
            default:
                break;
        }
        return new Binary(op, a, b);
    }

    private static double fold(BinaryOp op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case DIV:
                return x / y;
            case POW:
                return Math.pow(x, y);
            default:
                return Double.NaN;
        }
    }
}
