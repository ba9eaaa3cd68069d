package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompileOptions;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.solve.Cancellation;
import org.osteon.text.AntimonyReader;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/**
 * A run recording some columns (kept columns, or {@link SimulationProblem#withRecordedOutputs})
 * gives those columns bit for bit as a run recording everything: the recorder evaluates only the
 * outputs kept and what they depend on, with the same arithmetic. The model has a dose mid-run, so
 * most recorded points are interpolated inside steps and the run restarts once.
 */
class RecordedSubsetTest {
    /** g reads x through the chain g <- f <- h; the rest is not on it. */
    private static final String MODEL = """
            model m()
              J1: x -> ; k*x
              J2: -> y; k2*x - y
              x = 2; y = 0; k = 0.3; k2 = 0.1
              f := h + x*y
              g := f/(1 + f)
              other := exp(-y) + f
              h := sqrt(x)
              unrelated := y^2
            end
            """;
    private static final SolverSettings SETTINGS = SolverSettings.DEFAULT.withTolerances(1e-8, 1e-10);

    private static SimulationProblem problem(CompileOptions.Backend backend) {
        CompiledModel m = ModelCompiler.compile(AntimonyReader.parse(MODEL, "m.ant"), CompileOptions.DEFAULT.withBackend(backend));
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        List<ScheduledChange> dose = List.of(Changes.bolus(m.layout(), "x", 1.5, 3.3));
        return new SimulationProblem(m, init.state(), init.parameters(), 0, 10, SimulationProblem.grid(0, 10, 0.25), dose,
                List.of("k"));
    }

    @ParameterizedTest
    @EnumSource(CompileOptions.Backend.class)
    void keptColumnsAreThoseOfAFullRunBitForBit(CompileOptions.Backend backend) {
        SimulationProblem p = problem(backend);
        Trajectory full = Simulator.solve(p, SETTINGS);
        assertThat(full.columns()).hasSize(2 + 7 + 1); // x, y; f, g, other, h, unrelated, J1, J2; k
        Trajectory kept = Simulator.solve(p, SETTINGS, Cancellation.NONE, List.of("g", "y", "J1"));
        assertThat(kept.columns()).extracting(Column::id).containsExactly("y", "g", "J1");
        Trajectory outputs = Simulator.solve(p.withRecordedOutputs(List.of("g")), SETTINGS);
        assertThat(outputs.columns()).extracting(Column::id).containsExactly("x", "y", "g", "k");
        for (String id : List.of("y", "g", "J1")) {
            assertThat(kept.column(id)).as(id).isEqualTo(full.column(id)); // double[] equality: bit for bit
        }
        for (String id : List.of("x", "y", "g", "k")) {
            assertThat(outputs.column(id)).as(id).isEqualTo(full.column(id));
        }
        assertThat(kept.times()).isEqualTo(full.times());
        assertThat(kept.runInfo().acceptedSteps()).isEqualTo(full.runInfo().acceptedSteps());
        // and g is g: at t = 0, x = 2, y = 0, so f = sqrt(2) and g = sqrt(2)/(1 + sqrt(2)) (by hand)
        assertThat(kept.value("g", 0)).isCloseTo(Math.sqrt(2) / (1 + Math.sqrt(2)), within(1e-15));
    }

    @Test
    void aModelWithDelaysRecordsTheSameSubset() {
        // the delayed value is filled in before the selected outputs are evaluated, as before all outputs
        CompiledModel m = Models.compile("x' = -0.5*x; x = 1\nz := 2*delay(x, 1)\nw := z + x\nv := x*x");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        SimulationProblem p = new SimulationProblem(m, init.state(), init.parameters(), 0, 4, SimulationProblem.grid(0, 4, 0.1),
                List.of(), List.of());
        Trajectory full = Simulator.solve(p, SETTINGS);
        Trajectory kept = Simulator.solve(p, SETTINGS, Cancellation.NONE, List.of("w"));
        assertThat(kept.column("w")).isEqualTo(full.column("w"));
        // before t = 1 the delayed x is the initial 1: w(0.5) = 2 + exp(-0.25)
        assertThat(kept.value("w", 5)).isCloseTo(2 + Math.exp(-0.25), within(1e-7));
    }

    @Test
    void anUnknownOutputIsNamed() {
        SimulationProblem p = problem(CompileOptions.Backend.BYTECODE);
        assertThatThrownBy(() -> Simulator.solve(p.withRecordedOutputs(List.of("g", "gg")), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot record 'gg': not an output of model 'm' (did you mean 'g'?)");
        assertThatThrownBy(() -> Simulator.solve(p, SETTINGS, Cancellation.NONE, List.of("g", "unrelatd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot record 'unrelatd': not a state, output or parameter of model 'm' (did you mean 'unrelated'?)");
    }
}
