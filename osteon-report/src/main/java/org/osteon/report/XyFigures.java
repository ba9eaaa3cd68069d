package org.osteon.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds line figures (time series, 1-D scans) from curves: splits the symbols into stacked
 * panels so that each curve is readable, colours them by id and dashes them by run.
 */
final class XyFigures {
    /**
     * Within one panel the smallest peak must be at least this fraction of the largest: below it
     * a curve is squashed into a tenth of the panel height and its shape can no longer be read.
     */
    static final double MAX_PEAK_RATIO = 10;
    /**
     * Panels lower than this lose their tick labels to crowding (and XChart stops drawing
     * plots below about 100 px).
     */
    private static final int MIN_PANEL_HEIGHT = 120;
    /** Height of the x tick labels and title, shown under the bottom panel only. */
    private static final int X_AXIS_HEIGHT = 48;
    private static final int MAX_PANELS = 6;

    private XyFigures() {
    }

    /** One drawn line: symbol, dash index (the run), points; NaN y values leave gaps. */
    record Curve(String id, int run, double[] x, double[] y) {
    }

    /** What the figure needs to know about a symbol besides its points. */
    record Symbol(String id, String legend, String unit) {
    }

    /**
     * Everything but the data.
     *
     * @param yLabels y-axis titles for a panel's symbols, best first; the first that fits the
     *                panel height is used
     */
    record Layout(String title, String xLabel, boolean logX, boolean logY, boolean markers, int width, int height,
                  boolean logFallback, Function<List<Symbol>, List<String>> yLabels, List<Legend.Entry> runKey) {
    }

    static Figure build(List<Curve> input, Map<String, Symbol> symbols, Layout layout, List<String> notesIn) {
        List<String> notes = new ArrayList<>(notesIn);
        List<Curve> curves = finite(input, layout.logX(), false, notes);
        boolean logY = layout.logY();
        List<List<String>> linearBands = List.of();
        int chrome = (layout.title().isEmpty() ? 12 : 42) + X_AXIS_HEIGHT + 20 * (notes.size() + 1);
        int maxPanels = Math.max(1, Math.min(MAX_PANELS, (layout.height() - chrome) / MIN_PANEL_HEIGHT));
        List<List<String>> groups = group(curves, symbols, logY);
        if (!logY && groups.size() > maxPanels && layout.logFallback()) {
            // Too many magnitudes for readable linear panels: one log axis per unit shows them all.
            logY = true;
            notes.add("Log scale: the series span too many orders of magnitude for linear panels.");
        }
        if (logY) {
            curves = finite(curves, false, true, notes);
            groups = group(curves, symbols, true);
            // A log axis the user asked for is kept for every panel (issue 13: --log-y was silently
            // overridden); only the automatic fallback draws ranges under a decade linearly.
            linearBands = layout.logY() ? List.of() : narrow(curves, groups);
            if (!linearBands.isEmpty()) {
                notes.add("Linear axis for " + String.join(", ", linearBands.stream().flatMap(List::stream).toList())
                        + " (range under one decade).");
            }
        } else if (groups.size() > maxPanels && sameUnit(symbols)) {
            groups = mergeTail(groups, maxPanels);
        }
        if (curves.isEmpty()) {
            return new Figure(layout.title(), layout.width(), layout.height(),
                    List.of(new MessagePanel("Nothing to plot: no finite values.")), notes);
        }
        Set<String> ids = new LinkedHashSet<>();
        curves.forEach(c -> ids.add(c.id()));
        Map<String, Color> colors = Palette.assign(ids);
        double[] xRange = range(curves);

        // Roughly the height of each plot area, which bounds the length of a y-axis title.
        int plotHeight = (layout.height() - chrome) / groups.size() - 16;
        List<Panel> panels = new ArrayList<>();
        for (int p = 0; p < groups.size(); p++) {
            List<String> group = groups.get(p);
            XYChart chart = new XYChart(layout.width(), layout.height());
            XChartStyle.apply(chart.getStyler());
            XYStyler st = chart.getStyler();
            boolean panelLogY = logY && !linearBands.contains(group);
            st.setXAxisLogarithmic(layout.logX());
            st.setYAxisLogarithmic(panelLogY);
            if (panelLogY) {
                // XChart draws a grid line and a tick mark at every minor log tick: a grey wash.
                // The panel draws decade lines instead.
                st.setPlotGridHorizontalLinesVisible(false);
                st.setAxisTicksMarksVisible(false);
            }
            st.setXAxisMin(xRange[0]);
            st.setXAxisMax(xRange[1]);
            boolean last = p == groups.size() - 1;
            // The panels share the x axis: ticks and title under the bottom one are enough.
            st.setXAxisTicksVisible(last);
            st.setXAxisTitleVisible(last);
            chart.setXAxisTitle(layout.xLabel());
            List<Symbol> groupSymbols = group.stream().map(symbols::get).toList();
            chart.setYAxisTitle(fitYLabel(layout.yLabels().apply(groupSymbols), plotHeight));
            st.setXAxisDecimalPattern(XChartStyle.decimalPattern(xRange[0], xRange[1], layout.logX()));
            double[] yRange = yRange(curves, group);
            st.setYAxisDecimalPattern(XChartStyle.decimalPattern(yRange[0], yRange[1], panelLogY));
            frame(chart, xRange, yRange, layout.logX(), panelLogY);
            List<Legend.Entry> legend = new ArrayList<>();
            List<ChartPanel.Trace> traces = new ArrayList<>();
            for (String id : group) {
                for (Curve c : curves) {
                    if (c.id().equals(id)) {
                        traces.add(new ChartPanel.Trace(c.x(), c.y(), colors.get(id), Style.runStroke(c.run()),
                                layout.markers()));
                    }
                }
                legend.add(new Legend.Entry(symbols.get(id).legend(), colors.get(id), Style.runStroke(0), false));
            }
            if (p == 0 && !layout.runKey().isEmpty()) {
                List<Legend.Entry> key = new ArrayList<>(layout.runKey());
                Legend.Entry first = key.get(0);
                key.set(0, new Legend.Entry(first.text(), first.color(), first.stroke(), true));
                legend.addAll(key);
            }
            int extra = last && groups.size() > 1 ? X_AXIS_HEIGHT : 0;
            panels.add(new ChartPanel(chart, legend, traces, extra, panelLogY ? decades(yRange) : new double[0],
                    xRange));
        }
        return new Figure(layout.title(), layout.width(), layout.height(), panels, notes);
    }

    /**
     * Gives XChart only the extent of the data, as an invisible series: it lays out the axes
     * from it and the panel draws the curves. Three unevenly spaced points, because XChart puts
     * ticks at the data's own x values (every 19th day, say) when they are evenly spaced.
     */
    static void frame(XYChart chart, double[] x, double[] y, boolean logX, boolean logY) {
        XYSeries s = chart.addSeries("frame", new double[] {x[0], between(x, logX), x[1]},
                new double[] {y[0], between(y, logY), y[1]});
        s.setLineStyle(SeriesLines.NONE);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Powers of ten within the range, for grid lines on a log axis. */
    private static double[] decades(double[] range) {
        int lo = (int) Math.ceil(Math.log10(range[0]) - 1e-9);
        int hi = (int) Math.floor(Math.log10(range[1]) + 1e-9);
        double[] out = new double[Math.max(0, hi - lo + 1)];
        for (int k = lo; k <= hi; k++) {
            out[k - lo] = Math.pow(10, k);
        }
        return out;
    }

    /** Log panels whose data span less than a factor of ten. */
    private static List<List<String>> narrow(List<Curve> curves, List<List<String>> groups) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> group : groups) {
            double[] r = yRange(curves, group);
            if (r[1] < 10 * r[0]) {
                out.add(group);
            }
        }
        return out;
    }

    private static double between(double[] range, boolean log) {
        double f = 0.38;
        return log ? range[0] * Math.pow(range[1] / range[0], f) : range[0] + f * (range[1] - range[0]);
    }

    /**
     * The panel rule: symbols with different units never share an axis; on a linear axis,
     * symbols of one unit are sorted by peak |value| and a new panel starts whenever the next
     * peak is more than {@link #MAX_PEAK_RATIO} times smaller than the panel's largest. Panels,
     * and symbols within a panel, keep the requested order.
     */
    static List<List<String>> group(List<String> ids, Map<String, String> units, Map<String, Double> peaks,
                                    boolean logY) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (String id : ids) {
            byUnit.computeIfAbsent(units.getOrDefault(id, ""), u -> new ArrayList<>()).add(id);
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> sameUnit : byUnit.values()) {
            if (logY) {
                out.add(sameUnit);
                continue;
            }
            List<String> bySize = new ArrayList<>(sameUnit);
            bySize.sort(Comparator.comparingDouble((String id) -> peaks.getOrDefault(id, 0.0)).reversed());
            List<List<String>> bands = new ArrayList<>();
            double top = 0;
            for (String id : bySize) {
                double peak = peaks.getOrDefault(id, 0.0);
                // An all-zero series has no magnitude of its own; it joins the smallest band.
                if (bands.isEmpty() || (peak > 0 && peak * MAX_PEAK_RATIO < top)) {
                    bands.add(new ArrayList<>());
                    top = peak;
                }
                bands.get(bands.size() - 1).add(id);
            }
            // Bands, and symbols within them, follow the requested order.
            for (List<String> band : bands) {
                band.sort(Comparator.comparingInt(sameUnit::indexOf));
            }
            bands.sort(Comparator.comparingInt(band -> sameUnit.indexOf(band.get(0))));
            out.addAll(bands);
        }
        return out;
    }

    private static List<List<String>> group(List<Curve> curves, Map<String, Symbol> symbols, boolean logY) {
        Map<String, Double> peaks = new LinkedHashMap<>();
        for (Curve c : curves) {
            double peak = peaks.getOrDefault(c.id(), 0.0);
            for (double v : c.y()) {
                if (Double.isFinite(v)) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
            peaks.put(c.id(), peak);
        }
        Map<String, String> units = new LinkedHashMap<>();
        peaks.keySet().forEach(id -> units.put(id, symbols.get(id).unit() == null ? "" : symbols.get(id).unit()));
        return group(new ArrayList<>(peaks.keySet()), units, peaks, logY);
    }

    private static boolean sameUnit(Map<String, Symbol> symbols) {
        return symbols.values().stream().map(s -> String.valueOf(s.unit())).distinct().count() <= 1;
    }

    private static List<List<String>> mergeTail(List<List<String>> groups, int max) {
        List<List<String>> out = new ArrayList<>(groups.subList(0, max - 1));
        List<String> tail = new ArrayList<>();
        groups.subList(max - 1, groups.size()).forEach(tail::addAll);
        out.add(tail);
        return out;
    }

    /**
     * Drops points a log axis cannot show (x ≤ 0 on log x, y ≤ 0 on log y) and curves left with
     * nothing to draw, saying so in the notes.
     */
    private static List<Curve> finite(List<Curve> curves, boolean logX, boolean logY, List<String> notes) {
        List<Curve> out = new ArrayList<>();
        Set<String> empty = new LinkedHashSet<>();
        Set<String> clipped = new LinkedHashSet<>();
        for (Curve c : curves) {
            double[] x = c.x();
            double[] y = c.y().clone();
            List<Integer> keep = new ArrayList<>();
            int finite = 0;
            for (int i = 0; i < x.length; i++) {
                if (logX && !(x[i] > 0)) {
                    continue;
                }
                if (logY && !(y[i] > 0)) {
                    if (Double.isFinite(y[i])) {
                        clipped.add(c.id());
                    }
                    y[i] = Double.NaN;
                }
                if (Double.isFinite(y[i])) {
                    finite++;
                }
                keep.add(i);
            }
            if (finite == 0) {
                empty.add(c.id());
                continue;
            }
            double[] kx = new double[keep.size()];
            double[] ky = new double[keep.size()];
            for (int k = 0; k < kx.length; k++) {
                kx[k] = x[keep.get(k)];
                ky[k] = y[keep.get(k)];
            }
            out.add(new Curve(c.id(), c.run(), kx, ky));
        }
        clipped.removeAll(empty);
        if (!empty.isEmpty()) {
            notes.add("Not drawn (no " + (logY ? "positive" : "finite") + " values): " + String.join(", ", empty));
        }
        if (!clipped.isEmpty()) {
            notes.add("Values ≤ 0 left out on the log axis: " + String.join(", ", clipped));
        }
        return out;
    }

    /** The first label no longer than the panel is high, else the last one cut to fit. */
    private static String fitYLabel(List<String> candidates, int room) {
        for (String label : candidates) {
            if (Text.width(Style.AXIS_TITLE, label) <= room) {
                return label;
            }
        }
        return Text.fit(Style.AXIS_TITLE, candidates.get(candidates.size() - 1), Math.max(room, 40));
    }

    private static double[] yRange(List<Curve> curves, List<String> ids) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            if (ids.contains(c.id())) {
                for (double v : c.y()) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static double[] range(List<Curve> curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (double v : c.x()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    static Legend.Entry runEntry(String name, int run) {
        BasicStroke stroke = Style.runStroke(run);
        return new Legend.Entry(name, Style.AXIS, stroke, false);
    }
}
