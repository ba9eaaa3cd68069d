package org.osteon.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteon.util.Suggestions;

/**
 * How a model output is compared with data reported relative to baseline. The baseline is the
 * output's value at the start of its group's run (before any dose), which for a model started at
 * its steady state is the untreated value the trial's baseline measures.
 */
public enum Transform {
    NONE("none"),
    /** 100 y / y0 (data as % of baseline: 100 at baseline). */
    PERCENT_OF_BASELINE("percent_of_baseline"),
    /** y / y0. */
    FRACTION_OF_BASELINE("fraction_of_baseline"),
    /** 100 (y / y0 - 1) (data as % change: 0 at baseline). */
    PERCENT_CHANGE_FROM_BASELINE("percent_change_from_baseline"),
    /** y - y0. */
    CHANGE_FROM_BASELINE("change_from_baseline");

    private final String label;

    Transform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Transform parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        List<String> labels = new ArrayList<>();
        for (Transform x : values()) {
            if (x.label.equals(t)) {
                return x;
            }
            labels.add(x.label);
        }
        throw new IllegalArgumentException("unknown transform '" + text + "'" + Suggestions.didYouMean(text, labels)
                + "; use one of " + String.join(", ", labels));
    }

    boolean needsBaseline() {
        return this != NONE;
    }

    /** The transformed value of y with baseline y0. */
    double apply(double y, double y0) {
        switch (this) {
            case PERCENT_OF_BASELINE:
                return 100 * y / y0;
            case FRACTION_OF_BASELINE:
                return y / y0;
            case PERCENT_CHANGE_FROM_BASELINE:
                return 100 * (y / y0 - 1);
            case CHANGE_FROM_BASELINE:
                return y - y0;
            default:
                return y;
        }
    }

    /** d(apply)/dtheta from dy/dtheta and dy0/dtheta. */
    double derivative(double y, double y0, double dy, double dy0) {
        switch (this) {
            case PERCENT_OF_BASELINE:
            case PERCENT_CHANGE_FROM_BASELINE:
                return 100 * (dy * y0 - y * dy0) / (y0 * y0);
            case FRACTION_OF_BASELINE:
                return (dy * y0 - y * dy0) / (y0 * y0);
            case CHANGE_FROM_BASELINE:
                return dy - dy0;
            default:
                return dy;
        }
    }
}
