package org.osteon.compile;

import static org.osteon.compile.Simplifier.binary;
import static org.osteon.compile.Simplifier.isZero;
import static org.osteon.compile.Simplifier.neg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.Binary;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.model.expr.Expr.Call;
import org.osteon.model.expr.Expr.Num;
import org.osteon.model.expr.Expr.Sym;
import org.osteon.model.expr.Expr.Unary;
import org.osteon.model.expr.Expr.UnaryOp;

/**
 * Symbolic differentiation of inlined expressions (user functions already substituted).
 * The caller says what each symbol's derivative is, which is how the chain rule through
 * assignment rules is expressed: an assigned symbol differentiates to the name of its own,
 * separately computed, derivative.
 */
final class Differentiator {
    /** Suffix marking the partial derivative of an external function: {@code name$d0(args)}. */
    static final String PARTIAL = "$d";

    private Differentiator() {
    }

    static Expr derivative(Expr e, Function<String, Expr> symbolDerivative) {
        return Simplifier.simplify(d(e, symbolDerivative));
    }

    private static Expr d(Expr e, Function<String, Expr> sd) {
        if (e instanceof Num) {
            return Num.ZERO;
        }
        if (e instanceof Sym s) {
            return sd.apply(s.name());
        }
        if (e instanceof Unary u) {
            return u.op() == UnaryOp.NEG ? neg(d(u.operand(), sd)) : Num.ZERO;
        }
        if (e instanceof Binary b) {
            return binaryDerivative(b, sd);
        }
        return callDerivative((Call) e, sd);
    }

    private static Expr binaryDerivative(Binary b, Function<String, Expr> sd) {
        Expr u = b.left();
        Expr v = b.right();
        switch (b.op()) {
            case ADD:
                return binary(BinaryOp.ADD, d(u, sd), d(v, sd));
            case SUB:
                return binary(BinaryOp.SUB, d(u, sd), d(v, sd));
            case MUL:
                return binary(BinaryOp.ADD, binary(BinaryOp.MUL, d(u, sd), v), binary(BinaryOp.MUL, u, d(v, sd)));
            case DIV: {
                // (u/v)' = u'/v - u*v'/v^2
                Expr du = d(u, sd);
                Expr dv = d(v, sd);
                Expr first = binary(BinaryOp.DIV, du, v);
                if (isZero(dv)) {
                    return first;
                }
                Expr second = binary(BinaryOp.DIV, binary(BinaryOp.MUL, u, dv), binary(BinaryOp.POW, v, new Num(2)));
                return binary(BinaryOp.SUB, first, second);
            }
            case POW:
                return powerDerivative(u, v, sd);
            default:
                return Num.ZERO; // comparisons and logic are piecewise constant
        }
    }

    private static Expr powerDerivative(Expr u, Expr v, Function<String, Expr> sd) {
        Expr du = d(u, sd);
        Expr dv = d(v, sd);
        if (isZero(dv)) {
            // (u^c)' = c * u^(c-1) * u'
            if (isZero(du)) {
                return Num.ZERO;
            }
            Expr cMinus1 = binary(BinaryOp.SUB, v, Num.ONE);
            return binary(BinaryOp.MUL, binary(BinaryOp.MUL, v, binary(BinaryOp.POW, u, cMinus1)), du);
        }
        Expr pow = new Binary(BinaryOp.POW, u, v);
        Expr lnTerm = binary(BinaryOp.MUL, dv, call("ln", u));
        if (isZero(du)) {
            return binary(BinaryOp.MUL, pow, lnTerm);
        }
        Expr baseTerm = binary(BinaryOp.DIV, binary(BinaryOp.MUL, v, du), u);
        return binary(BinaryOp.MUL, pow, binary(BinaryOp.ADD, lnTerm, baseTerm));
    }

    private static Expr callDerivative(Call c, Function<String, Expr> sd) {
        List<Expr> a = c.args();
        String f = c.function();
        if (Builtins.BOOLEAN_FUNCTIONS.contains(f) || f.equals("floor") || f.equals("ceil")
                || f.equals("ceiling") || f.equals("sign") || f.equals("quotient") || f.equals("factorial")
                || f.equals(Builtins.DELAY)) {
            // piecewise constant (factorial: on its domain, the whole numbers); a delayed value
            // depends on the past, not on the current state
            return Num.ZERO;
        }
        if (f.equals("rem")) {
            // rem(a, b) = a - b * quotient(a, b), quotient piecewise constant
            return binary(BinaryOp.SUB, d(a.get(0), sd), binary(BinaryOp.MUL, new Call("quotient", a), d(a.get(1), sd)));
        }
        if (f.equals("piecewise")) {
            List<Expr> out = new ArrayList<>(a.size());
            boolean allZero = true;
            for (int i = 0; i < a.size(); i++) {
                boolean isValue = i % 2 == 0;
                Expr part = isValue ? d(a.get(i), sd) : a.get(i);
                allZero &= !isValue || isZero(part);
                out.add(part);
            }
            return allZero ? Num.ZERO : new Call("piecewise", out);
        }
        if (f.equals("min") || f.equals("max")) {
            return extremumDerivative(f, a, sd);
        }
        if (a.size() == 1 && Builtins.isFunction(f)) {
            Expr x = a.get(0);
            Expr dx = d(x, sd);
            if (isZero(dx)) {
                return Num.ZERO;
            }
            return binary(BinaryOp.MUL, unaryOuterDerivative(f, x), dx);
        }
        if (f.equals("pow") || f.equals("power")) {
            return powerDerivative(a.get(0), a.get(1), sd);
        }
        if (f.equals("root")) {
            // root(n, x) = x^(1/n)
            return powerDerivative(a.get(1), binary(BinaryOp.DIV, Num.ONE, a.get(0)), sd);
        }
        if (f.equals("log")) {
            // log(b, x) = ln(x)/ln(b)
            Expr ratio = new Binary(BinaryOp.DIV, call("ln", a.get(1)), call("ln", a.get(0)));
            return d(ratio, sd);
        }
        // External function: chain rule over its arguments' partial derivatives.
        Expr sum = Num.ZERO;
        for (int i = 0; i < a.size(); i++) {
            Expr di = d(a.get(i), sd);
            if (!isZero(di)) {
                sum = binary(BinaryOp.ADD, sum, binary(BinaryOp.MUL, new Call(f + PARTIAL + i, a), di));
            }
        }
        return sum;
    }

    private static Expr extremumDerivative(String f, List<Expr> a, Function<String, Expr> sd) {
        if (a.size() == 1) {
            return d(a.get(0), sd);
        }
        // min(x, rest) = piecewise(x, x <= min(rest), min(rest))
        Expr x = a.get(0);
        Expr rest = a.size() == 2 ? a.get(1) : new Call(f, a.subList(1, a.size()));
        BinaryOp cmp = f.equals("min") ? BinaryOp.LE : BinaryOp.GE;
        Expr dx = d(x, sd);
        Expr dr = d(rest, sd);
        if (isZero(dx) && isZero(dr)) {
            return Num.ZERO;
        }
        return new Call("piecewise", List.of(dx, new Binary(cmp, x, rest), dr));
    }

    private static Expr unaryOuterDerivative(String f, Expr x) {
        switch (f) {
            case "abs":
            case "sign":
                return call("sign", x);
            case "exp":
                return call("exp", x);
            case "ln":
            case "log":
                return binary(BinaryOp.DIV, Num.ONE, x);
            case "log10":
                return binary(BinaryOp.DIV, Num.ONE, binary(BinaryOp.MUL, x, new Num(Math.log(10))));
            case "log2":
                return binary(BinaryOp.DIV, Num.ONE, binary(BinaryOp.MUL, x, new Num(Math.log(2))));
            case "sqrt":
                return binary(BinaryOp.DIV, new Num(0.5), call("sqrt", x));
            case "sqr":
                return binary(BinaryOp.MUL, new Num(2), x);
            case "sin":
                return call("cos", x);
            case "cos":
                return neg(call("sin", x));
            case "tan":
                return binary(BinaryOp.DIV, Num.ONE, binary(BinaryOp.POW, call("cos", x), new Num(2)));
            case "asin":
            case "arcsin":
                return binary(BinaryOp.DIV, Num.ONE, call("sqrt", binary(BinaryOp.SUB, Num.ONE, binary(BinaryOp.POW, x, new Num(2)))));
            case "acos":
            case "arccos":
                return neg(binary(BinaryOp.DIV, Num.ONE, call("sqrt", binary(BinaryOp.SUB, Num.ONE, binary(BinaryOp.POW, x, new Num(2))))));
            case "atan":
            case "arctan":
                return binary(BinaryOp.DIV, Num.ONE, binary(BinaryOp.ADD, Num.ONE, binary(BinaryOp.POW, x, new Num(2))));
            case "sinh":
                return call("cosh", x);
            case "cosh":
                return call("sinh", x);
            case "tanh":
                return binary(BinaryOp.SUB, Num.ONE, binary(BinaryOp.POW, call("tanh", x), new Num(2)));
            case "sec":
                return binary(BinaryOp.MUL, call("sec", x), call("tan", x));
            case "csc":
                return neg(binary(BinaryOp.MUL, call("csc", x), call("cot", x)));
            case "cot":
                return neg(binary(BinaryOp.POW, call("csc", x), new Num(2)));
            case "sech":
                return neg(binary(BinaryOp.MUL, call("sech", x), call("tanh", x)));
            case "csch":
                return neg(binary(BinaryOp.MUL, call("csch", x), call("coth", x)));
            case "coth":
                return neg(binary(BinaryOp.POW, call("csch", x), new Num(2)));
            case "arcsec":
                return reciprocal(binary(BinaryOp.MUL, call("abs", x), sqrtOf(x, -1)));
            case "arccsc":
                return neg(reciprocal(binary(BinaryOp.MUL, call("abs", x), sqrtOf(x, -1))));
            case "arccot":
                return neg(reciprocal(binary(BinaryOp.ADD, Num.ONE, square(x))));
            case "arcsinh":
            case "asinh":
                return reciprocal(sqrtOf(x, 1));
            case "arccosh":
            case "acosh":
                return reciprocal(sqrtOf(x, -1));
            case "arctanh":
            case "atanh":
            case "arccoth":
                return reciprocal(binary(BinaryOp.SUB, Num.ONE, square(x)));
            case "arcsech":
                return neg(reciprocal(binary(BinaryOp.MUL, x,
                        call("sqrt", binary(BinaryOp.SUB, Num.ONE, square(x))))));
            case "arccsch":
                return neg(reciprocal(binary(BinaryOp.MUL, call("abs", x), sqrtOf(x, 1))));
            default:
                throw new IllegalStateException("no derivative rule for " + f);
        }
    }

    private static Expr reciprocal(Expr x) {
        return binary(BinaryOp.DIV, Num.ONE, x);
    }

    private static Expr square(Expr x) {
        return binary(BinaryOp.POW, x, new Num(2));
    }

    /** sqrt(x^2 + c). */
    private static Expr sqrtOf(Expr x, double c) {
        return call("sqrt", binary(BinaryOp.ADD, square(x), new Num(c)));
    }

    private static Expr call(String f, Expr x) {
        return new Call(f, List.of(x));
    }
}
