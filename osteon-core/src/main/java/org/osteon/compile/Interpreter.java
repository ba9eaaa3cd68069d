package org.osteon.compile;

import java.util.List;
import java.util.Map;
import org.osteon.model.expr.Expr;

/**
 * Evaluates expressions by walking a tree of closures built once per expression. Used for
 * start-up work (initial assignments, event assignments) and as the alternative backend the
 * benchmarks compare bytecode against. Truth values are 1 and 0.
 */
final class Interpreter {
    /** Everything an expression can read. {@code a} holds assigned values, then derivative temporaries. */
    static final class Frame {
        double t;
        double[] y;
        double[] p;
        double[] a;
    }

    @FunctionalInterface
    interface Node {
        double eval(Frame f);
    }

    private final SymbolTable symbols;
    private final int tempOffset;
    private final List<String> externalNames;
    private final ExternalFunction[] externals;

    Interpreter(SymbolTable symbols, int tempOffset, List<String> externalNames, ExternalFunction[] externals) {
        this.symbols = symbols;
        this.tempOffset = tempOffset;
        this.externalNames = externalNames;
        this.externals = externals;
    }

    Node compile(Expr e) {
        if (e instanceof Expr.Num n) {
            double v = n.value();
            return f -> v;
        }
        if (e instanceof Expr.Sym s) {
            return symbol(s.name());
        }
        if (e instanceof Expr.Unary u) {
            Node x = compile(u.operand());
            return u.op() == Expr.UnaryOp.NEG ? f -> -x.eval(f) : f -> x.eval(f) != 0 ? 0 : 1;
        }
        if (e instanceof Expr.Binary b) {
            return binary(b.op(), compile(b.left()), compile(b.right()));
        }
        return call((Expr.Call) e);
    }

    private Node symbol(String name) {
        SymbolTable.Slot slot = symbols.resolve(name);
        int i = slot.index();
        switch (slot.where()) {
            case STATE:
                return f -> f.y[i];
            case PARAMETER:
                return f -> f.p[i];
            case ASSIGNED:
                return f -> f.a[i];
            case TEMP:
                return f -> f.a[tempOffset + i];
            case TIME:
                return f -> f.t;
            default:
                double c = slot.constant();
                return f -> c;
        }
    }

    private static Node binary(Expr.BinaryOp op, Node l, Node r) {
        switch (op) {
            case ADD:
                return f -> l.eval(f) + r.eval(f);
            case SUB:
                return f -> l.eval(f) - r.eval(f);
            case MUL:
                return f -> l.eval(f) * r.eval(f);
            case DIV:
                return f -> l.eval(f) / r.eval(f);
            case POW:
                return f -> KernelSupport.pow(l.eval(f), r.eval(f));
            case LT:
                return f -> l.eval(f) < r.eval(f) ? 1 : 0;
            case LE:
                return f -> l.eval(f) <= r.eval(f) ? 1 : 0;
            case GT:
                return f -> l.eval(f) > r.eval(f) ? 1 : 0;
            case GE:
                return f -> l.eval(f) >= r.eval(f) ? 1 : 0;
            case EQ:
                return f -> l.eval(f) == r.eval(f) ? 1 : 0;
            case NE:
                return f -> l.eval(f) != r.eval(f) ? 1 : 0;
            case AND:
                return f -> l.eval(f) != 0 && r.eval(f) != 0 ? 1 : 0;
            default:
                return f -> l.eval(f) != 0 || r.eval(f) != 0 ? 1 : 0;
        }
    }

    private Node call(Expr.Call c) {
        String name = c.function();
        Node[] a = c.args().stream().map(this::compile).toArray(Node[]::new);
        int partial = name.indexOf(Differentiator.PARTIAL);
        if (partial > 0) {
            ExternalFunction ext = externals[externalNames.indexOf(name.substring(0, partial))];
            int index = Integer.parseInt(name.substring(partial + Differentiator.PARTIAL.length()));
            return f -> KernelSupport.partial(ext, index, args(a, f));
        }
        if (externalNames.contains(name)) {
            ExternalFunction ext = externals[externalNames.indexOf(name)];
            return f -> ext.value(args(a, f));
        }
        switch (name) {
            case "piecewise":
                return f -> piecewise(a, f);
            case "min":
                return f -> {
                    double m = a[0].eval(f);
                    for (int i = 1; i < a.length; i++) {
                        m = Math.min(m, a[i].eval(f));
                    }
                    return m;
                };
            case "max":
                return f -> {
                    double m = a[0].eval(f);
                    for (int i = 1; i < a.length; i++) {
                        m = Math.max(m, a[i].eval(f));
                    }
                    return m;
                };
            case "and":
                return f -> {
                    for (Node n : a) {
                        if (n.eval(f) == 0) {
                            return 0;
                        }
                    }
                    return 1;
                };
            case "or":
                return f -> {
                    for (Node n : a) {
                        if (n.eval(f) != 0) {
                            return 1;
                        }
                    }
                    return 0;
                };
            case "xor":
                return f -> {
                    boolean x = false;
                    for (Node n : a) {
                        x ^= n.eval(f) != 0;
                    }
                    return x ? 1 : 0;
                };
            case "log":
                return a.length == 1 ? f -> Math.log(a[0].eval(f)) : f -> Math.log(a[1].eval(f)) / Math.log(a[0].eval(f));
            case "root":
                return f -> Math.pow(a[1].eval(f), 1.0 / a[0].eval(f));
            case "pow":
            case "power":
                return f -> KernelSupport.pow(a[0].eval(f), a[1].eval(f));
            default:
                return unaryOrComparison(name, a);
        }
    }

    private static Node unaryOrComparison(String name, Node[] a) {
        Map<String, java.util.function.DoubleBinaryOperator> cmp = Map.of(
                "lt", (x, y) -> x < y ? 1 : 0, "leq", (x, y) -> x <= y ? 1 : 0, "gt", (x, y) -> x > y ? 1 : 0,
                "geq", (x, y) -> x >= y ? 1 : 0, "eq", (x, y) -> x == y ? 1 : 0, "neq", (x, y) -> x != y ? 1 : 0,
                "implies", (x, y) -> x == 0 || y != 0 ? 1 : 0,
                "quotient", KernelSupport::quotient, "rem", KernelSupport::rem);
        if (cmp.containsKey(name)) {
            java.util.function.DoubleBinaryOperator op = cmp.get(name);
            return f -> op.applyAsDouble(a[0].eval(f), a[1].eval(f));
        }
        java.util.function.DoubleUnaryOperator op = unary(name);
        Node x = a[0];
        return f -> op.applyAsDouble(x.eval(f));
    }

    private static java.util.function.DoubleUnaryOperator unary(String name) {
        switch (name) {
            case "abs": return Math::abs;
            case "exp": return Math::exp;
            case "ln": return Math::log;
            case "log10": return Math::log10;
            case "log2": return x -> Math.log(x) / Math.log(2);
            case "sqrt": return Math::sqrt;
            case "sqr": return x -> x * x;
            case "sin": return Math::sin;
            case "cos": return Math::cos;
            case "tan": return Math::tan;
            case "asin": case "arcsin": return Math::asin;
            case "acos": case "arccos": return Math::acos;
            case "atan": case "arctan": return Math::atan;
            case "sinh": return Math::sinh;
            case "cosh": return Math::cosh;
            case "tanh": return Math::tanh;
            case "floor": return Math::floor;
            case "ceil": case "ceiling": return Math::ceil;
            case "sign": return Math::signum;
            case "not": return x -> x != 0 ? 0 : 1;
            case "sec": return KernelSupport::sec;
            case "csc": return KernelSupport::csc;
            case "cot": return KernelSupport::cot;
            case "sech": return KernelSupport::sech;
            case "csch": return KernelSupport::csch;
            case "coth": return KernelSupport::coth;
            case "arcsec": return KernelSupport::arcsec;
            case "arccsc": return KernelSupport::arccsc;
            case "arccot": return KernelSupport::arccot;
            case "arcsinh": case "asinh": return KernelSupport::arcsinh;
            case "arccosh": case "acosh": return KernelSupport::arccosh;
            case "arctanh": case "atanh": return KernelSupport::arctanh;
            case "arcsech": return KernelSupport::arcsech;
            case "arccsch": return KernelSupport::arccsch;
            case "arccoth": return KernelSupport::arccoth;
            case "factorial": return KernelSupport::factorial;
            default: throw new IllegalStateException("no evaluator for function " + name);
        }
    }

    private static double piecewise(Node[] a, Frame f) {
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            if (a[i + 1].eval(f) != 0) {
                return a[i].eval(f);
            }
        }
        return i < a.length ? a[i].eval(f) : Double.NaN;
    }

    private static double[] args(Node[] a, Frame f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].eval(f);
        }
        return out;
    }
}
