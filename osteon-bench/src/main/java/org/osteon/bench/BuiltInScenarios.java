package org.osteon.bench;

import java.util.List;
import org.osteon.models.BuiltInCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SolverSettings;

/**
 * A shipped scenario made ready to solve: model compiled and problem built once, outside the
 * timing; {@code recorded} is what the scenario shows ({@link ScenarioRunner#recorded}, what
 * {@code osteon run} records). Public for the benchmarks in other packages of this module.
 */
public record BuiltInScenarios(SimulationProblem problem, SolverSettings settings, List<String> recorded) {
    public static BuiltInScenarios prepare(String id) {
        BuiltInCatalog catalog = new BuiltInCatalog();
        Scenario s = catalog.scenario(id).orElseThrow(() -> new IllegalArgumentException("no built-in scenario " + id));
        return prepare(s, catalog);
    }

    /** A scenario written by a benchmark (of a built-in model), made ready the same way. */
    public static BuiltInScenarios prepare(Scenario s) {
        return prepare(s, new BuiltInCatalog());
    }

    private static BuiltInScenarios prepare(Scenario s, BuiltInCatalog catalog) {
        ScenarioRunner runner = new ScenarioRunner(catalog);
        SimulationProblem problem = runner.problem(s, runner.model(s));
        return new BuiltInScenarios(problem, runner.settings(s), ScenarioRunner.recorded(s, problem));
    }
}
