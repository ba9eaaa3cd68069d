package org.osteon.report;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/** One plot area of a figure, painted into the rectangle the figure gives it. */
interface Panel {
    void paint(Graphics2D g, Rectangle area);

    /**
     * Pixels this panel needs beyond its equal share, e.g. for the shared x axis under the
     * bottom panel of a stack, so that all plot areas come out the same height.
     */
    default int extraHeight() {
        return 0;
    }

    /** Entries for the figure's legend column, beside this panel; empty for none. */
    default List<Legend.Entry> legend() {
        return List.of();
    }
}
