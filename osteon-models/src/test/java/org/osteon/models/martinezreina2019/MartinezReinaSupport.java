package org.osteon.models.martinezreina2019;

import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.models.BuiltInCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/** Shared access to the built-in model and its scenarios in the tests. */
final class MartinezReinaSupport {
    static final BuiltInCatalog CATALOG = new BuiltInCatalog();
    static final ScenarioRunner RUNNER = new ScenarioRunner(CATALOG);
    static final String STEPWISE = "martinezreina2019-pmo-denosumab-stepwise";
    static final String CONTINUOUS = "martinezreina2019-pmo-denosumab-continuous";
    static final String ACCUMULATING = "martinezreina2019-pmo-denosumab-continuous-accumulating";
    static final String CONSERVING = "martinezreina2019-pmo-denosumab-continuous-conserving";
    static final String PMO = "martinezreina2019-pmo";
    static final SolverSettings TIGHT = new SolverSettings("auto", 1e-8, 1e-14, Map.of(), SolverSettings.DEFAULT.maxSteps(),
            SolverSettings.DEFAULT.maxStep());

    private MartinezReinaSupport() {
    }

    static CompiledModel model() {
        return CATALOG.compiled(MartinezReina2019Model.ID).orElseThrow();
    }

    static Scenario scenario(String id) {
        return CATALOG.scenario(id).orElseThrow();
    }

    static SimulationProblem problem(String id, Map<String, Double> extraSet) {
        Scenario s = scenario(id).withOverrides(null, null, null, null, null, extraSet);
        return RUNNER.problem(s, model());
    }

    /** The scenario as shipped (its own, i.e. default, solver settings). */
    static Trajectory runDefault(String id) {
        Scenario s = scenario(id);
        return Simulator.solve(RUNNER.problem(s, model()), RUNNER.settings(s));
    }

    static Trajectory runTight(String id, Map<String, Double> extraSet) {
        return Simulator.solve(problem(id, extraSet), TIGHT);
    }

    static InitialConditions initial(Map<String, Double> overrides) {
        return InitialConditions.prepare(model(), overrides, 0);
    }

    /** Offset of the mineralisation queue's memory (the first Java part). */
    static int queueOffset() {
        return model().layout().parameterCount();
    }

    static double parameter(double[] p, String id) {
        return p[model().layout().parameterIndex(id)];
    }
}
