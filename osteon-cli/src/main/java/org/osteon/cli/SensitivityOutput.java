package org.osteon.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.osteon.analysis.Sensitivity;
import org.osteon.report.Bar;
import org.osteon.report.Figure;
import org.osteon.report.HtmlReport;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;

/** What {@code osteon sensitivity} writes: the coefficient table, the ranked text, the bar charts and the report. */
final class SensitivityOutput {
    private SensitivityOutput() {
    }

    /** One row per output and parameter, ranked by |S| within each output. */
    static DataTable table(Sensitivity.Result r, AnalysisTarget t) {
        DataTable d = new DataTable(List.of("output", "parameter", "rank", "S", "error", "parameter_value", "output_value", "problem"));
        for (String o : t.outputs()) {
            int rank = 1;
            for (Sensitivity.Coefficient c : r.ranked(o)) {
                d.add(o, c.parameter(), rank++, c.value(), c.error(), c.parameterValue(), c.outputValue(),
                        c.problem() == null ? "" : c.problem());
            }
        }
        return d;
    }

    /** A ranked table per output, for people. */
    static void print(Sensitivity.Result r, AnalysisTarget t, PrintWriter out) {
        for (String o : t.outputs()) {
            out.println("Sensitivity of " + r.summary().column(o) + " (" + t.name() + "), relative step "
                    + TextTable.number(r.step()) + ", rtol " + TextTable.number(r.settings().rtol()) + ":");
            TextTable table = new TextTable("PARAMETER", "S", "± ERROR", "VALUE", "NOTE");
            for (Sensitivity.Coefficient c : r.ranked(o)) {
                table.row(c.parameter(), c.value(),
                        TextTable.number(c.error()), c.parameterValue(), c.problem());
            }
            table.print(out, "  ");
            out.println();
        }
    }

    /** Ranked bars for one output, tall enough to show every parameter at a readable size. */
    static Figure figure(Sensitivity.Result r, AnalysisTarget t, String output) {
        List<Bar> bars = new ArrayList<>();
        for (Sensitivity.Coefficient c : r.ranked(output)) {
            bars.add(new Bar(c.parameter(), c.value()));
        }
        int height = Math.max(PlotSpec.DEFAULT_HEIGHT, Math.min(2000, 140 + 22 * bars.size()));
        return Plots.bar(bars, "normalised sensitivity of " + r.summary().column(output),
                PlotSpec.titled("Sensitivity of " + r.summary().column(output) + " (" + t.name() + ")")
                        .withSize(PlotSpec.DEFAULT_WIDTH, height));
    }

    static HtmlReport report(Sensitivity.Result r, AnalysisTarget t) {
        ModelInfo info = ModelInfo.of(t.scenario(), t.runner());
        HtmlReport html = HtmlReport.titled("Sensitivity: " + t.name())
                .description("Normalised local sensitivities S = (dy/dp)(p/y) of the " + r.summary().label() + " value of "
                        + String.join(", ", t.outputs()) + ". Central differences at relative steps " + r.step() + " and "
                        + r.step() / 2 + ", Richardson-extrapolated; solver " + r.settings().method() + " with rtol "
                        + r.settings().rtol() + ", atol " + r.settings().atol() + ". The error column adds the truncation"
                        + " estimate |S(h/2) - S(h)|/3 and the solver error's share.\n\n"
                        + Reports.description(t.scenario(), info))
                .model(info.summary());
        for (String o : t.outputs()) {
            List<List<String>> rows = new ArrayList<>();
            for (Sensitivity.Coefficient c : r.ranked(o)) {
                rows.add(List.of(c.parameter(), org.osteon.report.Table.number(c.value()),
                        org.osteon.report.Table.number(c.error()), org.osteon.report.Table.number(c.parameterValue()),
                        c.problem() == null ? "" : c.problem()));
            }
            html.section("Sensitivity of " + r.summary().column(o), "", figure(r, t, o));
            html.section("Coefficients for " + r.summary().column(o),
                    new org.osteon.report.Table(List.of("Parameter", "S", "Error", "Parameter value", "Note"), rows));
        }
        html.section("Scenario", ScenarioTable.of(t.scenario(), t.runner()));
        return html;
    }
}
