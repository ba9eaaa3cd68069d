package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.osteon.analysis.Comparison;
import org.osteon.report.Figure;
import org.osteon.report.HtmlReport;
import org.osteon.report.NamedTrajectory;
import org.osteon.report.Table;
import org.osteon.trajectory.Column;

/** What {@code osteon compare} writes: the table of series, the summary, and the report. */
final class ComparisonOutput {
    private ComparisonOutput() {
    }

    /** Columns {@code <run>.<symbol>}; in percent mode the baseline (always 0 %) is left out. */
    static DataTable table(Comparison c, List<String> symbols, Comparison.Change kind) {
        List<String> header = new ArrayList<>(List.of("time"));
        int firstRun = kind == Comparison.Change.PERCENT ? 1 : 0;
        List<double[]> columns = new ArrayList<>();
        for (int r = firstRun; r < c.names().size(); r++) {
            for (String s : symbols) {
                header.add(c.names().get(r) + "." + s);
                columns.add(c.series(r, s, kind));
            }
        }
        DataTable t = new DataTable(header);
        double[] times = c.times();
        for (int i = 0; i < times.length; i++) {
            Object[] row = new Object[header.size()];
            row[0] = times[i];
            for (int k = 0; k < columns.size(); k++) {
                row[k + 1] = columns.get(k)[i];
            }
            t.add(row);
        }
        return t;
    }

    /** Final values per run, and each later run's largest change from the baseline (with its time). */
    static TextTable summary(Comparison c, List<String> symbols) {
        List<List<String>> rows = summaryRows(c, symbols);
        TextTable t = new TextTable(rows.get(0));
        rows.subList(1, rows.size()).forEach(r -> t.row(r.toArray()));
        return t;
    }

    private static List<List<String>> summaryRows(Comparison c, List<String> symbols) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("output"));
        c.names().forEach(n -> header.add("final " + n));
        for (int r = 1; r < c.names().size(); r++) {
            header.add("largest change " + c.names().get(r));
        }
        rows.add(header);
        for (String s : symbols) {
            List<String> row = new ArrayList<>(List.of(s));
            for (int r = 0; r < c.names().size(); r++) {
                double[] v = c.values(r, s);
                row.add(TextTable.number(v[v.length - 1]));
            }
            for (int r = 1; r < c.names().size(); r++) {
                row.add(peak(c, r, s));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A unit in brackets that is a percentage: "[%]", "[% of baseline]". */
    private static final Pattern PERCENT_IN_LABEL = Pattern.compile("\\[\\s*%[^\\]]*]");

    /**
     * E.g. {@code +125.2% at t=10}: the largest |% change| and when. For an output that is itself a
     * percentage (BV_change) a % of a % reads as nonsense (-210.8 %), so its change is the
     * difference in percentage points: {@code -3.2 pp at t=365}.
     */
    private static String peak(Comparison c, int r, String symbol) {
        boolean points = percentValued(c.aligned(c.baseline()).columnInfo(symbol));
        double[] pct = points ? difference(c, r, symbol) : c.percentChange(r, symbol);
        double[] times = c.times();
        int best = -1;
        for (int i = 0; i < pct.length; i++) {
            if (!Double.isNaN(pct[i]) && (best < 0 || Math.abs(pct[i]) > Math.abs(pct[best]))) {
                best = i;
            }
        }
        return best < 0 ? "n/a" : String.format(Locale.ROOT, points ? "%+.4g pp at t=%s" : "%+.4g%% at t=%s", pct[best],
                TextTable.number(times[best]));
    }

    /** Whether an output's values are percentages: its unit is % (or percent), or its label says [%...]. */
    static boolean percentValued(Column column) {
        String unit = column.unit() == null ? "" : column.unit().trim();
        if (unit.equals("%") || unit.equalsIgnoreCase("percent")) {
            return true;
        }
        return column.label() != null && PERCENT_IN_LABEL.matcher(column.label()).find();
    }

    /** Run r minus the baseline, in the output's own unit (percentage points for a percentage). */
    private static double[] difference(Comparison c, int r, String symbol) {
        double[] v = c.values(r, symbol);
        double[] b = c.values(c.baseline(), symbol);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - b[i];
        }
        return out;
    }

    static String title(Comparison c, Comparison.Change kind) {
        return kind == Comparison.Change.PERCENT ? "% change from " + c.names().get(0) : String.join(" vs ", c.names());
    }

    /**
     * @param runs one row per run: name, source, model, description
     */
    static HtmlReport report(Comparison c, Comparison.Change kind, List<String> symbols, List<NamedTrajectory> named,
                             Figure figure, ModelInfo info, List<List<String>> runs) {
        HtmlReport html = HtmlReport.titled("Comparison: " + String.join(", ", c.names()))
                .description("Baseline: " + c.names().get(0) + ". "
                        + (kind == Comparison.Change.PERCENT ? "The plot shows the % change from the baseline at each time."
                        : "The plot overlays the runs' values.")
                        + (c.resampled().isEmpty() ? "" : "\n\nResampled onto the baseline's time grid: "
                        + String.join(", ", c.resampled()) + "."))
                .model(info.summary())
                .figure(title(c, kind), figure);
        for (NamedTrajectory n : named) {
            html.outputs(n, symbols);
        }
        html.solverStatistics(named);
        html.section("Runs", new Table(List.of("Run", "Source", "Model", "Description"), runs));
        List<List<String>> summary = summaryRows(c, symbols);
        html.section("Final values and largest change from the baseline",
                new Table(summary.get(0), summary.subList(1, summary.size())));
        return html;
    }
}
