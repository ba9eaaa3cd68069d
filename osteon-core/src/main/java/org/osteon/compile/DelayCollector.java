package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * Replaces every {@code delay(x, d)} by a slot the simulation fills with x at time - d from the
 * run's history (see {@link FlatSystem.Delay}); identical delays share a slot.
 */
final class DelayCollector {
    private final List<FlatSystem.Delay> delays = new ArrayList<>();

    Expr collect(Expr e) {
        return Exprs.mapCalls(e, c -> {
            if (!c.function().equals(Builtins.DELAY) || c.args().size() != 2) {
                return c;
            }
            int k = -1;
            for (int i = 0; i < delays.size(); i++) {
                if (delays.get(i).value().equals(c.args().get(0)) && delays.get(i).lag().equals(c.args().get(1))) {
                    k = i;
                }
            }
            if (k < 0) {
                k = delays.size();
                delays.add(new FlatSystem.Delay(c.args().get(0), c.args().get(1), null));
            }
            return new Expr.Sym(FlatSystem.Delay.slotName(k));
        });
    }

    /** The delays found, each with its value before the start worked out from the assigned values. */
    List<FlatSystem.Delay> delays(java.util.Map<String, Expr> assigned) {
        return delays.stream().map(d -> new FlatSystem.Delay(d.value(), d.lag(), beforeStart(d.value(), assigned,
                new java.util.ArrayDeque<>()))).toList();
    }

    private static Expr beforeStart(Expr e, java.util.Map<String, Expr> assigned, java.util.Deque<String> stack) {
        return Exprs.mapSymbols(e, s -> {
            if (s.name().startsWith(RateOfExpander.PREFIX)) {
                return Expr.Num.ZERO;
            }
            Expr def = assigned.get(s.name());
            if (def == null || stack.contains(s.name())) {
                return s;
            }
            stack.push(s.name());
            Expr out = beforeStart(def, assigned, stack);
            stack.pop();
            return out;
        });
    }

    /**
     * At the start nothing has a past: {@code delay(x, d)} with d >= 0 is x at the start time
     * (SBML: the value before the start is the initial value), so initial assignments read x itself.
     */
    static Expr atStart(Expr e) {
        return Exprs.mapCalls(e, c -> c.function().equals(Builtins.DELAY) && c.args().size() == 2 ? c.args().get(0) : c);
    }
}
