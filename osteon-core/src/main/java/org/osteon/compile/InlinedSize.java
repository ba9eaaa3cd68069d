package org.osteon.compile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.expr.Expr;

/**
 * The number of nodes an expression will have once user functions are inlined, computed
 * without inlining: a function that calls another twice, nested 39 deep, would inline to 2^39
 * nodes and exhaust time and memory, so the Flattener checks this first.
 *
 * <p>The size of an inlined call is linear in the sizes of its arguments: {@code c + Σ k_i·|a_i|},
 * where k_i counts the occurrences of parameter i in the function's fully inlined body and c the
 * other nodes. Each function's (c, k) is computed once, from its body, bottom-up.
 */
final class InlinedSize {
    /** (constant nodes, occurrences of each parameter) of a function's inlined body. */
    private record Form(double constant, double[] occurrences) {
    }

    private final Map<String, FunctionDefinition> functions;
    private final Map<String, Form> forms = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    InlinedSize(Map<String, FunctionDefinition> functions) {
        this.functions = functions;
    }

    /** Nodes of {@code e} after inlining (saturates at large values; never overflows). */
    double of(Expr e) {
        return form(e, List.of()).constant();
    }

    private Form form(Expr e, List<String> parameters) {
        double[] occ = new double[parameters.size()];
        double c = add(e, parameters, 1, occ);
        return new Form(c, occ);
    }

    /** Adds {@code weight ×} the size of {@code e} to occ (parameters) and returns the constant part. */
    private double add(Expr e, List<String> parameters, double weight, double[] occ) {
        if (e instanceof Expr.Sym s) {
            int i = parameters.indexOf(s.name());
            if (i >= 0) {
                occ[i] += weight;
                return 0;
            }
            return weight;
        }
        if (e instanceof Expr.Num) {
            return weight;
        }
        if (e instanceof Expr.Unary u) {
            return weight + add(u.operand(), parameters, weight, occ);
        }
        if (e instanceof Expr.Binary b) {
            return weight + add(b.left(), parameters, weight, occ) + add(b.right(), parameters, weight, occ);
        }
        Expr.Call call = (Expr.Call) e;
        FunctionDefinition def = functions.get(call.function());
        Form callee = def == null || def.isExternal() || def.parameters().size() != call.args().size()
                ? null : functionForm(def);
        if (callee == null) {
            double c = weight;
            for (Expr a : call.args()) {
                c += add(a, parameters, weight, occ);
            }
            return c;
        }
        double c = weight * callee.constant();
        for (int i = 0; i < call.args().size(); i++) {
            double k = callee.occurrences()[i];
            if (k != 0) {
                c += add(call.args().get(i), parameters, weight * k, occ);
            }
        }
        return c;
    }

    private Form functionForm(FunctionDefinition def) {
        Form known = forms.get(def.id());
        if (known != null) {
            return known;
        }
        if (!inProgress.add(def.id())) {
            return null; // a recursive function: the Flattener reports it
        }
        Form f = form(def.body(), def.parameters());
        inProgress.remove(def.id());
        forms.put(def.id(), f);
        return f;
    }
}
