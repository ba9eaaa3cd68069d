package org.osteon.report;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * A 2-D scan as coloured cells with a labelled colour bar. Drawn here rather than with XChart's
 * heat map, which prints every coordinate (unreadable beyond ~10 points) and has no colour-bar
 * title. Scan points are shown in order, one cell each, whatever their spacing, so log-spaced
 * scans come out evenly.
 */
final class HeatMapPanel implements Panel {
    private static final int PAD = 12;
    private static final int BAR_WIDTH = 18;
    private static final int TICK = 5;

    private final ScanGrid grid;
    private final ColorMap colors;

    HeatMapPanel(ScanGrid grid) {
        this.grid = grid;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : grid.z()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        this.colors = min <= max ? ColorMap.forRange(min, max) : ColorMap.forRange(0, 1);
    }

    @Override
    public void paint(Graphics2D g, Rectangle area) {
        double[] x = grid.x();
        double[] y = grid.y();
        double[][] z = grid.z();
        FontMetrics tick = g.getFontMetrics(Style.TICK);
        FontMetrics title = g.getFontMetrics(Style.AXIS_TITLE);
        int yTickWidth = 0;
        for (double v : y) {
            yTickWidth = Math.max(yTickWidth, tick.stringWidth(Numbers.brief(v)));
        }
        double barStep = Ticks.step(colors.lo(), colors.hi(), Math.max(2, area.height / 60));
        int barTickWidth = 0;
        for (double t : Ticks.within(colors.lo(), colors.hi(), barStep)) {
            barTickWidth = Math.max(barTickWidth, tick.stringWidth(Numbers.tick(t)));
        }
        int left = area.x + PAD + (grid.yLabel().isEmpty() ? 0 : title.getHeight() + 6) + yTickWidth + TICK + 4;
        int barX = area.x + area.width - PAD - (grid.zLabel().isEmpty() ? 0 : title.getHeight() + 8)
                - barTickWidth - TICK - 4 - BAR_WIDTH;
        int right = barX - 24;
        int top = area.y + 8;
        int bottom = area.y + area.height - PAD - tick.getHeight() - TICK - 4
                - (grid.xLabel().isEmpty() ? 0 : title.getHeight() + 4);
        double cw = (right - left) / (double) x.length;
        double ch = (bottom - top) / (double) y.length;

        for (int j = 0; j < y.length; j++) {
            // Whole-pixel edges: anti-aliased neighbours would otherwise leave pale seams.
            int y0 = (int) Math.round(bottom - (j + 1) * ch);
            int y1 = (int) Math.round(bottom - j * ch);
            for (int i = 0; i < x.length; i++) {
                int x0 = (int) Math.round(left + i * cw);
                int x1 = (int) Math.round(left + (i + 1) * cw);
                g.setColor(colors.color(z[j][i]));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setFont(Style.TICK);
        int xLabelWidth = 0;
        for (double v : x) {
            xLabelWidth = Math.max(xLabelWidth, tick.stringWidth(Numbers.brief(v)));
        }
        int everyX = (int) Math.ceil((xLabelWidth + 12) / cw);
        for (int i = 0; i < x.length; i += everyX) {
            double cx = left + (i + 0.5) * cw;
            g.setColor(Style.AXIS);
            g.draw(new Line2D.Double(cx, bottom, cx, bottom + TICK));
            g.setColor(Style.TEXT);
            Text.centred(g, Numbers.brief(x[i]), cx, bottom + TICK + 4 + tick.getAscent() / 2.0);
        }
        int everyY = (int) Math.ceil((tick.getHeight() + 6) / ch);
        for (int j = 0; j < y.length; j += everyY) {
            double cy = bottom - (j + 0.5) * ch;
            g.setColor(Style.AXIS);
            g.draw(new Line2D.Double(left - TICK, cy, left, cy));
            g.setColor(Style.TEXT);
            Text.rightAligned(g, Numbers.brief(y[j]), left - TICK - 4, cy);
        }
        g.setColor(Style.AXIS);
        g.draw(new Rectangle2D.Double(left, top, right - left, bottom - top));
        g.setFont(Style.AXIS_TITLE);
        g.setColor(Style.TEXT);
        if (!grid.xLabel().isEmpty()) {
            Text.centred(g, grid.xLabel(), (left + right) / 2.0,
                    bottom + TICK + 4 + tick.getHeight() + 4 + title.getHeight() / 2.0);
        }
        if (!grid.yLabel().isEmpty()) {
            Text.vertical(g, grid.yLabel(), area.x + PAD + title.getHeight() / 2.0, (top + bottom) / 2.0);
        }
        paintColorBar(g, barX, top, bottom, barStep);
    }

    private void paintColorBar(Graphics2D g, int x, int top, int bottom, double step) {
        int segments = 64;
        double h = (bottom - top) / (double) segments;
        for (int s = 0; s < segments; s++) {
            double v = colors.lo() + (s + 0.5) / segments * (colors.hi() - colors.lo());
            g.setColor(colors.color(v));
            int y0 = (int) Math.round(bottom - (s + 1) * h);
            int y1 = (int) Math.round(bottom - s * h);
            g.fillRect(x, y0, BAR_WIDTH, y1 - y0);
        }
        g.setColor(Style.AXIS);
        g.draw(new Rectangle2D.Double(x, top, BAR_WIDTH, bottom - top));
        g.setFont(Style.TICK);
        FontMetrics tick = g.getFontMetrics();
        int labelsWidth = 0;
        for (double t : Ticks.within(colors.lo(), colors.hi(), step)) {
            double ty = bottom - (t - colors.lo()) / (colors.hi() - colors.lo()) * (bottom - top);
            g.setColor(Style.AXIS);
            g.draw(new Line2D.Double(x + BAR_WIDTH, ty, x + BAR_WIDTH + TICK, ty));
            g.setColor(Style.TEXT);
            String label = Numbers.tick(t);
            labelsWidth = Math.max(labelsWidth, tick.stringWidth(label));
            g.drawString(label, x + BAR_WIDTH + TICK + 4, (float) (ty + (tick.getAscent() - tick.getDescent()) / 2.0));
        }
        if (!grid.zLabel().isEmpty()) {
            g.setFont(Style.AXIS_TITLE);
            FontMetrics title = g.getFontMetrics();
            Text.vertical(g, grid.zLabel(), x + BAR_WIDTH + TICK + 4 + labelsWidth + 8 + title.getHeight() / 2.0,
                    (top + bottom) / 2.0);
        }
    }
}
