package org.osteon.cli;

import java.io.PrintWriter;
import java.util.List;
import org.osteon.solve.SteadyState;

/**
 * Lays out a {@link ModelDescription} as plain text (aligned tables under headings) or as
 * Markdown (the same content, ready for a README or a lab notebook).
 */
final class DescriptionText {
    private final PrintWriter out;
    private final boolean markdown;

    DescriptionText(PrintWriter out, boolean markdown) {
        this.out = out;
        this.markdown = markdown;
    }

    void print(ModelDescription d) {
        String head = d.id() + (d.title() != null ? " — " + d.title() : "");
        if (markdown) {
            out.println("# " + Markdown.text(head));
        } else {
            out.println(head);
            out.println("=".repeat(head.length()));
        }
        out.println();
        if (d.description() != null) {
            paragraph(d.description());
        }
        if (d.citation() != null) {
            paragraph("Citation: " + d.citation() + (d.doi() != null ? " (doi:" + d.doi() + ")" : ""));
        } else if (d.doi() != null) {
            paragraph("doi:" + d.doi());
        }
        // A model without 'unit time_unit = ...' is read in days by convention: say so, it may be wrong.
        paragraph("Time unit: " + d.timeUnit() + (d.timeUnitDeclared() ? "" : " (assumed: the model declares no time_unit)")
                + ". " + d.states().size() + " states, " + d.parameters().size()
                + " parameters, " + d.rules().size() + " rules, " + d.events().size() + " events."
                + (d.scenario() != null ? " Values as set by scenario " + d.scenario() + "." : ""));
        heading("States");
        table(entries(d.states(), "INITIAL", false));
        heading("Parameters");
        table(entries(d.parameters(), "VALUE", true));
        list("Rules", d.rules());
        list("Initial assignments", d.initialAssignments());
        list("Events", d.events());
        steady(d);
    }

    /** @param markVariable mark parameters that the model changes during a run (events, rules) */
    private TextTable entries(List<ModelDescription.Entry> entries, String valueHeader, boolean markVariable) {
        TextTable t = new TextTable("ID", valueHeader, "UNIT", "DESCRIPTION", "SOURCE");
        for (ModelDescription.Entry e : entries) {
            String description = ModelInfo.first(e.description(), e.name());
            if (e.note() != null) {
                description = (description == null ? "" : description + " ") + "[note: " + e.note() + "]";
            }
            t.row(e.id() + (markVariable && !e.constant() ? " (changes)" : ""), e.value(), e.unit(), description, e.source());
        }
        return t;
    }

    private void steady(ModelDescription d) {
        heading("Steady state");
        ModelDescription.Steady s = d.steady();
        if (s.error() != null) {
            paragraph("Not found: " + s.error());
            return;
        }
        paragraph("Found by " + s.method() + " in " + s.iterations() + " iterations (residual "
                + TextTable.number(s.residual()) + "). Stability: " + s.stability()
                + (Double.isNaN(s.period()) ? "" : ", period " + TextTable.number(s.period()) + " " + d.timeUnit()) + ".");
        TextTable t = new TextTable("STATE", "VALUE");
        for (int i = 0; i < s.ids().size(); i++) {
            t.row(s.ids().get(i), s.values()[i]);
        }
        table(t);
        TextTable eig = new TextTable("EIGENVALUE", "REAL", "IMAGINARY");
        int k = 1;
        for (SteadyState.Eigenvalue e : s.eigenvalues()) {
            eig.row("λ" + k++, e.real(), e.imaginary());
        }
        table(eig);
    }

    private void heading(String text) {
        if (markdown) {
            out.println("## " + Markdown.text(text));
        } else {
            out.println(text);
            out.println("-".repeat(text.length()));
        }
        out.println();
    }

    private void paragraph(String text) {
        out.println(markdown ? Markdown.text(text.strip()) : text.strip());
        out.println();
    }

    private void table(TextTable t) {
        if (markdown) {
            t.printMarkdown(out);
        } else {
            t.print(out, "");
        }
        out.println();
    }

    private void list(String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        heading(title);
        for (String item : items) {
            out.println(markdown ? "- " + Markdown.code(item) : "  " + item);
        }
        out.println();
    }
}
