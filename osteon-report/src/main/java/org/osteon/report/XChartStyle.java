package org.osteon.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.knowm.xchart.style.AxesChartStyler;

/** Turns XChart's defaults (grey background, boxed legend, borders) into the plain house style. */
final class XChartStyle {
    private XChartStyle() {
    }

    static void apply(AxesChartStyler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setChartFontColor(Style.TEXT);
        st.setPlotBorderVisible(false);
        st.setChartTitleVisible(false);
        st.setLegendVisible(false);
        st.setToolTipsEnabled(false);
        st.setAntiAlias(true);
        st.setChartPadding(8);
        st.setPlotMargin(4);
        st.setAxisTitleFont(Style.AXIS_TITLE);
        st.setAxisTickLabelsFont(Style.TICK);
        st.setAxisTickLabelsColor(Style.TEXT);
        st.setAxisTickMarksColor(Style.AXIS);
        st.setAxisTickMarkLength(5);
        st.setAxisTitlePadding(6);
        st.setAxisTicksLineVisible(true);
        st.setPlotGridVerticalLinesVisible(false);
        st.setPlotGridHorizontalLinesVisible(true);
        st.setPlotGridLinesColor(Style.GRID);
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        // Minor log ticks come with a grid line each: a grey wash, not information.
        st.setXAxisLogarithmicDecadeOnly(true);
        st.setYAxisLogarithmicDecadeOnly(true);
        st.setXAxisTickMarkSpacingHint(90);
        st.setYAxisTickMarkSpacingHint(45);
        // A tick formatting function would make XChart fall back to evenly spaced, unrounded
        // ticks (and ignore log axes); decimal patterns keep its round ticks.
        st.setLocale(Locale.ROOT);
    }

    /**
     * A tick-label pattern for data in [lo, hi]: plain digits with a leading zero and no
     * grouping in the usual range (XChart's default prints ".002" and "20,000"), scientific
     * notation for very large or very small numbers (on a log axis: at either end).
     */
    static String decimalPattern(double lo, double hi, boolean log) {
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        double small = log ? Math.min(Math.abs(lo), Math.abs(hi)) : big;
        if (!Double.isFinite(big) || big == 0 || (small >= 1e-3 && big < 1e6)) {
            return "0.##########";
        }
        return "0.##E0";
    }
}
