package org.osteon.model;

import org.osteon.model.expr.Expr;

/**
 * A rule: an assignment {@code x := f}, a rate rule {@code x' = f}, or an algebraic rule
 * {@code 0 = f}, which names no variable: the compiler works out which otherwise undetermined
 * symbol it determines (SBML semantics) and solves the resulting differential-algebraic system.
 */
public sealed interface Rule permits Rule.Assignment, Rule.Rate, Rule.Algebraic {
    /** The symbol the rule sets; {@code null} for an {@link Algebraic} rule. */
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

    /** {@code 0 = f}: f stays zero at all times. */
    record Algebraic(Expr expression) implements Rule {
        public Algebraic {
            java.util.Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String variable() {
            return null;
        }
    }
}
