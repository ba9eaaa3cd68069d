package org.osteon.model;

import java.util.List;
import org.osteon.model.expr.Expr;

/**
 * A discrete event with SBML Level 3 semantics: it fires when {@code trigger} goes from false to
 * true, after an optional {@code delay}; the assignments are applied at once.
 *
 * @param delay                    delay expression, or {@code null}
 * @param priority                 priority expression (higher first among simultaneous events), or {@code null}
 * @param persistent               if false, a pending delayed event is cancelled when its trigger turns false
 * @param initialValue             trigger value assumed just before the start ({@code t0=false} means a
 *                                 trigger already true at the start fires at the start)
 * @param useValuesFromTriggerTime evaluate assignment right-hand sides at trigger time (else at execution)
 */
public record Event(String id, Expr trigger, Expr delay, List<Assignment> assignments, Expr priority,
                    boolean persistent, boolean initialValue, boolean useValuesFromTriggerTime,
                    Metadata metadata) implements ModelSymbol {
    public Event {
        ModelSymbol.requireId(id);
        assignments = List.copyOf(assignments);
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    /** {@code variable = expression} executed when the event fires. */
    public record Assignment(String variable, Expr expression) {
        public Assignment {
            ModelSymbol.requireId(variable);
        }
    }
}
