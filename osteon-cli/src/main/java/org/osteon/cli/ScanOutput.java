package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import org.osteon.analysis.ScanResult;
import org.osteon.report.Figure;
import org.osteon.report.HtmlReport;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;
import org.osteon.report.ScanGrid;
import org.osteon.report.Series;
import org.osteon.report.Table;

/** What {@code osteon scan} writes: the table of points, the line plot or heat maps, and the report. */
final class ScanOutput {
    private ScanOutput() {
    }

    /** One row per point: the scanned values, then one column per output summary, e.g. {@code max(OCa)}. */
    static DataTable table(ScanResult r) {
        List<String> header = new ArrayList<>(List.of(r.x().symbol()));
        if (r.twoDimensional()) {
            header.add(r.y().symbol());
        }
        r.outputs().forEach(o -> header.add(r.summary().column(o)));
        DataTable t = new DataTable(header);
        int ny = r.twoDimensional() ? r.y().size() : 1;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < r.x().size(); i++) {
                List<Object> row = new ArrayList<>();
                row.add(r.x().value(i));
                if (r.twoDimensional()) {
                    row.add(r.y().value(j));
                }
                for (int o = 0; o < r.outputs().size(); o++) {
                    row.add(r.value(o, i, j));
                }
                t.add(row.toArray());
            }
        }
        return t;
    }

    /** A line plot of all outputs (1-D) or one heat map per output (2-D). */
    static List<Figure> figures(ScanResult r, AnalysisTarget t, PlotOptions plot) {
        String title = r.summary().label() + " over " + r.x().symbol() + " (" + t.name() + ")";
        List<Figure> out = new ArrayList<>();
        if (!r.twoDimensional()) {
            List<Series> series = new ArrayList<>();
            for (String o : r.outputs()) {
                series.add(new Series(o, t.summaryLabel(o, r.summary()), t.summaryUnit(o, r.summary()), r.line(o)));
            }
            PlotSpec spec = plot.spec(title, series.size()).withLogX(r.x().logarithmic());
            out.add(Plots.line(t.label(r.x().symbol()), r.x().values(), series, spec));
            return out;
        }
        for (String o : r.outputs()) {
            String unit = t.summaryUnit(o, r.summary());
            ScanGrid grid = new ScanGrid(t.label(r.x().symbol()), r.x().values(), t.label(r.y().symbol()), r.y().values(),
                    r.grid(o), r.summary().column(o) + (unit == null ? "" : " [" + unit + "]"));
            out.add(Plots.heatMap(grid, PlotSpec.titled(r.summary().column(o) + " over " + r.x().symbol() + " and "
                    + r.y().symbol() + " (" + t.name() + ")")));
        }
        return out;
    }

    static HtmlReport report(ScanResult r, AnalysisTarget t, DataTable data, PlotOptions plot) {
        ModelInfo info = ModelInfo.of(t.scenario(), t.runner());
        String what = "Scan of " + r.x().symbol() + " from " + TextTable.number(r.x().value(0)) + " to "
                + TextTable.number(r.x().value(r.x().size() - 1)) + " (" + r.x().size() + " points"
                + (r.x().logarithmic() ? ", log spacing" : "") + ")"
                + (r.twoDimensional() ? " and of " + r.y().symbol() + " from " + TextTable.number(r.y().value(0)) + " to "
                + TextTable.number(r.y().value(r.y().size() - 1)) + " (" + r.y().size() + " points)" : "")
                + "; each run summarised by the " + r.summary().label() + " value of " + String.join(", ", r.outputs()) + ".";
        HtmlReport html = HtmlReport.titled("Scan: " + t.name())
                .description(what + "\n\n" + Reports.description(t.scenario(), info))
                .model(info.summary());
        List<Figure> figures = figures(r, t, plot);
        for (int i = 0; i < figures.size(); i++) {
            html.figure(r.twoDimensional() ? r.outputs().get(i) : "", figures.get(i),
                    r.twoDimensional() ? HtmlReport.Embed.PNG : HtmlReport.Embed.SVG);
        }
        html.section("Scenario", ScenarioTable.of(t.scenario(), t.runner()));
        html.section("Values", data.report());
        if (!r.failures().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (ScanResult.Failure f : r.failures()) {
                rows.add(List.of(Table.number(f.x()), r.twoDimensional() ? Table.number(f.y()) : "", f.message()));
            }
            html.section("Failed runs", new Table(List.of(r.x().symbol(), r.twoDimensional() ? r.y().symbol() : "-",
                    "Reason"), rows));
        }
        return html;
    }
}
