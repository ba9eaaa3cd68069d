package org.osteon.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Suggestions;

/** One number drawn from the time course of an output: what scans and sensitivities compare. */
public enum Summary {
    /** Value at the last output time. */
    FINAL("final"),
    /** Smallest value on the output grid. */
    MIN("min"),
    /** Largest value on the output grid. */
    MAX("max"),
    /** Time of the (first) smallest value on the output grid. */
    TIME_OF_MIN("time-of-min"),
    /** Time of the (first) largest value on the output grid. */
    TIME_OF_MAX("time-of-max"),
    /** Time average over the run: trapezoidal integral over the output grid divided by its length. */
    MEAN("mean");

    private final String label;

    Summary(String label) {
        this.label = label;
    }

    /** The name users type, e.g. {@code time-of-max}. */
    public String label() {
        return label;
    }

    /** Whether the result is a time (in the model's time unit) rather than a value of the output. */
    public boolean isTime() {
        return this == TIME_OF_MIN || this == TIME_OF_MAX;
    }

    /** Column heading for a table of this summary of {@code output}, e.g. {@code max(OCa)}. */
    public String column(String output) {
        return label + "(" + output + ")";
    }

    /**
     * @throws IllegalArgumentException naming the valid summaries (and the closest one) for an unknown name
     */
    public static Summary parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> labels = new ArrayList<>();
        for (Summary s : values()) {
            if (s.label.equals(t)) {
                return s;
            }
            labels.add(s.label);
        }
        throw new IllegalArgumentException("unknown summary '" + text + "'" + Suggestions.didYouMean(text, labels)
                + "; use one of " + String.join(", ", labels));
    }

    /** This summary of column {@code id} of {@code tr}. */
    public double of(Trajectory tr, String id) {
        switch (this) {
            case FINAL:
                return tr.last(id);
            case MIN:
                return tr.min(id);
            case MAX:
                return tr.max(id);
            case TIME_OF_MIN:
                return tr.timeOfMin(id);
            case TIME_OF_MAX:
                return tr.timeOfMax(id);
            case MEAN:
                return mean(tr, id);
            default:
                throw new AssertionError(this);
        }
    }

    private static double mean(Trajectory tr, String id) {
        double[] v = tr.column(id);
        if (v.length == 1) {
            return v[0];
        }
        double integral = 0;
        for (int i = 1; i < v.length; i++) {
            integral += 0.5 * (v[i] + v[i - 1]) * (tr.time(i) - tr.time(i - 1));
        }
        return integral / (tr.time(v.length - 1) - tr.time(0));
    }
}
