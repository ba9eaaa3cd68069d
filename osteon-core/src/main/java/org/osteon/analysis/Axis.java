package org.osteon.analysis;

import java.util.Objects;

/**
 * The values a scan gives one symbol (a parameter or a state's initial value).
 *
 * @param symbol    the name, as in {@code --set NAME=VALUE}
 * @param values    the values in scan order
 * @param logarithmic whether the values are evenly spaced on a log scale (for plotting)
 */
public record Axis(String symbol, double[] values, boolean logarithmic) implements java.io.Serializable {
    /** More points than anyone can look at; guards against a typo costing hours. */
    public static final int MAX_POINTS = 100_000;

    public Axis {
        Objects.requireNonNull(symbol, "symbol");
        values = values.clone();
        if (values.length == 0) {
            throw new IllegalArgumentException("a scan of " + symbol + " needs at least one point");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("scan values of " + symbol + " must be finite numbers, found " + v);
            }
        }
    }

    /** {@code points} evenly spaced values from {@code from} to {@code to}, both included. */
    public static Axis linear(String symbol, double from, double to, int points) {
        check(symbol, from, to, points);
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
            v[i] = points == 1 ? from : from + (to - from) * i / (points - 1);
        }
        if (points > 1) {
            v[points - 1] = to; // exactly the end the user typed, not from + (to - from)
        }
        return new Axis(symbol, v, false);
    }

    /** {@code points} values evenly spaced in log scale from {@code from} to {@code to} (both positive). */
    public static Axis logarithmic(String symbol, double from, double to, int points) {
        check(symbol, from, to, points);
        if (!(from > 0) || !(to > 0)) {
            throw new IllegalArgumentException("a logarithmic scan of " + symbol + " needs positive ends, got "
                    + from + " and " + to);
        }
        double[] v = new double[points];
        double a = Math.log(from);
        double b = Math.log(to);
        for (int i = 0; i < points; i++) {
            v[i] = points == 1 ? from : Math.exp(a + (b - a) * i / (points - 1));
        }
        v[0] = from;
        if (points > 1) {
            v[points - 1] = to;
        }
        return new Axis(symbol, v, true);
    }

    private static void check(String symbol, double from, double to, int points) {
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("the scan range of " + symbol + " must be finite, got " + from + " to " + to);
        }
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("the number of points for " + symbol + " must be between 1 and "
                    + MAX_POINTS + ", got " + points);
        }
        if (points == 1 && from != to) {
            // One point cannot cover a range: the end would be ignored without a word.
            throw new IllegalArgumentException("one point cannot span the range of " + symbol + " from " + from + " to " + to
                    + "; give 2 or more points (or the same value twice)");
        }
        if (points > 1 && from == to) {
            throw new IllegalArgumentException("the scan range of " + symbol + " is empty: from = to = " + from);
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }
}
