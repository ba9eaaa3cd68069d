package org.osteon.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * Legends are drawn here rather than by XChart: stacked panels then share one legend column
 * (so their plot areas line up), and the labels stay real text in SVG (XChart draws glyph
 * outlines), where they can be searched and copied.
 */
final class Legend {
    static final int SAMPLE = 30;
    static final int GAP = 8;
    static final int ROW = 22;

    private Legend() {
    }

    /** One legend line; {@code gapBefore} separates the run key from the symbol key. */
    record Entry(String text, Color color, BasicStroke stroke, boolean gapBefore) {
    }

    /** "Display name (id)", or just the id when there is no separate display name. */
    static String text(String id, String label) {
        if (label == null || label.isBlank() || label.equals(id)) {
            return id;
        }
        return label + " (" + id + ")";
    }

    static int width(Graphics2D g, List<Entry> entries) {
        FontMetrics fm = g.getFontMetrics(Style.LEGEND);
        int w = 0;
        for (Entry e : entries) {
            w = Math.max(w, fm.stringWidth(e.text()));
        }
        return entries.isEmpty() ? 0 : SAMPLE + GAP + w;
    }

    static int height(List<Entry> entries) {
        int h = 0;
        for (Entry e : entries) {
            h += ROW + (e.gapBefore() ? ROW / 2 : 0);
        }
        return h;
    }

    /** Draws the entries from (x, top) within maxWidth; returns the y just below the last. */
    static int paint(Graphics2D g, List<Entry> entries, int x, int top, int maxWidth) {
        g.setFont(Style.LEGEND);
        FontMetrics fm = g.getFontMetrics();
        int y = top;
        for (Entry e : entries) {
            if (e.gapBefore()) {
                y += ROW / 2;
            }
            double mid = y + ROW / 2.0;
            g.setColor(e.color());
            g.setStroke(e.stroke());
            g.draw(new Line2D.Double(x, mid, x + SAMPLE, mid));
            g.setColor(Style.TEXT);
            String text = Text.fitKeepingId(fm, e.text(), maxWidth - SAMPLE - GAP);
            g.drawString(text, x + SAMPLE + GAP, (float) (mid + (fm.getAscent() - fm.getDescent()) / 2.0));
            y += ROW;
        }
        return y;
    }
}
