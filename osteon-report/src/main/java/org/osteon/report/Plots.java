package org.osteon.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.imageio.ImageIO;
import org.osteon.trajectory.AtomicFiles;

/**
 * Publication plots of simulation results, as PNG or SVG.
 *
 * <p>Every plot is a {@link Figure}; {@link #png}, {@link #svg}, {@link #writePng} and
 * {@link #writeSvg} turn any of them into an image. Files are written atomically: a failed write
 * never leaves a partial file behind. Rendering needs no display ({@code java.awt.headless}).
 */
public final class Plots {
    private Plots() {
    }

    /**
     * Time courses of one or more runs overlaid: colour per symbol (the same everywhere, see
     * {@link Palette}), dash per run. Symbols with different units, or on a linear axis with
     * peaks more than 10× apart, go to separate panels stacked over a shared time axis; when
     * that would need more panels than fit, a log axis is used instead (and noted under the plot).
     *
     * @throws java.util.NoSuchElementException if a requested series is in none of the runs
     * @throws IllegalArgumentException if the runs have different time units, or % change from
     *                                  the first run is asked for with a single run
     */
    public static Figure timeSeries(List<NamedTrajectory> runs, PlotSpec spec) {
        return TimeSeriesFigure.build(runs, spec);
    }

    /**
     * Summary outputs against a scanned value (a 1-D scan): one line with markers per output,
     * split into panels like {@link #timeSeries}. Uses the spec's title, series (to choose and
     * order outputs), y label, log flags and size; % change is not supported.
     *
     * @param xLabel label of the scanned quantity, with unit
     */
    public static Figure line(String xLabel, double[] x, List<Series> outputs, PlotSpec spec) {
        if (spec.percentChange() != PlotSpec.Baseline.NONE) {
            throw new IllegalArgumentException("% change is for time series only");
        }
        Map<String, Series> byId = new LinkedHashMap<>();
        for (Series s : outputs) {
            if (s.values().length != x.length) {
                throw new IllegalArgumentException("output " + s.id() + " has " + s.values().length
                        + " values for " + x.length + " scan points");
            }
            byId.put(s.id(), s);
        }
        List<String> ids = spec.series().isEmpty() ? new ArrayList<>(byId.keySet()) : spec.series();
        Map<String, XyFigures.Symbol> symbols = new LinkedHashMap<>();
        List<XyFigures.Curve> curves = new ArrayList<>();
        for (String id : ids) {
            Series s = byId.get(id);
            if (s == null) {
                throw new NoSuchElementException("no output '" + id + "' among " + byId.keySet());
            }
            symbols.put(id, new XyFigures.Symbol(id, s.legendText(), s.unit()));
            curves.add(new XyFigures.Curve(id, 0, x.clone(), s.values()));
        }
        XyFigures.Layout layout = new XyFigures.Layout(spec.title(), xLabel, spec.logX(), spec.logY(), true,
                spec.width(), spec.height(), true, group -> scanYLabels(spec, group, byId), List.of());
        return XyFigures.build(curves, symbols, layout, List.of());
    }

    /**
     * Ranked horizontal bars, largest |value| on top, positive and negative in two colours: the
     * usual view of sensitivity coefficients. Bars that do not fit at a readable size are left
     * out (the smallest first) and counted under the plot.
     *
     * @param valueLabel label of the value axis, e.g. "normalised sensitivity of BV at day 365"
     */
    public static Figure bar(List<Bar> bars, String valueLabel, PlotSpec spec) {
        List<Bar> ranked = new ArrayList<>(bars);
        // NaN sorts last: a failed coefficient is the least informative bar.
        ranked.sort(Comparator.comparingDouble((Bar b) -> Double.isNaN(b.value()) ? -1 : Math.abs(b.value()))
                .reversed());
        int room = (spec.height() - (spec.title().isEmpty() ? 0 : 36) - 80) / BarPanel.MIN_ROW;
        List<String> notes = new ArrayList<>();
        if (ranked.size() > room) {
            notes.add("Showing the " + room + " largest of " + ranked.size() + " values.");
            ranked = ranked.subList(0, Math.max(1, room));
        }
        Panel panel = ranked.isEmpty() ? new MessagePanel("Nothing to plot.") : new BarPanel(ranked, valueLabel);
        return new Figure(spec.title(), spec.width(), spec.height(), List.of(panel), notes);
    }

    /**
     * Population percentiles over time: for each output a panel with the 5th–95th and 25th–75th
     * percentile bands and the median line. Uses the spec's title and size.
     *
     * @param timeLabel the time axis label, with unit
     * @param notes     remarks printed under the plot (e.g. how many patients failed)
     */
    /**
     * Data points over lines, one panel each: observed values over fitted curves, or residuals
     * over the zero line. Uses the spec's title and size.
     */
    public static Figure pointsAndLines(List<PointsAndLine> panels, String xLabel, PlotSpec spec, List<String> notes) {
        return PointsFigure.build(panels, xLabel, spec, notes);
    }

    public static Figure bands(List<BandSeries> outputs, String timeLabel, PlotSpec spec, List<String> notes) {
        return BandFigure.build(outputs, timeLabel, spec, notes);
    }

    /**
     * The percentile bands of a population run, one panel per output, with the count of
     * failed patients under the plot when there are any.
     *
     * @param units  unit of each output (missing: none)
     * @param labels display name of each output (missing: the id)
     */
    public static Figure population(org.osteon.analysis.population.PopulationResult r, Map<String, String> units,
                                    Map<String, String> labels, PlotSpec spec) {
        List<BandSeries> series = new ArrayList<>();
        org.osteon.analysis.population.PercentileSketches s = r.percentiles();
        int nt = r.times().length;
        for (int o = 0; o < r.outputs().size(); o++) {
            double[][] q = new double[5][nt];
            for (int t = 0; t < nt; t++) {
                double[] v = s.quantiles(o, t);
                for (int k = 0; k < 5; k++) {
                    q[k][t] = v[k];
                }
            }
            String id = r.outputs().get(o);
            series.add(new BandSeries(id, labels.get(id), units.get(id), r.times(), q[0], q[1], q[2], q[3], q[4]));
        }
        List<String> notes = new ArrayList<>();
        notes.add(r.succeeded() + " of " + r.patients() + " patients" + (r.failures().count() > 0
                ? "; " + r.failures().count() + " failed and are not included" : ""));
        String unit = r.timeUnit();
        return bands(series, unit == null ? "time" : "time [" + unit + "]", spec, notes);
    }

    /** A 2-D scan as a heat map with a labelled colour bar; uses the spec's title and size. */
    public static Figure heatMap(ScanGrid grid, PlotSpec spec) {
        List<String> notes = new ArrayList<>();
        for (double[] row : grid.z()) {
            if (java.util.Arrays.stream(row).anyMatch(v -> !Double.isFinite(v))) {
                notes.add("Grey cells: no value (failed or undefined).");
                break;
            }
        }
        return new Figure(spec.title(), spec.width(), spec.height(), List.of(new HeatMapPanel(grid)), notes);
    }

    /** The figure as PNG bytes, one pixel per unit. */
    public static byte[] png(Figure figure) {
        return png(figure, 1);
    }

    /**
     * The figure as PNG bytes, {@code scale} pixels per unit: 2 or 3 gives print resolution with
     * the same layout.
     */
    public static byte[] png(Figure figure, double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
        }
        int w = (int) Math.round(figure.width() * scale);
        int h = (int) Math.round(figure.height() * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            figure.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The figure as a standalone SVG document (text stays text; no external references). */
    public static String svg(Figure figure) {
        return Svg.render(figure);
    }

    /** Writes the figure as PNG, atomically, creating missing parent directories. */
    public static void writePng(Figure figure, Path file) throws IOException {
        writePng(figure, file, 1);
    }

    /** Writes the figure as PNG at {@code scale} pixels per unit, atomically. */
    public static void writePng(Figure figure, Path file, double scale) throws IOException {
        byte[] bytes = png(figure, scale);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Writes the figure as SVG (UTF-8), atomically, creating missing parent directories. */
    public static void writeSvg(Figure figure, Path file) throws IOException {
        String text = svg(figure);
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> scanYLabels(PlotSpec spec, List<XyFigures.Symbol> group, Map<String, Series> byId) {
        if (spec.yLabel() != null) {
            return List.of(spec.yLabel());
        }
        Series first = byId.get(group.get(0).id());
        List<String> names = new ArrayList<>();
        if (group.size() == 1) {
            if (first.label() != null) {
                names.add(first.label());
            }
            names.add(first.id());
        } else {
            names.add("value");
        }
        return Labels.withUnit(names, first.unit());
    }
}
