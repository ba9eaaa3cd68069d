package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.osteon.model.Model;
import org.osteon.text.SourceLines;
import org.osteon.text.StatementLines;
import org.osteon.units.DimensionalAnalysis;
import org.osteon.units.DimensionalAnalysis.Inconsistency;

/**
 * The dimensional analysis of a model file as {@code validate} and {@code run} report it. For
 * {@code validate}, each
 * inconsistency as {@code FILE:LINE: units: ...} (the line of the rule, reaction or event it is in:
 * the statement in Antimony text, the element in SBML) is a problem, undeclared units are one warning line, an opt-out a note;
 * {@code run} warns once and simulates.
 */
final class UnitCheck {
    /** How many undeclared names the warning line shows. */
    static final int NAMES_SHOWN = 8;

    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private UnitCheck() {
    }

    /**
     * @param file   the name messages start with
     * @param lines  where the model's statements are in the file ({@link StatementLines#NONE}: the file only)
     */
    static UnitCheck of(String file, StatementLines lines, Model model) {
        UnitCheck c = new UnitCheck();
        DimensionalAnalysis.Report r = DimensionalAnalysis.check(model);
        if (r.optOut() != null) {
            c.notes.add(file + ": note: units not checked (model attribute '" + DimensionalAnalysis.ATTRIBUTE + ": "
                    + r.optOut() + "')");
            return c;
        }
        for (Inconsistency i : r.inconsistencies()) {
            OptionalInt line = lines.line(kind(i.kind()), i.symbol());
            c.errors.add(file + (line.isPresent() ? ":" + line.getAsInt() : "") + ": units: " + i);
        }
        if (!r.unresolved().isEmpty()) {
            List<String> shown = r.unresolved().subList(0, Math.min(NAMES_SHOWN, r.unresolved().size()));
            c.notes.add(file + ": warning: " + r.unresolved().size() + " declared " + (r.unresolved().size() == 1 ? "unit is" : "units are")
                    + " not defined (" + String.join(", ", shown) + (r.unresolved().size() > shown.size() ? ", ..." : "")
                    + "), so the equations using them are not checked; define it with 'unit NAME = ...'");
        }
        String undeclared = r.undeclaredSummary(NAMES_SHOWN);
        if (undeclared != null) {
            c.notes.add(file + ": warning: " + undeclared);
        }
        if (!r.timeUnitDeclared() && !r.consistent()) {
            c.notes.add(file + ": warning: rates are checked per " + r.timeUnit()
                    + ", the time unit assumed because the model declares no time_unit");
        }
        return c;
    }

    /**
     * What {@code run} says of a model whose units are inconsistent: one warning line, and it runs the
     * numbers as written ({@code validate} fails such a model and lists every inconsistency).
     */
    static void warnIfInconsistent(Model model, java.io.PrintWriter err) {
        if (model == null) {
            return;
        }
        DimensionalAnalysis.Report r = DimensionalAnalysis.check(model);
        if (!r.consistent()) {
            int n = r.inconsistencies().size();
            err.println("warning: the units of model '" + model.id() + "' are inconsistent in " + n
                    + (n == 1 ? " place" : " places") + ", e.g. " + r.inconsistencies().get(0)
                    + "; 'osteon validate' lists them (docs/units.md)");
            err.flush();
        }
    }

    private static SourceLines.Kind kind(Inconsistency.Kind k) {
        switch (k) {
            case RATE_RULE:
                return SourceLines.Kind.RATE_RULE;
            case ASSIGNMENT_RULE:
                return SourceLines.Kind.ASSIGNMENT_RULE;
            case INITIAL_ASSIGNMENT:
                return SourceLines.Kind.VALUE;
            default:
                return SourceLines.Kind.LABEL;
        }
    }

    /** The inconsistencies, one message each. */
    List<String> errors() {
        return errors;
    }

    /** Undeclared units, an assumed time unit, an opt-out. */
    List<String> notes() {
        return notes;
    }
}
