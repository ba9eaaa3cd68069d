package org.osteon.model;

import org.osteon.model.expr.Expr;

/** {@code x = f} where f is not a plain number: evaluated once, at the start of a simulation. */
public record InitialAssignment(String symbol, Expr expression) {
    public InitialAssignment {
        ModelSymbol.requireId(symbol);
    }
}
