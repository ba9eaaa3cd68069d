package org.osteon.analysis.fit;

import java.util.Locale;

/**
 * A quantity to estimate: a parameter (or a state's initial value) with its starting value,
 * bounds and the scale the optimiser works on ({@code log} for positive quantities spanning
 * orders of magnitude: bounds, steps and standard errors are then relative).
 *
 * @param lower may be {@code -inf} (linear) or 0 (log: no lower bound)
 * @param upper may be {@code +inf}
 */
public record Estimate(String name, double initial, double lower, double upper, boolean log) {
    public Estimate {
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("'" + name + "': the initial value must be a finite number");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("'" + name + "': the lower bound (" + lower + ") must be below the upper bound (" + upper + ")");
        }
        if (!(initial >= lower && initial <= upper)) {
            throw new IllegalArgumentException("'" + name + "': the initial value " + initial + " is outside its bounds ["
                    + lower + ", " + upper + "]");
        }
        if (log && !(initial > 0)) {
            throw new IllegalArgumentException("'" + name + "': a log-scaled parameter must start positive, found " + initial);
        }
        if (log && lower < 0) {
            throw new IllegalArgumentException("'" + name + "': a log-scaled parameter cannot have a negative lower bound (" + lower + ")");
        }
    }

    public static Estimate of(String name, double initial) {
        return new Estimate(name, initial, initial > 0 ? 0 : Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, initial > 0);
    }

    public String scale() {
        return log ? "log" : "linear";
    }

    public static boolean parseScale(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "log":
                return true;
            case "linear":
            case "lin":
                return false;
            default:
                throw new IllegalArgumentException("scale must be log or linear, found '" + text + "'");
        }
    }

    /** The optimiser's coordinate of value v. */
    double toInternal(double v) {
        return log ? Math.log(v) : v;
    }

    double toValue(double u) {
        return log ? Math.exp(u) : u;
    }

    /** dv/du. */
    double jacobian(double u) {
        return log ? Math.exp(u) : 1;
    }

    double lowerInternal() {
        return log ? (lower > 0 ? Math.log(lower) : Double.NEGATIVE_INFINITY) : lower;
    }

    double upperInternal() {
        return log ? Math.log(upper) : upper;
    }
}
