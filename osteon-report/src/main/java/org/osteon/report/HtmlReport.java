package org.osteon.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.osteon.trajectory.AtomicFiles;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.RunInfo;
import org.osteon.trajectory.Trajectory;

/**
 * One self-contained HTML file describing a simulation: no scripts, no external resources,
 * styles inline and plots embedded (as inline SVG or base64 PNG), so it can be mailed, archived
 * or opened offline. Readable on a laptop and a projector, and printable.
 *
 * <p>Sections always come in this order, each only if given: title and description, model,
 * plots, outputs (final, minimum and maximum values), solver statistics, then extra sections in
 * the order added. All text is escaped; the output is also well-formed XML.
 *
 * <pre>{@code
 * HtmlReport.titled("Denosumab, 60 mg every 6 months")
 *     .description("Compared with no treatment over 2 years.")
 *     .model(summary)
 *     .figure("Time courses", Plots.timeSeries(runs, PlotSpec.titled("")))
 *     .outputs(runs)
 *     .solverStatistics(runs)
 *     .write(Path.of("report.html"));
 * }</pre>
 *
 * <p>A builder: not thread-safe; figures are rendered when the report is.
 */
public final class HtmlReport {
    /** How a figure goes into the page. */
    public enum Embed {
        /** Vector, sharp at any zoom and in print; text stays selectable. */
        SVG,
        /** Bitmap at twice the figure's size; smaller than SVG for dense heat maps. */
        PNG
    }

    private record FigureEntry(String caption, Figure figure, Embed embed) {
    }

    private final String title;
    private String description = "";
    private ModelSummary model;
    private final List<FigureEntry> figures = new ArrayList<>();
    private final List<NamedTrajectory> outputRuns = new ArrayList<>();
    private final List<List<String>> outputIds = new ArrayList<>();
    private final List<NamedTrajectory> solverRuns = new ArrayList<>();
    private final List<Consumer<Page>> extras = new ArrayList<>();

    private HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** What was simulated and why; blank lines separate paragraphs. */
    public HtmlReport description(String text) {
        this.description = Objects.requireNonNullElse(text, "");
        return this;
    }

    public HtmlReport model(ModelSummary summary) {
        this.model = summary;
        return this;
    }

    /** Adds a figure as inline SVG. */
    public HtmlReport figure(String caption, Figure figure) {
        return figure(caption, figure, Embed.SVG);
    }

    public HtmlReport figure(String caption, Figure figure, Embed embed) {
        figures.add(new FigureEntry(Objects.requireNonNullElse(caption, ""), Objects.requireNonNull(figure),
                Objects.requireNonNull(embed)));
        return this;
    }

    /** A table of final, minimum and maximum values (with times) per run, for the usual outputs. */
    public HtmlReport outputs(List<NamedTrajectory> runs) {
        for (NamedTrajectory r : runs) {
            outputs(r, r.trajectory().columns().stream()
                    .filter(c -> TimeSeriesFigure.DEFAULT_KINDS.contains(c.kind())).map(Column::id).toList());
        }
        return this;
    }

    /** The same table for chosen symbols of one run. */
    public HtmlReport outputs(NamedTrajectory run, List<String> ids) {
        for (String id : ids) {
            run.trajectory().columnInfo(id); // fail now, with a suggestion, rather than when rendering
        }
        outputRuns.add(run);
        outputIds.add(List.copyOf(ids));
        return this;
    }

    /** One table of solver work, a column per run. */
    public HtmlReport solverStatistics(List<NamedTrajectory> runs) {
        solverRuns.addAll(runs);
        return this;
    }

    /** An extra section of text; blank lines separate paragraphs. */
    public HtmlReport section(String heading, String text) {
        extras.add(page -> {
            page.heading(2, heading);
            page.raw(Html.paragraphs(Objects.requireNonNullElse(text, "")));
        });
        return this;
    }

    /** An extra section holding a table. */
    public HtmlReport section(String heading, Table table) {
        Objects.requireNonNull(table, "table");
        extras.add(page -> {
            page.heading(2, heading);
            page.table(table);
        });
        return this;
    }

    /** An extra section holding text (may be empty) followed by a figure. */
    public HtmlReport section(String heading, String text, Figure figure) {
        Objects.requireNonNull(figure, "figure");
        extras.add(page -> {
            page.heading(2, heading);
            page.raw(Html.paragraphs(Objects.requireNonNullElse(text, "")));
            page.figure(new FigureEntry("", figure, Embed.SVG));
        });
        return this;
    }

    /** The whole page; figures are rendered now. */
    public String render() {
        Page page = new Page();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .text(title).raw("</title>\n<style>\n").raw(ReportCss.CSS).raw("</style>\n</head>\n<body>\n<main>\n");
        page.raw("<header>\n").heading(1, title).raw(Html.paragraphs(description)).raw("</header>\n");
        if (model != null) {
            modelSection(page);
        }
        if (!figures.isEmpty()) {
            page.heading(2, figures.size() == 1 ? "Plot" : "Plots");
            figures.forEach(page::figure);
        }
        if (!outputRuns.isEmpty()) {
            outputsSection(page);
        }
        if (!solverRuns.isEmpty()) {
            page.heading(2, "Solver statistics");
            page.table(solverTable());
        }
        extras.forEach(e -> e.accept(page));
        page.raw("<footer>Produced by Osteon. This file is self-contained: it loads nothing from elsewhere."
                + "</footer>\n</main>\n</body>\n</html>\n");
        return page.toString();
    }

    /**
     * Renders and writes the page atomically: if rendering or writing fails, no file (or the
     * previous one, untouched) is left at {@code file}.
     */
    public void write(Path file) throws IOException {
        String html = render();
        AtomicFiles.writeString(file, html);
    }

    private void modelSection(Page page) {
        page.heading(2, "Model");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Id", model.id()));
        if (model.name() != null) {
            rows.add(List.of("Name", model.name()));
        }
        if (model.citation() != null) {
            rows.add(List.of("Reference", model.citation()));
        }
        rows.add(List.of("State variables", String.valueOf(model.states().size())));
        rows.add(List.of("Parameters", String.valueOf(model.parameters().size())));
        rows.add(List.of("Rules", String.valueOf(model.rules().size())));
        rows.add(List.of("Events", String.valueOf(model.events().size())));
        page.keyValues(rows);
        page.list("State variables", model.states());
        page.list("Parameters", model.parameters());
        page.list("Rules", model.rules());
        page.list("Events", model.events());
    }

    private void outputsSection(Page page) {
        page.heading(2, "Outputs");
        for (int i = 0; i < outputRuns.size(); i++) {
            NamedTrajectory run = outputRuns.get(i);
            if (outputRuns.size() > 1 || !run.name().isBlank()) {
                page.heading(3, run.name());
            }
            page.table(outputTable(run.trajectory(), outputIds.get(i)));
        }
    }

    private static Table outputTable(Trajectory tr, List<String> ids) {
        String t = tr.timeUnit() == null || tr.timeUnit().isBlank() ? "at time" : "at time [" + tr.timeUnit() + "]";
        List<List<String>> rows = new ArrayList<>();
        for (String id : ids) {
            Column c = tr.columnInfo(id);
            rows.add(List.of(Legend.text(id, c.label()), c.unit() == null ? "" : c.unit(), Numbers.cell(tr.last(id)),
                    Numbers.cell(tr.min(id)), Numbers.cell(tr.timeOfMin(id)), Numbers.cell(tr.max(id)),
                    Numbers.cell(tr.timeOfMax(id))));
        }
        return new Table(List.of("Output", "Unit", "Final", "Minimum", t, "Maximum", t), rows);
    }

    private Table solverTable() {
        List<String> header = new ArrayList<>();
        header.add("");
        solverRuns.forEach(r -> header.add(r.name()));
        String[] names = {"Method", "Relative tolerance", "Absolute tolerance", "Accepted steps", "Rejected steps",
            "Function evaluations", "Jacobian evaluations", "LU decompositions", "Restarts",
            "Switched to stiff method", "Events fired", "Solve time [ms]"};
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            List<String> row = new ArrayList<>();
            row.add(names[k]);
            for (NamedTrajectory r : solverRuns) {
                RunInfo info = r.trajectory().runInfo();
                row.add(info == null ? "—" : stat(info, k));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    private static String stat(RunInfo r, int k) {
        switch (k) {
            case 0: return r.method();
            case 1: return Numbers.cell(r.rtol());
            case 2: return Numbers.cell(r.atol());
            case 3: return Long.toString(r.acceptedSteps());
            case 4: return Long.toString(r.rejectedSteps());
            case 5: return Long.toString(r.functionEvaluations());
            case 6: return Long.toString(r.jacobianEvaluations());
            case 7: return Long.toString(r.decompositions());
            case 8: return Long.toString(r.restarts());
            case 9: return r.switchedToStiff() ? "yes" : "no";
            case 10: return Long.toString(r.eventsFired());
            case 11: return Numbers.cell(r.solveMillis());
            default: throw new IllegalArgumentException(Integer.toString(k));
        }
    }

    /** The page being written; headings get ids so that a reader can link to a section. */
    private static final class Page {
        private final StringBuilder sb = new StringBuilder(64 * 1024);
        private int sections;

        Page raw(String html) {
            sb.append(html);
            return this;
        }

        Page text(String text) {
            sb.append(Html.escape(text));
            return this;
        }

        Page heading(int level, String text) {
            sb.append("<h").append(level);
            if (level == 2) {
                sb.append(" id=\"s").append(++sections).append('"');
            }
            sb.append('>').append(Html.escape(text)).append("</h").append(level).append(">\n");
            return this;
        }

        void figure(FigureEntry f) {
            sb.append("<figure>\n");
            if (f.embed() == Embed.SVG) {
                sb.append(Svg.inline(Plots.svg(f.figure()))).append('\n');
            } else {
                String alt = f.caption().isEmpty() ? f.figure().title() : f.caption();
                sb.append("<img alt=\"").append(Html.escape(alt)).append("\" width=\"").append(f.figure().width())
                        .append("\" height=\"").append(f.figure().height()).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Plots.png(f.figure(), 2))).append("\"/>\n");
            }
            if (!f.caption().isEmpty()) {
                sb.append("<figcaption>").append(Html.escape(f.caption())).append("</figcaption>\n");
            }
            sb.append("</figure>\n");
        }

        void table(Table t) {
            sb.append("<div class=\"table\"><table>\n<thead><tr>");
            for (int i = 0; i < t.header().size(); i++) {
                cell("th", t.header().get(i), "", i > 0 && numericColumn(t, i));
            }
            sb.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : t.rows()) {
                sb.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    // The first column names the row: a header cell, never right-aligned.
                    if (i == 0) {
                        cell("th", row.get(i), " scope=\"row\"", false);
                    } else {
                        cell("td", row.get(i), "", Html.isNumber(row.get(i)));
                    }
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table></div>\n");
        }

        /** A column whose filled cells are all numbers: its header aligns with them. */
        private static boolean numericColumn(Table t, int column) {
            boolean any = false;
            for (List<String> row : t.rows()) {
                String cell = row.get(column);
                if (!cell.isBlank()) {
                    if (!Html.isNumber(cell)) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }

        void keyValues(List<List<String>> rows) {
            sb.append("<div class=\"table\"><table class=\"kv\">\n<tbody>\n");
            for (List<String> row : rows) {
                sb.append("<tr>");
                cell("th", row.get(0), " scope=\"row\"", false);
                cell("td", row.get(1), "", false);
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table></div>\n");
        }

        void list(String heading, List<String> items) {
            if (items.isEmpty()) {
                return;
            }
            // Short lists start open so that they also appear in print.
            sb.append(items.size() <= 20 ? "<details open=\"open\"><summary>" : "<details><summary>").append(Html.escape(heading)).append(" (").append(items.size())
                    .append(")</summary>\n<ul class=\"names\">\n");
            for (String item : items) {
                sb.append("<li><code>").append(Html.escape(item)).append("</code></li>\n");
            }
            sb.append("</ul></details>\n");
        }

        private void cell(String tag, String text, String attributes, boolean numeric) {
            sb.append('<').append(tag).append(attributes);
            if (numeric) {
                sb.append(" class=\"num\"");
            }
            sb.append('>').append(Html.escape(text)).append("</").append(tag).append('>');
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
