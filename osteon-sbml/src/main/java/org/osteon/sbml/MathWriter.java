package org.osteon.sbml;

import java.util.List;
import org.osteon.compile.Builtins;
import org.osteon.model.expr.Expr;
import org.sbml.jsbml.ASTNode;

/**
 * Osteon expressions to MathML (JSBML's {@link ASTNode}), the inverse of {@link MathReader}: Osteon's
 * {@code log(x)} is the natural logarithm ({@code ln}), {@code log10} is MathML's {@code log}
 * without a base, {@code sqr}, {@code sign} and {@code log2} become their MathML equivalents, and
 * the names {@code time}, {@code avogadro}, {@code pi}, ... become csymbols and constants.
 */
final class MathWriter {
    private MathWriter() {
    }

    static ASTNode write(Expr e) {
        if (e instanceof Expr.Num n) {
            return number(n.value());
        }
        if (e instanceof Expr.Sym s) {
            return symbol(s.name());
        }
        if (e instanceof Expr.Unary u) {
            return apply(u.op() == Expr.UnaryOp.NEG ? ASTNode.Type.MINUS : ASTNode.Type.LOGICAL_NOT, write(u.operand()));
        }
        if (e instanceof Expr.Binary b) {
            return apply(binary(b.op()), write(b.left()), write(b.right()));
        }
        return call((Expr.Call) e);
    }

    private static ASTNode number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE && !(v == 0 && 1 / v < 0)) {
            return new ASTNode((int) v);
        }
        ASTNode n = new ASTNode(ASTNode.Type.REAL);
        n.setValue(v);
        return n;
    }

    private static ASTNode symbol(String name) {
        switch (name) {
            case Builtins.TIME:
                return csymbol(ASTNode.Type.NAME_TIME, "time");
            case "avogadro":
                return csymbol(ASTNode.Type.NAME_AVOGADRO, "avogadro");
            case "pi":
                return new ASTNode(ASTNode.Type.CONSTANT_PI);
            case "exponentiale":
                return new ASTNode(ASTNode.Type.CONSTANT_E);
            case "true":
                return new ASTNode(ASTNode.Type.CONSTANT_TRUE);
            case "false":
                return new ASTNode(ASTNode.Type.CONSTANT_FALSE);
            default:
                if (Builtins.isConstant(name)) {
                    return number(Builtins.constant(name)); // inf, INF, infinity, NaN
                }
                return new ASTNode(name);
        }
    }

    private static ASTNode csymbol(ASTNode.Type type, String name) {
        ASTNode n = new ASTNode(type);
        n.setName(name);
        return n;
    }

    private static ASTNode.Type binary(Expr.BinaryOp op) {
        switch (op) {
            case OR: return ASTNode.Type.LOGICAL_OR;
            case AND: return ASTNode.Type.LOGICAL_AND;
            case EQ: return ASTNode.Type.RELATIONAL_EQ;
            case NE: return ASTNode.Type.RELATIONAL_NEQ;
            case LT: return ASTNode.Type.RELATIONAL_LT;
            case LE: return ASTNode.Type.RELATIONAL_LEQ;
            case GT: return ASTNode.Type.RELATIONAL_GT;
            case GE: return ASTNode.Type.RELATIONAL_GEQ;
            case ADD: return ASTNode.Type.PLUS;
            case SUB: return ASTNode.Type.MINUS;
            case MUL: return ASTNode.Type.TIMES;
            case DIV: return ASTNode.Type.DIVIDE;
            default: return ASTNode.Type.POWER;
        }
    }

    private static ASTNode apply(ASTNode.Type type, ASTNode... children) {
        ASTNode n = new ASTNode(type);
        for (ASTNode c : children) {
            n.addChild(c);
        }
        return n;
    }

    private static ASTNode call(Expr.Call c) {
        List<Expr> a = c.args();
        String f = c.function();
        ASTNode.Type type = FUNCTIONS.get(f);
        if (type != null) {
            return apply(type, a.stream().map(MathWriter::write).toArray(ASTNode[]::new));
        }
        switch (f) {
            case "log":
                return a.size() == 1 ? apply(ASTNode.Type.FUNCTION_LN, write(a.get(0)))
                        : apply(ASTNode.Type.FUNCTION_LOG, write(a.get(0)), write(a.get(1)));
            case "log10":
                return apply(ASTNode.Type.FUNCTION_LOG, write(a.get(0)));
            case "log2":
                return apply(ASTNode.Type.FUNCTION_LOG, number(2), write(a.get(0)));
            case "sqrt":
                return apply(ASTNode.Type.FUNCTION_ROOT, write(a.get(0)));
            case "sqr":
                return apply(ASTNode.Type.POWER, write(a.get(0)), number(2));
            case "sign": {
                // sign(x) = piecewise(1, x > 0, -1, x < 0, 0)
                ASTNode x = write(a.get(0));
                return apply(ASTNode.Type.FUNCTION_PIECEWISE, number(1), apply(ASTNode.Type.RELATIONAL_GT, x, number(0)),
                        number(-1), apply(ASTNode.Type.RELATIONAL_LT, write(a.get(0)), number(0)), number(0));
            }
            case Builtins.DELAY:
                return named(ASTNode.Type.FUNCTION_DELAY, "delay", a);
            case Builtins.RATE_OF:
                return named(ASTNode.Type.FUNCTION_RATE_OF, "rateOf", a);
            default:
                if (Builtins.isFunction(f)) {
                    throw new IllegalArgumentException("function '" + f + "' has no MathML form");
                }
                return named(ASTNode.Type.FUNCTION, f, a);
        }
    }

    private static ASTNode named(ASTNode.Type type, String name, List<Expr> args) {
        ASTNode n = apply(type, args.stream().map(MathWriter::write).toArray(ASTNode[]::new));
        n.setName(name);
        return n;
    }

    private static final java.util.Map<String, ASTNode.Type> FUNCTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("abs", ASTNode.Type.FUNCTION_ABS), java.util.Map.entry("exp", ASTNode.Type.FUNCTION_EXP),
            java.util.Map.entry("ln", ASTNode.Type.FUNCTION_LN), java.util.Map.entry("pow", ASTNode.Type.POWER),
            java.util.Map.entry("power", ASTNode.Type.POWER), java.util.Map.entry("root", ASTNode.Type.FUNCTION_ROOT),
            java.util.Map.entry("sin", ASTNode.Type.FUNCTION_SIN), java.util.Map.entry("cos", ASTNode.Type.FUNCTION_COS),
            java.util.Map.entry("tan", ASTNode.Type.FUNCTION_TAN), java.util.Map.entry("sec", ASTNode.Type.FUNCTION_SEC),
            java.util.Map.entry("csc", ASTNode.Type.FUNCTION_CSC), java.util.Map.entry("cot", ASTNode.Type.FUNCTION_COT),
            java.util.Map.entry("sinh", ASTNode.Type.FUNCTION_SINH), java.util.Map.entry("cosh", ASTNode.Type.FUNCTION_COSH),
            java.util.Map.entry("tanh", ASTNode.Type.FUNCTION_TANH), java.util.Map.entry("sech", ASTNode.Type.FUNCTION_SECH),
            java.util.Map.entry("csch", ASTNode.Type.FUNCTION_CSCH), java.util.Map.entry("coth", ASTNode.Type.FUNCTION_COTH),
            java.util.Map.entry("asin", ASTNode.Type.FUNCTION_ARCSIN), java.util.Map.entry("arcsin", ASTNode.Type.FUNCTION_ARCSIN),
            java.util.Map.entry("acos", ASTNode.Type.FUNCTION_ARCCOS), java.util.Map.entry("arccos", ASTNode.Type.FUNCTION_ARCCOS),
            java.util.Map.entry("atan", ASTNode.Type.FUNCTION_ARCTAN), java.util.Map.entry("arctan", ASTNode.Type.FUNCTION_ARCTAN),
            java.util.Map.entry("arcsec", ASTNode.Type.FUNCTION_ARCSEC), java.util.Map.entry("arccsc", ASTNode.Type.FUNCTION_ARCCSC),
            java.util.Map.entry("arccot", ASTNode.Type.FUNCTION_ARCCOT), java.util.Map.entry("asinh", ASTNode.Type.FUNCTION_ARCSINH),
            java.util.Map.entry("arcsinh", ASTNode.Type.FUNCTION_ARCSINH), java.util.Map.entry("acosh", ASTNode.Type.FUNCTION_ARCCOSH),
            java.util.Map.entry("arccosh", ASTNode.Type.FUNCTION_ARCCOSH), java.util.Map.entry("atanh", ASTNode.Type.FUNCTION_ARCTANH),
            java.util.Map.entry("arctanh", ASTNode.Type.FUNCTION_ARCTANH), java.util.Map.entry("arcsech", ASTNode.Type.FUNCTION_ARCSECH),
            java.util.Map.entry("arccsch", ASTNode.Type.FUNCTION_ARCCSCH), java.util.Map.entry("arccoth", ASTNode.Type.FUNCTION_ARCCOTH),
            java.util.Map.entry("floor", ASTNode.Type.FUNCTION_FLOOR), java.util.Map.entry("ceil", ASTNode.Type.FUNCTION_CEILING),
            java.util.Map.entry("ceiling", ASTNode.Type.FUNCTION_CEILING), java.util.Map.entry("factorial", ASTNode.Type.FUNCTION_FACTORIAL),
            java.util.Map.entry("min", ASTNode.Type.FUNCTION_MIN), java.util.Map.entry("max", ASTNode.Type.FUNCTION_MAX),
            java.util.Map.entry("quotient", ASTNode.Type.FUNCTION_QUOTIENT), java.util.Map.entry("rem", ASTNode.Type.FUNCTION_REM),
            java.util.Map.entry("piecewise", ASTNode.Type.FUNCTION_PIECEWISE),
            java.util.Map.entry("and", ASTNode.Type.LOGICAL_AND), java.util.Map.entry("or", ASTNode.Type.LOGICAL_OR),
            java.util.Map.entry("xor", ASTNode.Type.LOGICAL_XOR), java.util.Map.entry("not", ASTNode.Type.LOGICAL_NOT),
            java.util.Map.entry("implies", ASTNode.Type.LOGICAL_IMPLIES),
            java.util.Map.entry("lt", ASTNode.Type.RELATIONAL_LT), java.util.Map.entry("leq", ASTNode.Type.RELATIONAL_LEQ),
            java.util.Map.entry("gt", ASTNode.Type.RELATIONAL_GT), java.util.Map.entry("geq", ASTNode.Type.RELATIONAL_GEQ),
            java.util.Map.entry("eq", ASTNode.Type.RELATIONAL_EQ), java.util.Map.entry("neq", ASTNode.Type.RELATIONAL_NEQ));
}
