package org.osteon.report;

import java.util.List;
import java.util.Objects;

/**
 * What to draw and how big: an immutable value; change it with the {@code with...} methods.
 *
 * @param title         figure title; empty for none
 * @param series        ids of the symbols to show, in legend order; empty means the plot's
 *                      default (for time series: species, rate-rule and assigned symbols)
 * @param yLabel        y-axis label replacing the one derived from units; null to derive it
 * @param logX          logarithmic x axis (line plots and time series)
 * @param logY          logarithmic y axis; non-positive values are left out
 * @param percentChange for time series: plot {@code 100·(value/baseline − 1)} instead of values
 * @param width         image width in pixels
 * @param height        image height in pixels
 */
public record PlotSpec(String title, List<String> series, String yLabel, boolean logX, boolean logY,
                       Baseline percentChange, int width, int height) {

    /** What a time series is compared with in % change mode. */
    public enum Baseline {
        /** Plain values, no comparison. */
        NONE,
        /** Each series against its own value at the first output time. */
        INITIAL_VALUE,
        /** Every later run against the first run at the same time (the first run is not drawn). */
        FIRST_RUN
    }

    public static final int DEFAULT_WIDTH = 900;
    public static final int DEFAULT_HEIGHT = 600;
    private static final int MIN_SIZE = 200;
    private static final int MAX_SIZE = 10_000;

    public PlotSpec {
        title = title == null ? "" : title;
        series = List.copyOf(series);
        percentChange = percentChange == null ? Baseline.NONE : percentChange;
        if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("plot size must be between " + MIN_SIZE + " and " + MAX_SIZE
                    + " pixels each way, got " + width + "x" + height);
        }
        if (logY && percentChange != Baseline.NONE) {
            throw new IllegalArgumentException("a % change can be negative, so it cannot be drawn on a log axis");
        }
    }

    /** Default size, all default series, linear axes. */
    public static PlotSpec titled(String title) {
        return new PlotSpec(title, List.of(), null, false, false, Baseline.NONE, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public PlotSpec withTitle(String newTitle) {
        return new PlotSpec(newTitle, series, yLabel, logX, logY, percentChange, width, height);
    }

    public PlotSpec withSeries(List<String> ids) {
        return new PlotSpec(title, Objects.requireNonNull(ids), yLabel, logX, logY, percentChange, width, height);
    }

    public PlotSpec withSeries(String... ids) {
        return withSeries(List.of(ids));
    }

    public PlotSpec withYLabel(String label) {
        return new PlotSpec(title, series, label, logX, logY, percentChange, width, height);
    }

    public PlotSpec withLogX(boolean on) {
        return new PlotSpec(title, series, yLabel, on, logY, percentChange, width, height);
    }

    public PlotSpec withLogY(boolean on) {
        return new PlotSpec(title, series, yLabel, logX, on, percentChange, width, height);
    }

    public PlotSpec withPercentChange(Baseline baseline) {
        return new PlotSpec(title, series, yLabel, logX, logY, baseline, width, height);
    }

    public PlotSpec withSize(int newWidth, int newHeight) {
        return new PlotSpec(title, series, yLabel, logX, logY, percentChange, newWidth, newHeight);
    }
}
