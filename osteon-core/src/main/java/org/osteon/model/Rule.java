package org.osteon.model;

import org.osteon.model.expr.Expr;

/** A rule: either an assignment {@code x := f} or a rate rule {@code x' = f}. */
public sealed interface Rule permits Rule.Assignment, Rule.Rate {
    String variable();

    Expr expression();

    /** {@code x := f}: x equals f at all times. */
    record Assignment(String variable, Expr expression) implements Rule {
        public Assignment {
            ModelSymbol.requireId(variable);
        }
    }

    /** {@code x' = f}: dx/dt = f. */
    record Rate(String variable, Expr expression) implements Rule {
        public Rate {
            ModelSymbol.requireId(variable);
        }
    }
}
