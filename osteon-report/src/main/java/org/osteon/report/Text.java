package org.osteon.report;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.font.FontRenderContext;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/** Text placement for the parts of figures drawn here (not by XChart). */
final class Text {
    private Text() {
    }

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** Width of text in a font, without a Graphics at hand. */
    static double width(Font font, String text) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    /** The text, shortened with an ellipsis if wider than maxWidth, without a Graphics at hand. */
    static String fit(Font font, String text, int maxWidth) {
        String ellipsis = "…";
        int end = text.length();
        if (width(font, text) <= maxWidth) {
            return text;
        }
        while (end > 0 && width(font, text.substring(0, end) + ellipsis) > maxWidth) {
            end--;
        }
        return text.substring(0, end) + ellipsis;
    }

    /** The text, shortened with an ellipsis if wider than maxWidth. */
    static String fit(FontMetrics fm, String text, int maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        String ellipsis = "…";
        int end = text.length();
        while (end > 0 && fm.stringWidth(text.substring(0, end) + ellipsis) > maxWidth) {
            end--;
        }
        return text.substring(0, end) + ellipsis;
    }

    /**
     * Like {@link #fit(FontMetrics, String, int)}, but a trailing " (id)" survives: in a legend
     * the id is what tells two long display names apart.
     */
    static String fitKeepingId(FontMetrics fm, String text, int maxWidth) {
        int open = text.lastIndexOf(" (");
        if (fm.stringWidth(text) <= maxWidth || open <= 0 || !text.endsWith(")")) {
            return fit(fm, text, maxWidth);
        }
        String id = text.substring(open);
        int room = maxWidth - fm.stringWidth(id);
        if (room < fm.stringWidth("M…")) {
            return fit(fm, text, maxWidth);
        }
        return fit(fm, text.substring(0, open), room) + id;
    }

    /** Draws text with its visual centre at (cx, cy). */
    static void centred(Graphics2D g, String text, double cx, double cy) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0),
                (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    /** Draws text ending at x, vertically centred on cy. */
    static void rightAligned(Graphics2D g, String text, double x, double cy) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text)), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    /** Draws text turned 90° anticlockwise, centred on (cx, cy): a y-axis title. */
    static void vertical(Graphics2D g, String text, double cx, double cy) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        centred(g, text, 0, 0);
        g.setTransform(saved);
    }
}
