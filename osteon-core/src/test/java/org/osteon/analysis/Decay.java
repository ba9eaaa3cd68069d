package org.osteon.analysis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.text.AntimonyReader;

/**
 * Test models with closed-form solutions. Decay: x' = -k x, x(0) = x0, so x(t) = x0 exp(-k t).
 * Blow-up: y' = c y², y(0) = 1, so y = 1 / (1 - c t), which has no solution past t = 1/c.
 */
final class Decay {
    static final String DECAY = """
            model decay()
              x' = -k*x
              x = 2
              k = 0.5
              var u = 1
              E1: at (time >= 100): u = 2
              zero = 0
              x has mole
            end
            """;
    static final String BLOWUP = """
            model blowup()
              y' = c*y^2
              y = 1
              c = 0.1
            end
            """;

    private Decay() {
    }

    static CompiledModel compile(String text) {
        return ModelCompiler.compile(AntimonyReader.parse(text, "test.ant"));
    }

    /** Problems on [0, until] with output step {@code step}; counts how many were built. */
    static ProblemFactory factory(CompiledModel m, double until, double step, AtomicInteger built) {
        return overrides -> {
            built.incrementAndGet();
            InitialConditions init = InitialConditions.prepare(m, overrides, 0);
            return new SimulationProblem(m, init.state(), init.parameters(), 0, until,
                    SimulationProblem.grid(0, until, step), List.of(), List.of());
        };
    }

    static ProblemFactory factory(CompiledModel m, double until, double step) {
        return factory(m, until, step, new AtomicInteger());
    }

    static Map<String, Double> none() {
        return Map.of();
    }
}
