package org.osteon.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.osteon.analysis.fit.Curve;
import org.osteon.analysis.fit.FitResult;
import org.osteon.analysis.fit.FitSpec;
import org.osteon.report.HtmlReport;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;
import org.osteon.report.PointsAndLine;
import org.osteon.report.Table;
import org.osteon.scenario.ScenarioRunner;

/** What {@code osteon fit} prints and its HTML report. */
final class FitReport {
    private FitReport() {
    }

    static void print(FitResult r, PrintWriter out) {
        out.println((r.converged() ? "Converged" : "NOT CONVERGED") + ": " + r.message());
        out.println("-2 log likelihood " + TextTable.number(r.objective()) + ", weighted SSR " + TextTable.number(r.weightedSsr())
                + ", " + r.observations() + " observations, AIC " + TextTable.number(r.aic()) + ", " + r.evaluations()
                + " evaluations, " + TextTable.number(r.seconds()) + " s");
        TextTable t = new TextTable("PARAMETER", "ESTIMATE", "SE", "95% CI", "RSE %", "FLAG");
        for (FitResult.Parameter p : r.parameters()) {
            t.row(p.name(), p.estimate(), p.se(), TextTable.number(p.ciLow()) + " .. " + TextTable.number(p.ciHigh()),
                    p.rsePercent(), p.flag());
        }
        t.print(out, "  ");
        for (String f : r.identifiability()) {
            out.println("identifiability: " + f);
        }
    }

    static HtmlReport html(FitResult r, FitSpec spec, List<Curve> curves, ScenarioRunner runner) {
        HtmlReport html = HtmlReport.titled("Fit: " + (spec.scenario().name() == null ? spec.scenario().model() : spec.scenario().name()))
                .description((r.converged() ? "Converged: " : "Did not converge (best point kept): ") + r.message()
                        + ". -2 log likelihood " + TextTable.number(r.objective()) + ", " + r.observations()
                        + " observations. Gradient: " + r.gradientMethod() + ". Error model: " + r.errorModel() + ".");
        List<List<String>> rows = new ArrayList<>();
        for (FitResult.Parameter p : r.parameters()) {
            rows.add(List.of(p.name(), TextTable.number(p.estimate()), TextTable.number(p.se()), TextTable.number(p.ciLow()),
                    TextTable.number(p.ciHigh()), Double.isNaN(p.profileLow()) ? "" : TextTable.number(p.profileLow()) + " .. "
                    + TextTable.number(p.profileHigh()), p.scale(), p.flag()));
        }
        html.section("Estimates", new Table(List.of("parameter", "estimate", "se", "ci_low", "ci_high", "profile interval",
                "scale", "flag"), rows));
        html.section("Identifiability", r.identifiability().isEmpty()
                ? "Every estimate is determined by the data: no null direction of the Fisher information, no interval wider than a factor of 100."
                : String.join("\n", r.identifiability()));
        String timeUnit = runner.model(spec.scenario()).timeUnit();
        List<String> groups = curves.stream().map(Curve::group).distinct().toList();
        for (String g : groups) {
            List<PointsAndLine> panels = new ArrayList<>();
            for (Curve c : curves) {
                if (!c.group().equals(g)) {
                    continue;
                }
                List<FitResult.Residual> data = r.residuals().stream()
                        .filter(x -> x.observation().group().equals(g) && x.observation().output().equals(c.output())).toList();
                String transform = spec.transforms().containsKey(c.output()) ? " (" + spec.transforms().get(c.output()).label() + ")" : "";
                panels.add(new PointsAndLine(c.output() + transform, c.times(), c.values(), data.stream().mapToDouble(x -> x.observation().time()).toArray(),
                        data.stream().mapToDouble(x -> x.observation().value()).toArray(), new String[] {"fit", "data"}));
            }
            html.figure("Data and fit, group " + g, Plots.pointsAndLines(panels, "time [" + timeUnit + "]",
                    PlotSpec.titled("Group " + g + ": data and fitted model"), List.of()));
        }
        double[] times = r.residuals().stream().mapToDouble(x -> x.observation().time()).toArray();
        double[] predicted = r.residuals().stream().mapToDouble(FitResult.Residual::predicted).toArray();
        double[] weighted = r.residuals().stream().mapToDouble(FitResult.Residual::weighted).toArray();
        double tMax = java.util.Arrays.stream(times).max().orElse(1);
        double tMin = java.util.Arrays.stream(times).min().orElse(0);
        double pMax = java.util.Arrays.stream(predicted).max().orElse(1);
        double pMin = java.util.Arrays.stream(predicted).min().orElse(0);
        html.figure("Weighted residuals", Plots.pointsAndLines(List.of(
                new PointsAndLine("weighted residual", new double[] {tMin, tMax}, new double[] {0, 0}, times, weighted,
                        new String[] {"0", "residuals by time"})), "time [" + timeUnit + "]",
                PlotSpec.titled("Weighted residuals over time"), List.of()));
        html.figure("Weighted residuals by prediction", Plots.pointsAndLines(List.of(
                new PointsAndLine("weighted residual", new double[] {pMin, pMax}, new double[] {0, 0}, predicted, weighted,
                        new String[] {"0", "residuals by prediction"})), "prediction",
                PlotSpec.titled("Weighted residuals by prediction"), List.of()));
        List<List<String>> corr = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(""));
        r.parameters().forEach(p -> header.add(p.name()));
        for (int a = 0; a < r.parameters().size(); a++) {
            List<String> row = new ArrayList<>(List.of(r.parameters().get(a).name()));
            for (int b = 0; b < r.parameters().size(); b++) {
                row.add(String.format(java.util.Locale.ROOT, "%.3f", r.correlation()[a][b]));
            }
            corr.add(row);
        }
        html.section("Correlation of the estimates", new Table(header, corr));
        List<List<String>> starts = new ArrayList<>();
        for (FitResult.Start s : r.starts()) {
            starts.add(List.of(String.valueOf(s.index()), TextTable.number(s.objective()), String.valueOf(s.converged()),
                    String.valueOf(s.evaluations()), s.message()));
        }
        html.section("Local fits", new Table(List.of("start", "-2 log L", "converged", "evaluations", "message"), starts));
        return html;
    }
}
