package org.osteon.analysis;

import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;

/**
 * Builds the problem for one point of an analysis: a fixed base (a scenario on a compiled model)
 * with some values overridden. Must be thread-safe and must not compile anything: it is called
 * once per scan point, from several threads.
 */
@FunctionalInterface
public interface ProblemFactory {
    /**
     * @param overrides values by name, as {@code --set} gives them (parameters or initial values);
     *                  initial assignments are evaluated after them
     * @throws IllegalArgumentException or {@link org.osteon.scenario.ScenarioException} for an unknown name
     */
    SimulationProblem problem(Map<String, Double> overrides);

    /**
     * The scenario's problem with its {@code set} values plus the overrides: interventions, doses
     * and the output grid stay as the scenario defines them. {@code model} is the scenario's model,
     * compiled once by the caller.
     */
    static ProblemFactory of(ScenarioRunner runner, Scenario scenario, CompiledModel model) {
        return overrides -> runner.problem(scenario.withOverrides(null, null, null, null, null, overrides), model);
    }
}
