package org.osteon.analysis.sampling;

import java.io.Serializable;
import org.hipparchus.util.FastMath;

/**
 * How a covariate scales a parameter, in the forms pharmacometric models use (NONMEM, Monolix):
 * the parameter's draw is multiplied by {@link #factor}.
 *
 * @param covariate the covariate's name
 * @param form      power {@code (c/ref)^theta}, linear {@code 1 + theta (c - ref)} or
 *                  exponential {@code exp(theta (c - ref))}
 * @param theta     the effect size
 * @param reference the covariate value at which the factor is 1
 */
public record Effect(String covariate, Form form, double theta, double reference) implements Serializable {
    /** The functional form of a covariate effect. */
    public enum Form {
        POWER, LINEAR, EXPONENTIAL
    }

    public Effect {
        if (!Double.isFinite(theta) || !Double.isFinite(reference)) {
            throw new IllegalArgumentException("a covariate effect needs finite theta and reference");
        }
        if (form == Form.POWER && !(reference > 0)) {
            throw new IllegalArgumentException("a power effect needs a positive reference value");
        }
    }

    /** The multiplier for covariate value {@code c}; NaN where the form is undefined (c ≤ 0 for power). */
    public double factor(double c) {
        return switch (form) {
            case POWER -> c > 0 ? FastMath.pow(c / reference, theta) : Double.NaN;
            case LINEAR -> 1 + theta * (c - reference);
            case EXPONENTIAL -> FastMath.exp(theta * (c - reference));
        };
    }

    public String describe() {
        return switch (form) {
            case POWER -> "(" + covariate + "/" + reference + ")^" + theta;
            case LINEAR -> "(1 + " + theta + "·(" + covariate + " − " + reference + "))";
            case EXPONENTIAL -> "exp(" + theta + "·(" + covariate + " − " + reference + "))";
        };
    }
}
