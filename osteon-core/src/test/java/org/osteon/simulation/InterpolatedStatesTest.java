package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.trajectory.Trajectory;

/**
 * A run keeping a few outputs interpolates only the states they read (CompiledModel.statesRead,
 * DenseStep.interpolate with components): which states, read off the model text by hand, and the
 * kept columns the same bit for bit as those of a run that interpolates and records everything.
 * Model: x' = -x, y' = x - 2 y, z' = 1 - z (from 1, 0, 0); a := 2 x; b := a + z; c := 3 k.
 */
class InterpolatedStatesTest {
    private static final String BODY = "x' = -x; x = 1; y' = x - 2*y; y = 0; z' = 1 - z; z = 0; k = 0.5\n"
            + "a := 2*x; b := a + z; c := 3*k";

    private static int[] read(CompiledModel m, String... outputs) {
        int[] idx = new int[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            idx[i] = m.layout().outputIndex(outputs[i]);
        }
        return m.statesRead(idx);
    }

    @Test
    void theStatesAnOutputReadsAreFoundThroughItsAssignedValues() {
        CompiledModel m = Models.compile(BODY);
        int x = m.layout().stateIndex("x");
        int z = m.layout().stateIndex("z");
        assertThat(read(m, "a")).containsExactly(x);
        assertThat(read(m, "b")).containsExactly(Math.min(x, z), Math.max(x, z));
        assertThat(read(m, "c")).isEmpty();
        assertThat(read(m, "c", "a")).containsExactly(x);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bdf", "rodas5p", "dopri5"})
    void keptColumnsAreTheSameBitForBitAsAFullRecord(String method) {
        CompiledModel m = Models.compile(BODY);
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        SimulationProblem problem = new SimulationProblem(m, init.state(), init.parameters(), 0, 10,
                SimulationProblem.grid(0, 10, 0.1), List.of(), List.of());
        SolverSettings settings = SolverSettings.DEFAULT.withMethod(method).withTolerances(1e-8, 1e-10);
        Trajectory full = Simulator.solve(problem, settings);
        for (List<String> kept : List.of(List.of("b"), List.of("a", "c"), List.of("y", "b"))) {
            Trajectory part = Simulator.solve(problem, settings, new SimulationWorkspace(), kept);
            assertThat(part.size()).isEqualTo(full.size());
            for (String column : kept) {
                for (int i = 0; i < full.size(); i++) {
                    assertThat(part.value(column, i)).as("%s at t=%s keeping %s", column, full.time(i), kept)
                            .isEqualTo(full.value(column, i));
                }
            }
        }
    }
}
