package org.osteon.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/** Population percentile bands over time: one panel per output, stacked over a shared time axis. */
final class BandFigure {
    private static final int X_AXIS_HEIGHT = 48;

    private BandFigure() {
    }

    static Figure build(List<BandSeries> outputs, String timeLabel, PlotSpec spec, List<String> notes) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no outputs to plot");
        }
        double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (BandSeries s : outputs) {
            for (double t : s.time()) {
                xRange[0] = Math.min(xRange[0], t);
                xRange[1] = Math.max(xRange[1], t);
            }
        }
        List<Panel> panels = new ArrayList<>();
        for (int p = 0; p < outputs.size(); p++) {
            BandSeries s = outputs.get(p);
            Color color = Palette.preferred(s.id());
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] a : new double[][] {s.p05(), s.p95(), s.p50()}) {
                for (double v : a) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (!(lo <= hi)) {
                panels.add(new MessagePanel("No values of " + s.id() + ": every patient's run failed."));
                continue;
            }
            if (lo == hi) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
                lo -= pad;
                hi += pad;
            }
            boolean last = p == outputs.size() - 1;
            XYChart chart = new XYChart(spec.width(), spec.height());
            XChartStyle.apply(chart.getStyler());
            XYStyler st = chart.getStyler();
            st.setXAxisMin(xRange[0]);
            st.setXAxisMax(xRange[1]);
            st.setXAxisTicksVisible(last);
            st.setXAxisTitleVisible(last);
            chart.setXAxisTitle(timeLabel);
            chart.setYAxisTitle(Text.fit(Style.AXIS_TITLE, s.unit() == null ? s.id() : s.id() + " [" + s.unit() + "]",
                    Math.max(60, spec.height() / outputs.size() - 40)));
            st.setXAxisDecimalPattern(XChartStyle.decimalPattern(xRange[0], xRange[1], false));
            st.setYAxisDecimalPattern(XChartStyle.decimalPattern(lo, hi, false));
            XyFigures.frame(chart, xRange, new double[] {lo, hi}, false, false);
            List<ChartPanel.Band> bands = List.of(
                    new ChartPanel.Band(s.time(), s.p05(), s.p95(), alpha(color, 0.18)),
                    new ChartPanel.Band(s.time(), s.p25(), s.p75(), alpha(color, 0.36)));
            List<ChartPanel.Trace> traces = List.of(new ChartPanel.Trace(s.time(), s.p50(), color, Style.runStroke(0), false));
            List<Legend.Entry> legend = List.of(
                    new Legend.Entry("median", color, Style.runStroke(0), false),
                    new Legend.Entry("25th–75th percentile", alpha(color, 0.36), new java.awt.BasicStroke(10f), false),
                    new Legend.Entry("5th–95th percentile", alpha(color, 0.18), new java.awt.BasicStroke(10f), false));
            int extra = last && outputs.size() > 1 ? X_AXIS_HEIGHT : 0;
            panels.add(new ChartPanel(chart, legend, bands, traces, extra, new double[0], xRange));
        }
        return new Figure(spec.title(), spec.width(), spec.height(), panels, notes);
    }

    /** The colour blended with white: translucent look without transparency, which SVG viewers treat alike. */
    private static Color alpha(Color c, double a) {
        return new Color((int) Math.round(255 - a * (255 - c.getRed())), (int) Math.round(255 - a * (255 - c.getGreen())),
                (int) Math.round(255 - a * (255 - c.getBlue())));
    }
}
