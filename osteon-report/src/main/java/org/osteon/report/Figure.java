package org.osteon.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A finished image: a title, one or more panels stacked top to bottom (sharing the x axis for
 * time series), a legend column on the right and optional notes at the bottom. Make one with
 * {@link Plots}; write it with {@link Plots#writePng} or {@link Plots#writeSvg}.
 *
 * <p>The XChart charts behind the panels are reachable through {@link #charts()} for callers who
 * need to adjust a style; a figure is therefore not immutable, and not thread-safe.
 */
public final class Figure {
    private static final int PAD = 12;

    private final String title;
    private final int width;
    private final int height;
    private final List<Panel> panels;
    private final List<String> notes;

    Figure(String title, int width, int height, List<Panel> panels, List<String> notes) {
        this.title = title == null ? "" : title;
        this.width = width;
        this.height = height;
        this.panels = List.copyOf(panels);
        this.notes = List.copyOf(notes);
        if (this.panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
    }

    /** A figure made of ready-made XChart charts, stacked top to bottom, each with its own legend. */
    public static Figure of(String title, int width, int height, List<? extends Chart<?, ?>> charts) {
        List<Panel> panels = new ArrayList<>();
        for (Chart<?, ?> c : charts) {
            panels.add(new ChartPanel(Objects.requireNonNull(c), List.of()));
        }
        return new Figure(title, width, height, panels, List.of());
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Remarks printed under the plot, e.g. which series could not be drawn and why. */
    public List<String> notes() {
        return notes;
    }

    /** The XChart charts of the panels, top to bottom (panels drawn here are not included). */
    public List<Chart<?, ?>> charts() {
        List<Chart<?, ?>> out = new ArrayList<>();
        for (Panel p : panels) {
            if (p instanceof ChartPanel) {
                out.add(((ChartPanel) p).chart());
            }
        }
        return out;
    }

    /** Paints the whole figure into {@code g}, origin at the top left, {@link #width()} × {@link #height()}. */
    public void paint(Graphics2D g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            Style.hints(g2);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, width, height);
            paintContent(g2);
        } finally {
            g2.dispose();
        }
    }

    private void paintContent(Graphics2D g) {
        int top = PAD;
        if (!title.isEmpty()) {
            g.setFont(Style.TITLE);
            FontMetrics fm = g.getFontMetrics();
            g.setColor(Style.TEXT);
            String shown = Text.fit(fm, title, width - 2 * PAD);
            g.drawString(shown, (width - fm.stringWidth(shown)) / 2f, top + fm.getAscent());
            top += fm.getHeight() + PAD / 2;
        }
        int bottom = height - PAD / 2;
        if (!notes.isEmpty()) {
            g.setFont(Style.NOTE);
            FontMetrics fm = g.getFontMetrics();
            bottom = height - PAD / 2 - notes.size() * fm.getHeight();
            g.setColor(Style.MUTED_TEXT);
            for (int i = 0; i < notes.size(); i++) {
                g.drawString(Text.fit(fm, notes.get(i), width - 2 * PAD), PAD,
                        bottom + i * fm.getHeight() + fm.getAscent());
            }
        }
        List<Legend.Entry> all = new ArrayList<>();
        panels.forEach(p -> all.addAll(p.legend()));
        int legendWidth = Math.min(Legend.width(g, all), (int) (width * 0.38));
        int legendColumn = legendWidth == 0 ? 0 : legendWidth + 2 * PAD;
        int plotWidth = width - legendColumn;
        int extra = panels.stream().mapToInt(Panel::extraHeight).sum();
        int each = (bottom - top - extra) / panels.size();

        alignPlotAreas(plotWidth, each);
        List<Rectangle> areas = new ArrayList<>();
        int y0 = top;
        for (Panel p : panels) {
            areas.add(new Rectangle(0, y0, plotWidth, each + p.extraHeight()));
            y0 += each + p.extraHeight();
        }
        // Legends before panels: VectorGraphics2D's SVG output keeps a panel's translation (made on a
        // child graphics) for what the parent draws afterwards, which put the second panel's legend
        // below the figure in SVG while PNG was right.
        int legendBottom = top;
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            if (!p.legend().isEmpty()) {
                // Beside its own panel when there is room; never over the previous panel's legend.
                int y = Math.max(areas.get(i).y + PAD, legendBottom + PAD);
                legendBottom = Legend.paint(g, p.legend(), plotWidth + PAD, y, legendWidth);
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).paint(g, areas.get(i));
        }
    }

    /**
     * XChart sizes each y axis to its own tick labels, which would leave stacked plot areas
     * ragged on the left; measuring them all first and giving every chart the widest makes the
     * shared time axis line up.
     */
    private void alignPlotAreas(int plotWidth, int panelHeight) {
        List<Chart<?, ?>> charts = charts();
        if (charts.size() < 2) {
            return;
        }
        BufferedImage scratch = new BufferedImage(plotWidth, panelHeight, BufferedImage.TYPE_INT_RGB);
        int[] hints = new int[charts.size()];
        double[] widths = measure(charts, hints, scratch, plotWidth, panelHeight);
        double widest = java.util.Arrays.stream(widths).max().orElse(0);
        for (int i = 0; i < hints.length; i++) {
            hints[i] = (int) Math.ceil(widest);
        }
        // XChart pads each axis by (hint - its own estimate), which is not exactly its final
        // width; one corrective round brings the edges within half a pixel.
        widths = measure(charts, hints, scratch, plotWidth, panelHeight);
        widest = java.util.Arrays.stream(widths).max().orElse(0);
        for (int i = 0; i < hints.length; i++) {
            hints[i] += (int) Math.round(widest - widths[i]);
            charts.get(i).getStyler().setYAxisLeftWidthHint(hints[i]);
        }
    }

    private static double[] measure(List<Chart<?, ?>> charts, int[] hints, BufferedImage scratch, int w, int h) {
        double[] widths = new double[charts.size()];
        for (int i = 0; i < widths.length; i++) {
            Chart<?, ?> c = charts.get(i);
            c.getStyler().setYAxisLeftWidthHint(hints[i]);
            Graphics2D g = scratch.createGraphics();
            try {
                Style.hints(g);
                c.paint(g, w, h);
            } finally {
                g.dispose();
            }
            widths[i] = c.getYAxisLeftWidth();
        }
        return widths;
    }
}
