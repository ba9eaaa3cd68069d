package org.osteon.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Horizontal bars, largest |value| on top: the layout of a sensitivity ranking, where the labels
 * (parameter names) are long and the sign matters. XChart has no horizontal bars, hence this.
 */
final class BarPanel implements Panel {
    static final Color POSITIVE = new Color(0x0072B2);
    static final Color NEGATIVE = new Color(0xD55E00);
    static final int MIN_ROW = 20;

    private final List<Bar> bars;
    private final String valueLabel;

    /** @param bars already ranked and cut to what fits */
    BarPanel(List<Bar> bars, String valueLabel) {
        this.bars = List.copyOf(bars);
        this.valueLabel = valueLabel == null ? "" : valueLabel;
    }

    @Override
    public void paint(Graphics2D g, Rectangle area) {
        FontMetrics tick = g.getFontMetrics(Style.TICK);
        FontMetrics labels = g.getFontMetrics(Style.LEGEND);
        double lo = 0;
        double hi = 0;
        int labelWidth = 0;
        int valueWidth = 0;
        for (Bar b : bars) {
            if (Double.isFinite(b.value())) {
                lo = Math.min(lo, b.value());
                hi = Math.max(hi, b.value());
            }
            labelWidth = Math.max(labelWidth, labels.stringWidth(b.label()));
            valueWidth = Math.max(valueWidth, tick.stringWidth(Numbers.brief(b.value())));
        }
        if (lo == hi) {
            hi = 1;
        }
        int pad = 12;
        labelWidth = Math.min(labelWidth, (int) (area.width * 0.4));
        int left = area.x + pad + labelWidth + pad;
        int right = area.x + area.width - pad;
        int axisHeight = valueLabel.isEmpty() ? 32 : 56;
        int top = area.y + 6;
        int bottom = area.y + area.height - axisHeight;
        // Room for the value printed at the end of each bar, on whichever sides bars point to.
        int dataLeft = left + (lo < 0 ? valueWidth + 8 : 0);
        int dataRight = right - (hi > 0 ? valueWidth + 8 : 0);
        double step = Ticks.step(lo, hi, Math.max(2, (dataRight - dataLeft) / 90));
        lo = Math.floor(lo / step) * step;
        hi = Math.ceil(hi / step) * step;
        double scale = (dataRight - dataLeft) / (hi - lo);
        double zeroX = dataLeft + (0 - lo) * scale;

        g.setStroke(new BasicStroke(1f));
        g.setFont(Style.TICK);
        for (double t : Ticks.within(lo, hi, step)) {
            double x = dataLeft + (t - lo) * scale;
            g.setColor(Style.GRID);
            g.draw(new Line2D.Double(x, top, x, bottom));
            g.setColor(Style.AXIS);
            g.draw(new Line2D.Double(x, bottom, x, bottom + 5));
            g.setColor(Style.TEXT);
            Text.centred(g, Numbers.tick(t), x, bottom + 8 + tick.getAscent() / 2.0 + 2);
        }
        g.setColor(Style.AXIS);
        g.draw(new Line2D.Double(dataLeft, bottom, dataRight, bottom));
        if (!valueLabel.isEmpty()) {
            g.setFont(Style.AXIS_TITLE);
            g.setColor(Style.TEXT);
            Text.centred(g, valueLabel, (dataLeft + dataRight) / 2.0, bottom + 42);
        }

        double row = (bottom - top) / (double) Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cy = top + (i + 0.5) * row;
            g.setFont(Style.LEGEND);
            g.setColor(Style.TEXT);
            Text.rightAligned(g, Text.fit(labels, b.label(), labelWidth), left - pad, cy);
            if (!Double.isFinite(b.value())) {
                g.setFont(Style.TICK);
                g.setColor(Style.MUTED_TEXT);
                g.drawString("n/a", (float) zeroX + 6, (float) (cy + tick.getAscent() / 2.0 - 1));
                continue;
            }
            double end = dataLeft + (b.value() - lo) * scale;
            double h = Math.min(row * 0.7, 28);
            g.setColor(b.value() >= 0 ? POSITIVE : NEGATIVE);
            g.fill(new Rectangle2D.Double(Math.min(zeroX, end), cy - h / 2, Math.abs(end - zeroX), h));
            g.setFont(Style.TICK);
            g.setColor(Style.TEXT);
            String text = Numbers.brief(b.value());
            if (b.value() >= 0) {
                g.drawString(text, (float) end + 5, (float) (cy + (tick.getAscent() - tick.getDescent()) / 2.0));
            } else {
                Text.rightAligned(g, text, end - 5, cy);
            }
        }
        g.setColor(Style.AXIS);
        g.draw(new Line2D.Double(zeroX, top, zeroX, bottom));
    }
}
