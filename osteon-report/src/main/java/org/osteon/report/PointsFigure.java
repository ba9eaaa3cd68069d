package org.osteon.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/** Panels of data points over lines (data vs fit, residuals), stacked, each with its own x range. */
final class PointsFigure {
    private static final int X_AXIS_HEIGHT = 48;

    private PointsFigure() {
    }

    static Figure build(List<PointsAndLine> panelsIn, String xLabel, PlotSpec spec, List<String> notes) {
        if (panelsIn.isEmpty()) {
            throw new IllegalArgumentException("no panels to plot");
        }
        List<Panel> panels = new ArrayList<>();
        for (int p = 0; p < panelsIn.size(); p++) {
            PointsAndLine s = panelsIn.get(p);
            double[] xr = range(s.lineX(), s.pointsX());
            double[] yr = range(s.lineY(), s.pointsY());
            if (!(xr[0] <= xr[1]) || !(yr[0] <= yr[1])) {
                panels.add(new MessagePanel("No finite values for " + s.label()));
                continue;
            }
            pad(xr);
            pad(yr);
            boolean last = p == panelsIn.size() - 1;
            XYChart chart = new XYChart(spec.width(), spec.height());
            XChartStyle.apply(chart.getStyler());
            XYStyler st = chart.getStyler();
            st.setXAxisMin(xr[0]);
            st.setXAxisMax(xr[1]);
            st.setXAxisTicksVisible(true);
            st.setXAxisTitleVisible(last);
            chart.setXAxisTitle(xLabel);
            chart.setYAxisTitle(Text.fit(Style.AXIS_TITLE, s.label(), Math.max(60, spec.height() / panelsIn.size() - 40)));
            st.setXAxisDecimalPattern(XChartStyle.decimalPattern(xr[0], xr[1], false));
            st.setYAxisDecimalPattern(XChartStyle.decimalPattern(yr[0], yr[1], false));
            XyFigures.frame(chart, xr, yr, false, false);
            Color line = Palette.preferred(s.label());
            Color dots = Color.DARK_GRAY;
            List<ChartPanel.Trace> traces = new ArrayList<>();
            traces.add(new ChartPanel.Trace(s.lineX(), s.lineY(), line, Style.runStroke(0), false));
            traces.add(new ChartPanel.Trace(isolated(s.pointsX()), isolated(s.pointsY()), dots, Style.runStroke(0), true));
            List<Legend.Entry> legend = List.of(new Legend.Entry(s.legend()[0], line, Style.runStroke(0), false),
                    new Legend.Entry(s.legend()[1], dots, Style.runStroke(0), false));
            int extra = X_AXIS_HEIGHT / 2 + (last ? X_AXIS_HEIGHT / 2 : 0);
            panels.add(new ChartPanel(chart, legend, traces, extra, new double[0], xr));
        }
        return new Figure(spec.title(), spec.width(), spec.height(), panels, notes);
    }

    /** Values with NaN between them, so that each is drawn as a dot and no line joins them. */
    private static double[] isolated(double[] v) {
        double[] out = new double[Math.max(0, 2 * v.length - 1)];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = 0; i < v.length; i++) {
            out[2 * i] = v[i];
        }
        return out;
    }

    private static double[] range(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] arr : new double[][] {a, b}) {
            for (double v : arr) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static void pad(double[] r) {
        double w = r[1] - r[0];
        double pad = w == 0 ? (r[0] == 0 ? 1 : Math.abs(r[0]) * 0.05) : w * 0.04;
        r[0] -= pad;
        r[1] += pad;
    }
}
