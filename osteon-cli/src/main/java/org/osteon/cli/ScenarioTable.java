package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osteon.report.Table;
import org.osteon.dosing.DoseTable;
import org.osteon.dosing.Dosing;
import org.osteon.dosing.Regimen;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SolverSettings;

/** What a report says about a scenario: where it came from, its time span, solver and changes. */
final class ScenarioTable {
    private ScenarioTable() {
    }

    static Table of(Scenario written, ScenarioRunner runner) {
        Scenario s = written;
        try {
            s = runner.inModelTime(written);
        } catch (RuntimeException e) {
            // shown as written
        }
        SolverSettings settings = runner.settings(s);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Source", s.source() == null ? "(command line)" : s.source()));
        rows.add(List.of("Model", s.model()));
        double start = s.start() != null ? s.start() : 0;
        double until = s.until() != null ? s.until() : ScenarioRunner.DEFAULT_UNTIL;
        String unit = "";
        try {
            unit = " " + runner.model(s).timeUnit();
        } catch (RuntimeException e) {
            // no unit shown
        }
        rows.add(List.of("Time span", Table.number(start) + " to " + Table.number(until) + unit
                + (s.step() != null ? ", output every " + Table.number(s.step()) + unit : "")
                + (written.timeQuantities().isEmpty() ? "" : " (as written: " + writtenTimes(written) + ")")));
        rows.add(List.of("Solver", settings.method() + ", rtol " + Table.number(settings.rtol()) + ", atol "
                + Table.number(settings.atol())));
        for (Map.Entry<String, Double> e : s.set().entrySet()) {
            rows.add(List.of("Set", e.getKey() + " = " + Table.number(e.getValue())));
        }
        for (Scenario.Intervention iv : s.interventions()) {
            rows.add(List.of("Intervention", iv.target() + " = " + Table.number(iv.value()) + " from "
                    + Table.number(iv.from()) + " to " + Table.number(iv.to())));
        }
        Dosing dosing = null;
        try {
            dosing = runner.dosing(s, runner.model(s));
        } catch (RuntimeException e) {
            // the regimens are still listed as written
        }
        for (Regimen d : s.doses()) {
            String text;
            try {
                text = dosing == null ? d.describe() : dosing.describe(d);
            } catch (RuntimeException e) {
                text = d.describe();
            }
            rows.add(List.of("Dose", text));
        }
        for (DoseTable t : s.doseTables()) {
            rows.add(List.of("Dosing table", t.source() + " (" + t.size() + " dose rows)"));
        }
        if (!s.doses().isEmpty() || !s.doseTables().isEmpty()) {
            rows.add(List.of("Calendar", s.calendar().describe()));
        }
        return new Table(List.of("", "Value"), rows);
    }

    private static String writtenTimes(Scenario s) {
        List<String> parts = new ArrayList<>();
        s.timeQuantities().forEach((k, q) -> parts.add(k + ": " + q));
        return String.join(", ", parts);
    }
}
