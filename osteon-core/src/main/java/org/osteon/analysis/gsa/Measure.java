package org.osteon.analysis.gsa;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Suggestions;

/**
 * One number drawn from an output's time course, for global sensitivity: the value at a time,
 * the final value, minimum or maximum (on the output grid), the area under the curve
 * (trapezoidal over the output grid), the time average, or the time of the minimum/maximum.
 *
 * @param output the output's id
 * @param kind   which number
 * @param time   for {@link Kind#AT}: the time (model time unit); NaN otherwise
 */
public record Measure(String output, Kind kind, double time) implements Serializable {
    /** The summaries a measure can take. */
    public enum Kind {
        FINAL, MIN, MAX, MEAN, AUC, AT, TIME_OF_MIN, TIME_OF_MAX;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Measure {
        if (kind == Kind.AT && !Double.isFinite(time)) {
            throw new IllegalArgumentException("the value 'at' a time needs a finite time");
        }
    }

    /**
     * Parses {@code OCa:max}, {@code BV:at:365}, {@code CTX:auc} (the output, then the summary).
     *
     * @throws IllegalArgumentException naming the valid summaries
     */
    public static Measure parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not OUTPUT:SUMMARY (e.g. OCa:max, BV:at:365, CTX:auc)");
        }
        Kind kind = kind(parts[1]);
        if ((kind == Kind.AT) != (parts.length == 3)) {
            throw new IllegalArgumentException(kind == Kind.AT ? "'" + text + "': 'at' needs a time, e.g. BV:at:365"
                    : "'" + text + "': only 'at' takes a time");
        }
        double t = Double.NaN;
        if (parts.length == 3) {
            try {
                t = Double.parseDouble(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': the time must be a number");
            }
        }
        return new Measure(parts[0].trim(), kind, t);
    }

    public static Kind kind(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> labels = java.util.Arrays.stream(Kind.values()).map(Kind::label).toList();
        for (Kind k : Kind.values()) {
            if (k.label().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown summary '" + text + "'" + Suggestions.didYouMean(text, labels)
                + "; use one of " + String.join(", ", labels));
    }

    /** Column name, e.g. {@code max(OCa)}, {@code at365(BV)}, {@code auc(CTX)}. */
    public String label() {
        return (kind == Kind.AT ? "at" + trim(time) : kind.label()) + "(" + output + ")";
    }

    private static String trim(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : Double.toString(t);
    }

    /** This measure of a trajectory. */
    public double of(Trajectory tr) {
        return switch (kind) {
            case FINAL -> tr.last(output);
            case MIN -> tr.min(output);
            case MAX -> tr.max(output);
            case TIME_OF_MIN -> tr.timeOfMin(output);
            case TIME_OF_MAX -> tr.timeOfMax(output);
            case AT -> tr.valueAt(output, time);
            case AUC -> auc(tr);
            case MEAN -> tr.size() == 1 ? tr.first(output) : auc(tr) / (tr.time(tr.size() - 1) - tr.time(0));
        };
    }

    private double auc(Trajectory tr) {
        double[] v = tr.column(output);
        double s = 0;
        for (int i = 1; i < v.length; i++) {
            s += 0.5 * (v[i] + v[i - 1]) * (tr.time(i) - tr.time(i - 1));
        }
        return s;
    }
}
