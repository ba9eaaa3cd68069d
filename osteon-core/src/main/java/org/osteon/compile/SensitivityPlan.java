package org.osteon.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osteon.model.expr.Expr;

/**
 * The straight-line code of {@link ParameterDerivatives}: the derivative of every assigned value
 * with respect to each chosen parameter (forward chain rule in evaluation order, as
 * {@link JacobianPlan} does for states), then the non-zero entries of df/dp and of the observed
 * outputs' derivatives by state (from the Jacobian's temporaries) and by parameter.
 */
final class SensitivityPlan {
    /** An entry of an output array: {@code out[slot] = expression}. */
    record Entry(int slot, Expr expression) {
    }

    final JacobianPlan jacobian;
    final List<JacobianPlan.Temp> temps = new ArrayList<>();
    final List<Entry> rhs = new ArrayList<>();
    final List<Entry> byState = new ArrayList<>();
    final List<Entry> byParameter = new ArrayList<>();
    final int[] parameterIndex;
    final int[] outputAssigned;

    SensitivityPlan(FlatSystem flat, JacobianPlan jacobian, List<String> parameters, List<String> outputs) {
        this.jacobian = jacobian;
        int n = flat.states().size();
        int m = parameters.size();
        Map<String, Integer> parameterColumn = new HashMap<>();
        parameterIndex = new int[m];
        for (int l = 0; l < m; l++) {
            String id = parameters.get(l);
            int k = indexOf(flat.parameters(), id);
            if (k < 0) {
                throw new IllegalArgumentException("'" + id + "' is not a parameter of model '" + flat.modelId() + "'");
            }
            parameterIndex[l] = k;
            parameterColumn.put(id, l);
        }
        Map<String, Integer> assignedIndex = new HashMap<>();
        for (int k = 0; k < flat.assigned().size(); k++) {
            assignedIndex.put(flat.assigned().get(k).id(), k);
        }
        Map<Long, String> tempName = new HashMap<>();
        for (int k = 0; k < flat.assigned().size(); k++) {
            Expr e = flat.assignedExpressions().get(k);
            for (int l = 0; l < m; l++) {
                Expr d = Differentiator.derivative(e, symbolDerivative(l, parameterColumn, assignedIndex, tempName));
                if (!Simplifier.isZero(d)) {
                    String name = "$dp" + k + "_" + l;
                    tempName.put(key(k, l), name);
                    temps.add(new JacobianPlan.Temp(name, k, l, d));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < m; l++) {
                Expr d = Differentiator.derivative(flat.derivatives().get(i), symbolDerivative(l, parameterColumn, assignedIndex, tempName));
                if (!Simplifier.isZero(d)) {
                    rhs.add(new Entry(i * m + l, d));
                }
            }
        }
        outputAssigned = new int[outputs.size()];
        Map<Long, String> jacobianTemp = new HashMap<>();
        jacobian.temps.forEach(t -> jacobianTemp.put(key(t.assigned(), t.state()), t.name()));
        for (int o = 0; o < outputs.size(); o++) {
            Integer k = assignedIndex.get(outputs.get(o));
            if (k == null) {
                throw new IllegalArgumentException("'" + outputs.get(o) + "' is not computed by a rule of model '"
                        + flat.modelId() + "'");
            }
            outputAssigned[o] = k;
            for (int j = 0; j < n; j++) {
                String t = jacobianTemp.get(key(k, j));
                if (t != null) {
                    byState.add(new Entry(o * n + j, new Expr.Sym(t)));
                }
            }
            for (int l = 0; l < m; l++) {
                String t = tempName.get(key(k, l));
                if (t != null) {
                    byParameter.add(new Entry(o * m + l, new Expr.Sym(t)));
                }
            }
        }
    }

    /** Every temporary name: the Jacobian's, then the parameter derivatives'. */
    List<String> tempNames() {
        List<String> all = new ArrayList<>(jacobian.tempNames());
        temps.forEach(t -> all.add(t.name()));
        return all;
    }

    private static int indexOf(List<Variable> vars, String id) {
        for (int i = 0; i < vars.size(); i++) {
            if (vars.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static long key(int k, int j) {
        return ((long) k << 32) | j;
    }

    private static java.util.function.Function<String, Expr> symbolDerivative(
            int l, Map<String, Integer> parameterColumn, Map<String, Integer> assignedIndex, Map<Long, String> tempName) {
        return name -> {
            Integer c = parameterColumn.get(name);
            if (c != null) {
                return c == l ? Expr.Num.ONE : Expr.Num.ZERO;
            }
            Integer k = assignedIndex.get(name);
            if (k != null) {
                String t = tempName.get(key(k, l));
                return t == null ? Expr.Num.ZERO : new Expr.Sym(t);
            }
            return Expr.Num.ZERO;
        };
    }
}
