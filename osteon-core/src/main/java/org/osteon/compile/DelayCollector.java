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
            FlatSystem.Delay d = new FlatSystem.Delay(c.args().get(0), c.args().get(1));
            int k = delays.indexOf(d);
            if (k < 0) {
                k = delays.size();
                delays.add(d);
            }
            return new Expr.Sym(FlatSystem.Delay.slotName(k));
        });
    }

    List<FlatSystem.Delay> delays() {
        return List.copyOf(delays);
    }

    /**
     * At the start nothing has a past: {@code delay(x, d)} with d >= 0 is x at the start time
     * (SBML: the value before the start is the initial value), so initial assignments read x itself.
     */
    static Expr atStart(Expr e) {
        return Exprs.mapCalls(e, c -> c.function().equals(Builtins.DELAY) && c.args().size() == 2 ? c.args().get(0) : c);
    }
}
