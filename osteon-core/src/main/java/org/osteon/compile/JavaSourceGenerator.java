package org.osteon.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * Writes the Java source of a {@link Kernel} for a flat system: straight-line code in which
 * assigned values become local variables, computed once per call and only when needed.
 * Janino turns it into bytecode that the JIT then compiles like hand-written code.
 */
final class JavaSourceGenerator {
    private final FlatSystem flat;
    private final JacobianPlan plan;
    private final SymbolTable symbols;
    private final List<String> externalNames;
    private final List<List<Expr>> assignedDependencies = new ArrayList<>();

    JavaSourceGenerator(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames) {
        this.flat = flat;
        this.plan = plan;
        this.symbols = symbols;
        this.externalNames = externalNames;
        for (Expr e : flat.assignedExpressions()) {
            assignedDependencies.add(List.of(e));
        }
    }

    String generate(String className) {
        StringBuilder sb = new StringBuilder();
        sb.append("public final class ").append(className).append(" implements org.osteon.compile.Kernel {\n");
        sb.append("  private final org.osteon.compile.ExternalFunction[] ext;\n");
        sb.append("  public ").append(className).append("(org.osteon.compile.ExternalFunction[] ext) { this.ext = ext; }\n");
        rhs(sb);
        jacobian(sb);
        outputs(sb);
        triggers(sb);
        guards(sb);
        sb.append("}\n");
        return sb.toString();
    }

    /** A class implementing {@link SensitivityKernel} for the plan (built with a symbol table that knows its temporaries). */
    String generateSensitivities(String className, SensitivityPlan sp) {
        StringBuilder sb = new StringBuilder();
        sb.append("public final class ").append(className).append(" implements org.osteon.compile.SensitivityKernel {\n");
        sb.append("  private final org.osteon.compile.ExternalFunction[] ext;\n");
        sb.append("  public ").append(className).append("(org.osteon.compile.ExternalFunction[] ext) { this.ext = ext; }\n");
        sensitivityMethod(sb, "rhs", sp.temps, sp.rhs);
        sensitivityMethod(sb, "outputsByState", sp.jacobian.temps, sp.byState);
        sensitivityMethod(sb, "outputsByParameter", sp.temps, sp.byParameter);
        sb.append("}\n");
        return sb.toString();
    }

    private void sensitivityMethod(StringBuilder sb, String name, List<JacobianPlan.Temp> temps, List<SensitivityPlan.Entry> entries) {
        List<Expr> used = new ArrayList<>();
        temps.forEach(tmp -> used.add(tmp.expression()));
        entries.forEach(en -> used.add(en.expression()));
        List<Stmt> body = localStatements(used);
        for (JacobianPlan.Temp tmp : temps) {
            body.add(new Stmt(local(tmp.name()), null, tmp.expression()));
        }
        for (SensitivityPlan.Entry en : entries) {
            body.add(new Stmt(null, "out[" + en.slot() + "]", en.expression()));
        }
        method(sb, name, "out", "java.util.Arrays.fill(out, 0.0);", body);
    }

    /** One line of straight-line code: a local value, or a write into the method's output array. */
    private record Stmt(String local, String target, Expr expr) {
    }

    /**
     * HotSpot does not JIT-compile methods over 8000 bytes of bytecode (DontCompileHugeMethods), so a
     * large model's Jacobian would run interpreted. Generated source costs about 0.35 bytes of
     * bytecode per character: above this budget a method is split into helper methods that share
     * their values through a scratch array.
     */
    static final int METHOD_BUDGET = 15_000;
    private static final int CHUNK_BUDGET = 10_000;

    private Map<String, Integer> scratchSlots;

    private void rhs(StringBuilder sb) {
        List<Stmt> body = localStatements(flat.derivatives());
        for (int i = 0; i < flat.derivatives().size(); i++) {
            body.add(new Stmt(null, "out[" + i + "]", flat.derivatives().get(i)));
        }
        method(sb, "rhs", "dydt", "", body);
    }

    private void jacobian(StringBuilder sb) {
        List<Expr> used = new ArrayList<>();
        plan.temps.forEach(tmp -> used.add(tmp.expression()));
        plan.entries.forEach(en -> used.add(en.expression()));
        List<Stmt> body = localStatements(used);
        for (JacobianPlan.Temp tmp : plan.temps) {
            body.add(new Stmt(local(tmp.name()), null, tmp.expression()));
        }
        for (int k = 0; k < plan.entries.size(); k++) {
            body.add(new Stmt(null, "out[" + k + "]", plan.entries.get(k).expression()));
        }
        method(sb, "jacobian", "jac", "", body);
    }

    private void outputs(StringBuilder sb) {
        List<Expr> all = new ArrayList<>();
        flat.assigned().forEach(v -> all.add(new Expr.Sym(v.id())));
        List<Stmt> body = localStatements(all);
        for (int i = 0; i < flat.outputs().size(); i++) {
            body.add(new Stmt(null, "out[" + i + "]", new Expr.Sym(flat.outputs().get(i).id())));
        }
        method(sb, "outputs", "out", "", body);
    }

    /** Emits {@code public void name(t, y, p, outName)}, inline or split into helpers by size. */
    private void method(StringBuilder sb, String name, String outName, String preamble, List<Stmt> body) {
        String inline = statements(body, "    ");
        sb.append("  public void ").append(name).append("(double t, double[] y, double[] p, double[] out) {\n");
        if (!preamble.isEmpty()) {
            sb.append("    ").append(preamble).append('\n');
        }
        if (inline.length() <= METHOD_BUDGET) {
            sb.append(inline).append("  }\n");
            return;
        }
        scratchSlots = new java.util.HashMap<>();
        for (Stmt st : body) {
            if (st.local() != null) {
                scratchSlots.put(st.local(), scratchSlots.size());
            }
        }
        sb.append("    final double[] s = new double[").append(Math.max(1, scratchSlots.size())).append("];\n");
        StringBuilder helpers = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int part = 0;
        for (Stmt st : body) {
            chunk.append(statement(st, "    "));
            if (chunk.length() >= CHUNK_BUDGET) {
                part = helper(sb, helpers, name, part, chunk);
            }
        }
        if (chunk.length() > 0) {
            helper(sb, helpers, name, part, chunk);
        }
        sb.append("  }\n").append(helpers);
        scratchSlots = null;
    }

    private static int helper(StringBuilder sb, StringBuilder helpers, String name, int part, StringBuilder chunk) {
        String helper = name + "$" + part;
        sb.append("    ").append(helper).append("(t, y, p, out, s);\n");
        helpers.append("  private void ").append(helper)
                .append("(double t, double[] y, double[] p, double[] out, double[] s) {\n").append(chunk).append("  }\n");
        chunk.setLength(0);
        return part + 1;
    }

    private String statements(List<Stmt> body, String indent) {
        StringBuilder sb = new StringBuilder();
        body.forEach(st -> sb.append(statement(st, indent)));
        return sb.toString();
    }

    private String statement(Stmt st, String indent) {
        if (st.local() == null) {
            return indent + st.target() + " = " + num(st.expr()) + ";\n";
        }
        if (scratchSlots != null) {
            return indent + "s[" + scratchSlots.get(st.local()) + "] = " + num(st.expr()) + ";\n";
        }
        return indent + "final double " + st.local() + " = " + num(st.expr()) + ";\n";
    }

    private void triggers(StringBuilder sb) {
        sb.append("  public boolean trigger(int event, double t, double[] y, double[] p) {\n    switch (event) {\n");
        for (int e = 0; e < flat.events().size(); e++) {
            Expr trig = flat.events().get(e).trigger();
            sb.append("      case ").append(e).append(": {\n");
            locals(sb, List.of(trig), "        ");
            sb.append("        return ").append(bool(trig)).append(";\n      }\n");
        }
        sb.append("      default: throw new IllegalArgumentException(\"no event \" + event);\n    }\n  }\n");
    }

    private void guards(StringBuilder sb) {
        sb.append("  public double guard(int guard, double t, double[] y, double[] p) {\n    switch (guard) {\n");
        int g = 0;
        for (FlatSystem.FlatEvent ev : flat.events()) {
            for (Expr guard : ev.guards()) {
                sb.append("      case ").append(g++).append(": {\n");
                locals(sb, List.of(guard), "        ");
                sb.append("        return ").append(num(guard)).append(";\n      }\n");
            }
        }
        sb.append("      default: throw new IllegalArgumentException(\"no guard \" + guard);\n    }\n  }\n");
    }

    /** The assigned values the given expressions need, as local statements in evaluation order. */
    private List<Stmt> localStatements(Collection<Expr> exprs) {
        List<Stmt> out = new ArrayList<>();
        BitSet needed = neededAssigned(exprs);
        for (int k = needed.nextSetBit(0); k >= 0; k = needed.nextSetBit(k + 1)) {
            out.add(new Stmt("a" + k, null, flat.assignedExpressions().get(k)));
        }
        return out;
    }

    private BitSet neededAssigned(Collection<Expr> exprs) {
        BitSet needed = new BitSet();
        List<Expr> todo = new ArrayList<>(exprs);
        while (!todo.isEmpty()) {
            Expr e = todo.remove(todo.size() - 1);
            for (String s : Exprs.symbols(e)) {
                SymbolTable.Slot slot = symbols.resolve(s);
                if (slot.where() == SymbolTable.Where.ASSIGNED && !needed.get(slot.index())) {
                    needed.set(slot.index());
                    todo.addAll(assignedDependencies.get(slot.index()));
                }
            }
        }
        return needed;
    }

    /** Declares, in evaluation order, the assigned values the given expressions need. */
    private void locals(StringBuilder sb, Collection<Expr> exprs, String indent) {
        sb.append(statements(localStatements(exprs), indent));
    }

    private static String local(String tempName) {
        return "d" + tempName.substring(2);
    }

    // ---- expressions --------------------------------------------------------------------

    /** Whether the expression is a truth value (a comparison, logical operator or boolean function). */
    static boolean isBoolean(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().isComparison() || b.op().isLogical();
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NOT;
        }
        return e instanceof Expr.Call c && Builtins.BOOLEAN_FUNCTIONS.contains(c.function());
    }

    String num(Expr e) {
        if (isBoolean(e)) {
            return "(" + bool(e) + " ? 1.0 : 0.0)";
        }
        if (e instanceof Expr.Num n) {
            return literal(n.value());
        }
        if (e instanceof Expr.Sym s) {
            return reference(s.name());
        }
        if (e instanceof Expr.Unary u) {
            return "(-" + num(u.operand()) + ")";
        }
        if (e instanceof Expr.Binary b) {
            String l = num(b.left());
            String r = num(b.right());
            switch (b.op()) {
                case POW:
                    return "org.osteon.compile.KernelSupport.pow(" + l + ", " + r + ")";
                default:
                    return "(" + l + " " + b.op().symbol() + " " + r + ")";
            }
        }
        return call((Expr.Call) e);
    }

    String bool(Expr e) {
        if (e instanceof Expr.Binary b && b.op().isComparison()) {
            return "(" + num(b.left()) + " " + b.op().symbol() + " " + num(b.right()) + ")";
        }
        if (e instanceof Expr.Binary b && b.op().isLogical()) {
            return "(" + bool(b.left()) + " " + b.op().symbol() + " " + bool(b.right()) + ")";
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            return "(!" + bool(u.operand()) + ")";
        }
        if (e instanceof Expr.Call c && Builtins.BOOLEAN_FUNCTIONS.contains(c.function())) {
            return booleanCall(c);
        }
        return "(" + num(e) + " != 0.0)";
    }

    private String booleanCall(Expr.Call c) {
        List<Expr> a = c.args();
        switch (c.function()) {
            case "and":
                return joinBool(a, " && ");
            case "or":
                return joinBool(a, " || ");
            case "xor":
                return joinBool(a, " ^ ");
            case "not":
                return "(!" + bool(a.get(0)) + ")";
            case "implies":
                return "(!" + bool(a.get(0)) + " || " + bool(a.get(1)) + ")";
            default:
                String op = Map.of("lt", "<", "leq", "<=", "gt", ">", "geq", ">=", "eq", "==", "neq", "!=").get(c.function());
                return "(" + num(a.get(0)) + " " + op + " " + num(a.get(1)) + ")";
        }
    }

    private String joinBool(List<Expr> args, String op) {
        List<String> parts = new ArrayList<>();
        args.forEach(x -> parts.add(bool(x)));
        return "(" + String.join(op, parts) + ")";
    }

    private String call(Expr.Call c) {
        List<Expr> a = c.args();
        String f = c.function();
        int partial = f.indexOf(Differentiator.PARTIAL);
        if (partial > 0) {
            String base = f.substring(0, partial);
            int index = Integer.parseInt(f.substring(partial + Differentiator.PARTIAL.length()));
            return "org.osteon.compile.KernelSupport.partial(ext[" + externalNames.indexOf(base) + "], " + index + ", "
                    + argArray(a) + ")";
        }
        if (externalNames.contains(f)) {
            return "ext[" + externalNames.indexOf(f) + "].value(" + argArray(a) + ")";
        }
        switch (f) {
            case "piecewise":
                return piecewise(a, 0);
            case "min":
            case "max":
                return fold("Math." + f, a);
            case "log":
                return a.size() == 1 ? "Math.log(" + num(a.get(0)) + ")"
                        : "(Math.log(" + num(a.get(1)) + ") / Math.log(" + num(a.get(0)) + "))";
            case "root":
                return "Math.pow(" + num(a.get(1)) + ", 1.0 / " + num(a.get(0)) + ")";
            case "pow":
            case "power":
                return "org.osteon.compile.KernelSupport.pow(" + num(a.get(0)) + ", " + num(a.get(1)) + ")";
            case "quotient":
            case "rem":
                return "org.osteon.compile.KernelSupport." + f + "(" + num(a.get(0)) + ", " + num(a.get(1)) + ")";
            default:
                return "(" + unaryMath(f) + "(" + num(a.get(0)) + "))";
        }
    }

    private static String unaryMath(String f) {
        switch (f) {
            case "ln":
                return "Math.log";
            case "log2":
                return "(1.0 / Math.log(2.0)) * Math.log";
            case "sqr":
                return "org.osteon.compile.KernelSupport.sq";
            case "ceiling":
                return "Math.ceil";
            case "sign":
                return "Math.signum";
            case "arcsin":
                return "Math.asin";
            case "arccos":
                return "Math.acos";
            case "arctan":
                return "Math.atan";
            case "asinh":
                return "org.osteon.compile.KernelSupport.arcsinh";
            case "acosh":
                return "org.osteon.compile.KernelSupport.arccosh";
            case "atanh":
                return "org.osteon.compile.KernelSupport.arctanh";
            case "sec": case "csc": case "cot": case "sech": case "csch": case "coth":
            case "arcsec": case "arccsc": case "arccot": case "arcsinh": case "arccosh": case "arctanh":
            case "arcsech": case "arccsch": case "arccoth": case "factorial":
                return "org.osteon.compile.KernelSupport." + f;
            default:
                return "Math." + f;
        }
    }

    private String piecewise(List<Expr> a, int from) {
        int remaining = a.size() - from;
        if (remaining == 0) {
            return "Double.NaN"; // no branch applies and no otherwise: undefined, so the solver stops
        }
        if (remaining == 1) {
            return num(a.get(from));
        }
        return "(" + bool(a.get(from + 1)) + " ? " + num(a.get(from)) + " : " + piecewise(a, from + 2) + ")";
    }

    private String fold(String function, List<Expr> a) {
        String acc = num(a.get(0));
        for (int i = 1; i < a.size(); i++) {
            acc = function + "(" + acc + ", " + num(a.get(i)) + ")";
        }
        return acc;
    }

    private String argArray(List<Expr> a) {
        List<String> parts = new ArrayList<>();
        a.forEach(x -> parts.add(num(x)));
        return "new double[] {" + String.join(", ", parts) + "}";
    }

    private String reference(String name) {
        SymbolTable.Slot slot = symbols.resolve(name);
        switch (slot.where()) {
            case STATE:
                return "y[" + slot.index() + "]";
            case PARAMETER:
                return "p[" + slot.index() + "]";
            case ASSIGNED:
                return scratchSlots != null ? "s[" + scratchSlots.get("a" + slot.index()) + "]" : "a" + slot.index();
            case TEMP:
                return scratchSlots != null ? "s[" + scratchSlots.get(local(name)) + "]" : local(name);
            case TIME:
                return "t";
            default:
                return literal(slot.constant());
        }
    }

    static String literal(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        String s = Double.toString(v);
        return v < 0 || (v == 0 && 1 / v < 0) ? "(" + s + ")" : s;
    }
}
