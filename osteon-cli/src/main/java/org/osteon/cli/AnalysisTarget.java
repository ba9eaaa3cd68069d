package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.Summary;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Variable;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;

/**
 * What scan and sensitivity work on: a scenario with its model compiled once, the problem
 * factory every point uses, and the outputs to summarise, all checked before any run.
 */
record AnalysisTarget(String name, Scenario scenario, ScenarioRunner runner, CompiledModel model,
                      SimulationProblem base, ProblemFactory problems, List<String> outputs) {

    static AnalysisTarget resolve(String target, SimulationOptions simulation, List<String> outputs) {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario scenario = simulation.apply(Targets.resolve(target, runner.catalog()));
        CompiledModel model = runner.model(scenario);
        SimulationProblem base = runner.problem(scenario, model);
        if (outputs.isEmpty()) {
            throw new UserException("--outputs: name at least one output to summarise, e.g. --outputs "
                    + String.join(",", model.layout().states().stream().map(Variable::id).limit(2).toList()));
        }
        Targets.checkOutputs("--outputs", outputs, base);
        return new AnalysisTarget(Targets.name(scenario, target), scenario, runner, model, base,
                ProblemFactory.of(runner, scenario, model), List.copyOf(outputs));
    }

    static Summary summary(String text) {
        try {
            return Summary.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserException("--summary: " + e.getMessage());
        }
    }

    /** Label with unit for an axis or table: {@code K_D8 [pM]}. */
    String label(String symbol) {
        String unit = model.layout().find(symbol).map(Variable::unit).orElse(null);
        return unit == null ? symbol : symbol + " [" + unit + "]";
    }

    /** Unit of a summary of an output: the time unit for time-of-*, else the output's unit. */
    String summaryUnit(String output, Summary summary) {
        return summary.isTime() ? model.timeUnit() : model.layout().find(output).map(Variable::unit).orElse(null);
    }

    /** "max of active osteoclasts", for legends. */
    String summaryLabel(String output, Summary summary) {
        String name = model.layout().find(output).map(v -> v.displayName() != null ? v.displayName() : v.id()).orElse(output);
        return summary.label() + " of " + name;
    }

    List<String> symbolsOfModel() {
        List<String> names = new ArrayList<>();
        model.layout().parameters().forEach(v -> names.add(v.id()));
        model.layout().states().forEach(v -> names.add(v.id()));
        return names;
    }
}
