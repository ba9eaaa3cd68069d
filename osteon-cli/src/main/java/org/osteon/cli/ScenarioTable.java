package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osteon.report.Table;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SolverSettings;

/** What a report says about a scenario: where it came from, its time span, solver and changes. */
final class ScenarioTable {
    private ScenarioTable() {
    }

    static Table of(Scenario s, ScenarioRunner runner) {
        SolverSettings settings = runner.settings(s);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Source", s.source() == null ? "(command line)" : s.source()));
        rows.add(List.of("Model", s.model()));
        double start = s.start() != null ? s.start() : 0;
        double until = s.until() != null ? s.until() : ScenarioRunner.DEFAULT_UNTIL;
        rows.add(List.of("Time span", Table.number(start) + " to " + Table.number(until)
                + (s.step() != null ? ", output every " + Table.number(s.step()) : "")));
        rows.add(List.of("Solver", settings.method() + ", rtol " + Table.number(settings.rtol()) + ", atol "
                + Table.number(settings.atol())));
        for (Map.Entry<String, Double> e : s.set().entrySet()) {
            rows.add(List.of("Set", e.getKey() + " = " + Table.number(e.getValue())));
        }
        for (Scenario.Intervention iv : s.interventions()) {
            rows.add(List.of("Intervention", iv.target() + " = " + Table.number(iv.value()) + " from "
                    + Table.number(iv.from()) + " to " + Table.number(iv.to())));
        }
        for (Scenario.Dose d : s.doses()) {
            rows.add(List.of("Dose", Table.number(d.amount()) + " into " + d.target() + " at " + Table.number(d.at())
                    + (d.count() > 1 ? ", then every " + Table.number(d.every()) + " (" + d.count() + " doses)" : "")));
        }
        return new Table(List.of("", "Value"), rows);
    }
}
