package org.osteon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.osteon.compile.CompileOptions;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.text.AntimonyReader;

/** The benchmark problems, read from this module's resources and compiled with either backend. */
final class BenchModels {
    private BenchModels() {
    }

    static CompiledModel compile(String name, CompileOptions.Backend backend) {
        try (InputStream in = BenchModels.class.getResourceAsStream("/org/osteon/bench/" + name + ".ant")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ModelCompiler.compile(AntimonyReader.parse(text, name + ".ant"), CompileOptions.DEFAULT.withBackend(backend));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SimulationProblem problem(CompiledModel m, double tEnd, int points) {
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = tEnd * i / (points - 1);
        }
        return new SimulationProblem(m, init.state(), init.parameters(), 0, tEnd, grid, List.of(), List.of());
    }
}
