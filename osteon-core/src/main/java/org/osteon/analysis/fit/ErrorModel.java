package org.osteon.analysis.fit;

/**
 * Residual error: standard deviation {@code sqrt(a^2 + (b * prediction)^2)} (additive a,
 * proportional b, combined both). Either may be estimated, starting from its value. Data rows
 * with their own {@code sd} use it instead.
 */
public record ErrorModel(double additive, double proportional, boolean estimateAdditive, boolean estimateProportional) {
    public ErrorModel {
        if (!(additive >= 0) || !(proportional >= 0) || Double.isInfinite(additive) || Double.isInfinite(proportional)) {
            throw new IllegalArgumentException("error model terms must be finite and not negative (additive " + additive
                    + ", proportional " + proportional + ")");
        }
        if (additive == 0 && proportional == 0) {
            throw new IllegalArgumentException("the error model needs an additive or a proportional term greater than 0");
        }
        if (estimateAdditive && additive == 0 || estimateProportional && proportional == 0) {
            throw new IllegalArgumentException("an estimated error term needs a starting value greater than 0");
        }
    }

    public static ErrorModel additive(double sd) {
        return new ErrorModel(sd, 0, false, false);
    }

    public static ErrorModel proportional(double cv) {
        return new ErrorModel(0, cv, false, false);
    }

    public int estimatedCount() {
        return (estimateAdditive ? 1 : 0) + (estimateProportional ? 1 : 0);
    }

    /** Whether the standard deviation depends on the prediction or on estimated terms. */
    boolean varies() {
        return proportional > 0 || estimatedCount() > 0;
    }

    public String describe() {
        String a = (estimateAdditive ? "estimated from " : "") + additive;
        String b = (estimateProportional ? "estimated from " : "") + proportional;
        if (proportional == 0) {
            return "additive, sd " + a;
        }
        if (additive == 0) {
            return "proportional, cv " + b;
        }
        return "combined, additive sd " + a + ", proportional cv " + b;
    }
}
