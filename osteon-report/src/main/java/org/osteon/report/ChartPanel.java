package org.osteon.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A panel drawn by an XChart chart, with optional curves drawn on top of it here.
 *
 * <p>Why draw curves ourselves: XChart strokes every segment between two samples as a separate
 * line, so a dash pattern restarts at each sample and never shows on dense trajectories (and SVG
 * output holds one element per segment). XChart still lays out the axes from the same data,
 * added as invisible series; its coordinate transform then places our paths.
 */
final class ChartPanel implements Panel {
    /** One continuous polyline; NaN y values break it. */
    record Trace(double[] x, double[] y, Color color, BasicStroke stroke, boolean markers) {
    }

    /** A filled area between two curves (a percentile band); NaN in either breaks it. */
    record Band(double[] x, double[] lower, double[] upper, Color color) {
    }

    private static final double MARKER_RADIUS = 3.5;

    private final Chart<?, ?> chart;
    private final List<Legend.Entry> legend;
    private final List<Trace> traces;
    private final List<Band> bands;

    private final int extraHeight;
    private final double[] gridY;
    private final double[] xRange;

    ChartPanel(Chart<?, ?> chart, List<Legend.Entry> legend) {
        this(chart, legend, List.of(), 0, new double[0], new double[0]);
    }

    /**
     * @param gridY  y values of horizontal grid lines to draw here (XChart's are off)
     * @param xRange the x extent of the data, which the grid lines span
     */
    ChartPanel(Chart<?, ?> chart, List<Legend.Entry> legend, List<Trace> traces, int extraHeight, double[] gridY,
               double[] xRange) {
        this(chart, legend, List.of(), traces, extraHeight, gridY, xRange);
    }

    /** As above, with filled bands drawn under the traces. */
    ChartPanel(Chart<?, ?> chart, List<Legend.Entry> legend, List<Band> bands, List<Trace> traces, int extraHeight,
               double[] gridY, double[] xRange) {
        this.bands = List.copyOf(bands);
        this.chart = chart;
        this.legend = List.copyOf(legend);
        this.traces = List.copyOf(traces);
        this.extraHeight = extraHeight;
        this.gridY = gridY.clone();
        this.xRange = xRange.clone();
    }

    @Override
    public int extraHeight() {
        return extraHeight;
    }

    Chart<?, ?> chart() {
        return chart;
    }

    @Override
    public void paint(Graphics2D g, Rectangle area) {
        Graphics2D local = (Graphics2D) g.create();
        try {
            local.translate(area.x, area.y);
            chart.paint(local, area.width, area.height);
            Style.hints(local);
            if (!traces.isEmpty() && collapsed()) {
                // XChart silently maps every value to the middle when a plot is too short.
                local.setFont(Style.NOTE);
                local.setColor(Style.MUTED_TEXT);
                Text.centred(local, "(panel too small to draw: make the figure taller)", area.width / 2.0,
                        area.height / 2.0);
                return;
            }
            local.setColor(Style.GRID);
            local.setStroke(new BasicStroke(1f));
            for (double y : gridY) {
                double sy = chart.getScreenYFromChart(y);
                local.draw(new Line2D.Double(chart.getScreenXFromChart(xRange[0]), sy,
                        chart.getScreenXFromChart(xRange[1]), sy));
            }
            for (Band b : bands) {
                paint(local, b);
            }
            for (Trace t : traces) {
                paint(local, t);
            }
        } finally {
            local.dispose();
        }
    }

    private boolean collapsed() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Trace t : traces) {
            for (double v : t.y()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo < hi && chart.getScreenYFromChart(lo) == chart.getScreenYFromChart(hi);
    }

    private void paint(Graphics2D g, Trace t) {
        Path2D.Double path = new Path2D.Double();
        boolean penDown = false;
        double[] x = t.x();
        double[] y = t.y();
        for (int i = 0; i < x.length; i++) {
            if (!finite(x, y, i)) {
                penDown = false;
                continue;
            }
            double sx = chart.getScreenXFromChart(x[i]);
            double sy = chart.getScreenYFromChart(y[i]);
            if (penDown) {
                path.lineTo(sx, sy);
            } else {
                path.moveTo(sx, sy);
                penDown = true;
            }
        }
        g.setColor(t.color());
        g.setStroke(t.stroke());
        g.draw(path);
        for (int i = 0; i < x.length; i++) {
            if (!finite(x, y, i)) {
                continue;
            }
            // A point between gaps (or a one-point run) makes no segment; show it as a dot.
            boolean isolated = !finite(x, y, i - 1) && !finite(x, y, i + 1);
            if (t.markers() || isolated) {
                double sx = chart.getScreenXFromChart(x[i]);
                double sy = chart.getScreenYFromChart(y[i]);
                g.fill(new Ellipse2D.Double(sx - MARKER_RADIUS, sy - MARKER_RADIUS, 2 * MARKER_RADIUS,
                        2 * MARKER_RADIUS));
            }
        }
    }

    private void paint(Graphics2D g, Band b) {
        double[] x = b.x();
        g.setColor(b.color());
        int i = 0;
        while (i < x.length) {
            while (i < x.length && !(finite(x, b.lower(), i) && finite(x, b.upper(), i))) {
                i++;
            }
            int from = i;
            while (i < x.length && finite(x, b.lower(), i) && finite(x, b.upper(), i)) {
                i++;
            }
            if (i - from < 2) {
                continue;
            }
            Path2D.Double area = new Path2D.Double();
            area.moveTo(chart.getScreenXFromChart(x[from]), chart.getScreenYFromChart(b.upper()[from]));
            for (int k = from + 1; k < i; k++) {
                area.lineTo(chart.getScreenXFromChart(x[k]), chart.getScreenYFromChart(b.upper()[k]));
            }
            for (int k = i - 1; k >= from; k--) {
                area.lineTo(chart.getScreenXFromChart(x[k]), chart.getScreenYFromChart(b.lower()[k]));
            }
            area.closePath();
            g.fill(area);
        }
    }

    private static boolean finite(double[] x, double[] y, int i) {
        return i >= 0 && i < x.length && Double.isFinite(x[i]) && Double.isFinite(y[i]);
    }

    @Override
    public List<Legend.Entry> legend() {
        return legend;
    }
}
