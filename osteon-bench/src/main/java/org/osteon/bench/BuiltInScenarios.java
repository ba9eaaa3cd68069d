package org.osteon.bench;

import org.osteon.models.BuiltInCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SolverSettings;

/** A shipped scenario made ready to solve: model compiled and problem built once, outside the timing. */
record BuiltInScenarios(SimulationProblem problem, SolverSettings settings) {
    static BuiltInScenarios prepare(String id) {
        BuiltInCatalog catalog = new BuiltInCatalog();
        ScenarioRunner runner = new ScenarioRunner(catalog);
        Scenario s = catalog.scenario(id).orElseThrow(() -> new IllegalArgumentException("no built-in scenario " + id));
        return new BuiltInScenarios(runner.problem(s, runner.model(s)), runner.settings(s));
    }
}
