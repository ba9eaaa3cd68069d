package org.osteon.simulation;

import java.util.List;
import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.text.AntimonyReader;
import org.osteon.trajectory.Trajectory;

/** Small helpers to run Antimony snippets in tests. */
final class Models {
    private Models() {
    }

    static CompiledModel compile(String body) {
        return ModelCompiler.compile(AntimonyReader.parse("model m()\n" + body + "\nend\n", "test.ant"));
    }

    static Trajectory run(CompiledModel m, double until, double step, SolverSettings settings, List<ScheduledChange> changes) {
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        List<String> recorded = m.layout().parameters().stream().map(v -> v.id()).toList();
        return Simulator.solve(new SimulationProblem(m, init.state(), init.parameters(), 0, until,
                SimulationProblem.grid(0, until, step), changes, recorded), settings);
    }

    static Trajectory run(String body, double until, double step) {
        return run(compile(body), until, step, SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12), List.of());
    }
}
