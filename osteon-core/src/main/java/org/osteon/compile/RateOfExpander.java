package org.osteon.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * Gives {@code rateOf(x)} (SBML Level 3 Version 2 csymbol) its meaning, the current time derivative
 * of x, by replacing it with an internal assigned value {@code rateOf$x}:
 * <ul>
 *   <li>a state: its right-hand side (for a species in concentration, d[S]/dt);</li>
 *   <li>an assigned value (assignment rule, reaction rate): the symbolic time derivative of its
 *       expression, by the chain rule through the rates of what it reads;</li>
 *   <li>a symbol an algebraic rule 0 = g determines: by implicit differentiation,
 *       -(dg/dt with x held) / (dg/dx);</li>
 *   <li>anything constant during integration (parameters, even those events change): 0.</li>
 * </ul>
 * A rate that needs itself (x' = rateOf(x)) shows up as a cycle of assigned values.
 */
final class RateOfExpander {
    static final String PREFIX = "rateOf$";

    private final BiFunction<String, Variable.Kind, Variable> variables;
    private final List<Variable> states;
    private final List<Expr> derivatives;
    private final Map<String, Expr> assignedExpr;
    private final Map<String, Variable> assignedVar;
    private final Set<String> parameters;
    private final List<String> problems;
    private final Map<String, Integer> stateIndex = new HashMap<>();

    RateOfExpander(BiFunction<String, Variable.Kind, Variable> variables, List<Variable> states, List<Expr> derivatives,
                   Map<String, Expr> assignedExpr, Map<String, Variable> assignedVar, Set<String> parameters,
                   List<String> problems) {
        this.variables = variables;
        this.states = states;
        this.derivatives = derivatives;
        this.assignedExpr = assignedExpr;
        this.assignedVar = assignedVar;
        this.parameters = parameters;
        this.problems = problems;
        for (int i = 0; i < states.size(); i++) {
            stateIndex.put(states.get(i).id(), i);
        }
    }

    /** The expression with every rateOf(x) replaced by the symbol of x's rate. */
    Expr expand(Expr e) {
        if (e == null) {
            return null;
        }
        return Exprs.mapCalls(e, c -> {
            if (!c.function().equals(Builtins.RATE_OF)) {
                return c;
            }
            if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.Sym s)) {
                problems.add("rateOf takes the name of one symbol, found rateOf(" + c.args().size() + " arguments)");
                return Expr.Num.ZERO;
            }
            return rateOf(s.name());
        });
    }

    /** d(name)/dt as an expression: 1 for time, 0 for constants, else the symbol of its rate. */
    private Expr rateOf(String name) {
        if (name.equals(Builtins.TIME)) {
            return Expr.Num.ONE;
        }
        if (Builtins.isConstant(name) || parameters.contains(name) || name.startsWith(PREFIX)
                || name.startsWith("delay$")) {
            return Expr.Num.ZERO;
        }
        String helper = PREFIX + name;
        if (!assignedExpr.containsKey(helper)) {
            assignedExpr.put(helper, Expr.Num.ZERO); // placeholder: a rate that needs itself becomes a cycle
            assignedVar.put(helper, variables.apply(helper, Variable.Kind.ASSIGNED));
            assignedExpr.put(helper, definition(name));
        }
        return new Expr.Sym(helper);
    }

    private Expr definition(String name) {
        Integer i = stateIndex.get(name);
        if (i != null) {
            if (states.get(i).kind() == Variable.Kind.ALGEBRAIC) {
                return implicit(name, expand(derivatives.get(i)));
            }
            return expand(derivatives.get(i));
        }
        Expr e = assignedExpr.get(name);
        if (e != null) {
            return Differentiator.derivative(expand(e), this::rateOf);
        }
        problems.add("rateOf(" + name + "): '" + name + "' is not a symbol whose rate is defined");
        return Expr.Num.ZERO;
    }

    /** dx/dt from 0 = g(x, ...): -(dg/dt with x fixed) / (dg/dx), assigned values expanded into g. */
    private Expr implicit(String x, Expr g) {
        Expr full = inlineAssigned(g, new ArrayList<>());
        Expr dgdx = Differentiator.derivative(full, s -> s.equals(x) ? Expr.Num.ONE : Expr.Num.ZERO);
        Expr rest = Differentiator.derivative(full, s -> s.equals(x) ? Expr.Num.ZERO : rateOf(s));
        return new Expr.Unary(Expr.UnaryOp.NEG, new Expr.Binary(Expr.BinaryOp.DIV, rest, dgdx));
    }

    private Expr inlineAssigned(Expr e, List<String> stack) {
        return Exprs.mapSymbols(e, s -> {
            Expr def = assignedExpr.get(s.name());
            if (def == null || s.name().startsWith(PREFIX) || stack.contains(s.name())) {
                return s;
            }
            stack.add(s.name());
            Expr out = inlineAssigned(expand(def), stack);
            stack.remove(stack.size() - 1);
            return out;
        });
    }
}
