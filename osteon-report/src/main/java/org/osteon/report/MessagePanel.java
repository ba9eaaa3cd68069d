package org.osteon.report;

import java.awt.Graphics2D;
import java.awt.Rectangle;

/** Stands in for a plot that has nothing to show, so that a report still renders. */
final class MessagePanel implements Panel {
    private final String message;

    MessagePanel(String message) {
        this.message = message;
    }

    @Override
    public void paint(Graphics2D g, Rectangle area) {
        g.setFont(Style.AXIS_TITLE);
        g.setColor(Style.MUTED_TEXT);
        Text.centred(g, message, area.getCenterX(), area.getCenterY());
    }
}
