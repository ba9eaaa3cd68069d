package org.osteon.sbml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.osteon.compile.Builtins;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;
import org.sbml.jsbml.ASTNode;

/**
 * MathML (as JSBML's {@link ASTNode}) to Osteon expressions, with MathML's meaning: {@code log}
 * without a base is log10, n-ary relations chain ({@code a < b < c} is {@code a < b && b < c}),
 * empty sums are 0 and empty products 1, {@code root} without a degree is a square root, and the
 * csymbols {@code time}, {@code avogadro}, {@code delay} and {@code rateOf} become Osteon's
 * built-ins whatever name the file gives them.
 */
final class MathReader {
    /** Thrown for MathML Osteon cannot express; the caller adds file, line and element. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    private final Function<String, String> names;

    /**
     * @param names maps a {@code <ci>} name to the Osteon symbol; throws {@link Unsupported} for
     *              a name that is not defined where the math is
     */
    MathReader(Function<String, String> names) {
        this.names = names;
    }

    Expr convert(ASTNode n) {
        ASTNode.Type type = n.getType();
        List<Expr> a = new ArrayList<>();
        switch (type) {
            case INTEGER:
                return Expr.num(n.getInteger());
            case REAL:
            case REAL_E:
                return Expr.num(n.getReal());
            case RATIONAL:
                return Expr.num((double) n.getNumerator() / n.getDenominator());
            case CONSTANT_E:
                return Expr.sym("exponentiale");
            case CONSTANT_PI:
                return Expr.sym("pi");
            case CONSTANT_TRUE:
                return Expr.sym("true");
            case CONSTANT_FALSE:
                return Expr.sym("false");
            case NAME_TIME:
                return Expr.sym(Builtins.TIME);
            case NAME_AVOGADRO:
                return Expr.sym("avogadro");
            case NAME:
                return Expr.sym(names.apply(n.getName()));
            case SEMANTICS:
                if (n.getChildCount() == 0) {
                    throw new Unsupported("an empty <semantics> element");
                }
                return convert(n.getChild(0));
            default:
                break;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            ASTNode child = n.getChild(i);
            if (child.getType() == ASTNode.Type.QUALIFIER_DEGREE || child.getType() == ASTNode.Type.QUALIFIER_LOGBASE) {
                a.add(convert(child.getChild(0)));
            } else {
                a.add(convert(child));
            }
        }
        switch (type) {
            case PLUS:
            case SUM:
                return fold(BinaryOp.ADD, a, Expr.Num.ZERO);
            case TIMES:
            case PRODUCT:
                return fold(BinaryOp.MUL, a, Expr.Num.ONE);
            case MINUS:
                if (a.size() == 1) {
                    return new Expr.Unary(Expr.UnaryOp.NEG, a.get(0));
                }
                return fold(BinaryOp.SUB, arity(a, 2, "minus"), null);
            case DIVIDE:
                return fold(BinaryOp.DIV, arity(a, 2, "divide"), null);
            case POWER:
            case FUNCTION_POWER:
                arity(a, 2, "power");
                return Expr.bin(BinaryOp.POW, a.get(0), a.get(1));
            case FUNCTION_ROOT:
                if (a.size() == 1) {
                    return Expr.call("sqrt", a.get(0));
                }
                return Expr.call("root", arity(a, 2, "root").toArray(Expr[]::new));
            case FUNCTION_LOG:
                if (a.size() == 1) {
                    return Expr.call("log10", a.get(0)); // MathML: log without logbase is base 10
                }
                return Expr.call("log", arity(a, 2, "log").toArray(Expr[]::new));
            case FUNCTION_PIECEWISE:
                return new Expr.Call("piecewise", a);
            case FUNCTION_DELAY:
                return Expr.call(Builtins.DELAY, arity(a, 2, "delay").toArray(Expr[]::new));
            case FUNCTION_RATE_OF:
                arity(a, 1, "rateOf");
                if (!(a.get(0) instanceof Expr.Sym)) {
                    throw new Unsupported("rateOf of an expression; SBML allows only an identifier");
                }
                return Expr.call(Builtins.RATE_OF, a.get(0));
            case FUNCTION:
                return new Expr.Call(names.apply(n.getName()), a);
            case RELATIONAL_EQ:
                return chain(BinaryOp.EQ, a);
            case RELATIONAL_GEQ:
                return chain(BinaryOp.GE, a);
            case RELATIONAL_GT:
                return chain(BinaryOp.GT, a);
            case RELATIONAL_LEQ:
                return chain(BinaryOp.LE, a);
            case RELATIONAL_LT:
                return chain(BinaryOp.LT, a);
            case RELATIONAL_NEQ:
                arity(a, 2, "neq");
                return Expr.bin(BinaryOp.NE, a.get(0), a.get(1));
            case LOGICAL_AND:
                return a.isEmpty() ? Expr.sym("true") : fold(BinaryOp.AND, a, null);
            case LOGICAL_OR:
                return a.isEmpty() ? Expr.sym("false") : fold(BinaryOp.OR, a, null);
            case LOGICAL_XOR:
                return a.isEmpty() ? Expr.sym("false") : new Expr.Call("xor", a);
            case LOGICAL_NOT:
                return new Expr.Unary(Expr.UnaryOp.NOT, arity(a, 1, "not").get(0));
            case LOGICAL_IMPLIES:
                return Expr.call("implies", arity(a, 2, "implies").toArray(Expr[]::new));
            case FUNCTION_MAX:
            case FUNCTION_MIN:
                if (a.isEmpty()) {
                    throw new Unsupported(type == ASTNode.Type.FUNCTION_MAX ? "max of nothing" : "min of nothing");
                }
                return new Expr.Call(type == ASTNode.Type.FUNCTION_MAX ? "max" : "min", a);
            default:
                String f = unaryFunction(type);
                if (f == null) {
                    throw new Unsupported("MathML element " + describe(n) + ", which SBML core does not define");
                }
                if (f.equals("quotient") || f.equals("rem")) {
                    return Expr.call(f, arity(a, 2, f).toArray(Expr[]::new));
                }
                return Expr.call(f, arity(a, 1, f).get(0));
        }
    }

    private static String describe(ASTNode n) {
        String name = n.getType().toString().toLowerCase(java.util.Locale.ROOT);
        return n.getName() != null ? "'" + n.getName() + "' (" + name + ")" : name;
    }

    private static String unaryFunction(ASTNode.Type type) {
        switch (type) {
            case FUNCTION_ABS: return "abs";
            case FUNCTION_ARCCOS: return "arccos";
            case FUNCTION_ARCCOSH: return "arccosh";
            case FUNCTION_ARCCOT: return "arccot";
            case FUNCTION_ARCCOTH: return "arccoth";
            case FUNCTION_ARCCSC: return "arccsc";
            case FUNCTION_ARCCSCH: return "arccsch";
            case FUNCTION_ARCSEC: return "arcsec";
            case FUNCTION_ARCSECH: return "arcsech";
            case FUNCTION_ARCSIN: return "arcsin";
            case FUNCTION_ARCSINH: return "arcsinh";
            case FUNCTION_ARCTAN: return "arctan";
            case FUNCTION_ARCTANH: return "arctanh";
            case FUNCTION_CEILING: return "ceiling";
            case FUNCTION_COS: return "cos";
            case FUNCTION_COSH: return "cosh";
            case FUNCTION_COT: return "cot";
            case FUNCTION_COTH: return "coth";
            case FUNCTION_CSC: return "csc";
            case FUNCTION_CSCH: return "csch";
            case FUNCTION_EXP: return "exp";
            case FUNCTION_FACTORIAL: return "factorial";
            case FUNCTION_FLOOR: return "floor";
            case FUNCTION_LN: return "ln";
            case FUNCTION_SEC: return "sec";
            case FUNCTION_SECH: return "sech";
            case FUNCTION_SIN: return "sin";
            case FUNCTION_SINH: return "sinh";
            case FUNCTION_TAN: return "tan";
            case FUNCTION_TANH: return "tanh";
            case FUNCTION_QUOTIENT: return "quotient";
            case FUNCTION_REM: return "rem";
            default: return null;
        }
    }

    private static List<Expr> arity(List<Expr> a, int n, String what) {
        if (a.size() != n) {
            throw new Unsupported(what + " with " + a.size() + " argument" + (a.size() == 1 ? "" : "s") + "; it takes " + n);
        }
        return a;
    }

    /** Left fold; {@code empty} for no arguments (null: not allowed). */
    private static Expr fold(BinaryOp op, List<Expr> a, Expr empty) {
        if (a.isEmpty()) {
            if (empty == null) {
                throw new Unsupported(op.symbol() + " without arguments");
            }
            return empty;
        }
        Expr acc = a.get(0);
        for (int i = 1; i < a.size(); i++) {
            acc = Expr.bin(op, acc, a.get(i));
        }
        return acc;
    }

    /** MathML's n-ary relations: a op b op c means a op b and b op c; with one argument, true. */
    private static Expr chain(BinaryOp op, List<Expr> a) {
        if (a.size() < 2) {
            if (a.size() == 1) {
                return Expr.sym("true");
            }
            throw new Unsupported(op.symbol() + " without arguments");
        }
        Expr acc = Expr.bin(op, a.get(0), a.get(1));
        for (int i = 2; i < a.size(); i++) {
            acc = Expr.bin(BinaryOp.AND, acc, Expr.bin(op, a.get(i - 1), a.get(i)));
        }
        return acc;
    }
}
