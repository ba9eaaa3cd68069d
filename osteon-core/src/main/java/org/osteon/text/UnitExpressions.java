package org.osteon.text;

import static org.osteon.text.antlr.AntimonyParser.MINUS;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.UnitDefinition;
import org.osteon.text.antlr.AntimonyParser.SignedNumberContext;
import org.osteon.text.antlr.AntimonyParser.UnitAtomContext;
import org.osteon.text.antlr.AntimonyParser.UnitExprContext;
import org.osteon.text.antlr.AntimonyParser.UnitOpContext;
import org.osteon.text.antlr.AntimonyParser.UnitTermContext;

/**
 * The value of a unit expression: one multiplier times unit factors raised to powers, with the
 * factors in the order written ({@code 1e-3 mole / (1e-3 litre * second)} is 1 mole litre^-1
 * second^-1). Repeated units are kept as separate factors, so a unit written by
 * {@link AntimonyWriter} reads back to the same definition.
 */
final class UnitExpressions {
    /** Reports scales and exponents that are not finite (they make every quantity in the unit meaningless). */
    static UnitDefinition definition(String id, UnitExprContext x, Problems problems) {
        Value v = new UnitExpressions(problems).expression(x);
        return new UnitDefinition(id, v.multiplier, v.factors);
    }

    private final Problems problems;

    private UnitExpressions(Problems problems) {
        this.problems = problems;
    }

    private double finite(SignedNumberContext s, String what) {
        double v = signed(s);
        if (!Double.isFinite(v)) {
            problems.add(s.getStop(), "a unit's " + what + " must be a finite number, found '" + s.getText() + "'");
            return 1;
        }
        return v;
    }

    private static final class Value {
        double multiplier = 1;
        final List<UnitDefinition.Factor> factors = new ArrayList<>();

        void multiply(Value other, double power) {
            // 1^inf would be NaN: a unit without a number keeps multiplier 1 whatever the power
            multiplier *= power == 1 || other.multiplier == 1 ? other.multiplier : Math.pow(other.multiplier, power);
            for (UnitDefinition.Factor f : other.factors) {
                factors.add(new UnitDefinition.Factor(f.unit(), power == 1 ? f.exponent() : f.exponent() * power));
            }
        }
    }

    private Value expression(UnitExprContext x) {
        Value out = new Value();
        boolean divide = false;
        for (var child : x.children) {
            if (child instanceof UnitOpContext op) {
                divide = op.SLASH() != null;
            } else if (child instanceof UnitTermContext term) {
                Value v = term(term);
                if (divide) {
                    // 1/m: the reciprocal multiplier, negated exponents
                    out.multiplier /= v.multiplier;
                    v.multiplier = 1;
                    out.multiply(v, -1);
                } else {
                    out.multiply(v, 1);
                }
                divide = false;
            }
        }
        return out;
    }

    private Value term(UnitTermContext t) {
        Value atom = atom(t.unitAtom());
        if (t.exponent == null) {
            return atom;
        }
        Value out = new Value();
        out.multiply(atom, finite(t.exponent, "exponent"));
        return out;
    }

    private Value atom(UnitAtomContext a) {
        if (a.unitExpr() != null) {
            return expression(a.unitExpr());
        }
        Value v = new Value();
        if (a.signedNumber() != null) {
            v.multiplier = finite(a.signedNumber(), "scale");
        }
        if (a.unit != null) {
            v.factors.add(new UnitDefinition.Factor(a.unit.getText(), 1));
        }
        return v;
    }

    static double signed(SignedNumberContext s) {
        double v = ExpressionBuilder.number(s.getStop());
        return s.sign != null && s.sign.getType() == MINUS ? -v : v;
    }
}
