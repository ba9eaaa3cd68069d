package org.osteon.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Event;
import org.osteon.model.Model;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Trajectory;

/**
 * The 16 BioModels bone models load, compile and simulate; where a published reference exists,
 * the numbers are the reference's: Lemaire 2004's steady state (BioModels notes: R, B, C =
 * 7.734e-4, 7.283e-4, 9.128e-4 pM) and the tight Radau solution of Komarova 2003 from the BioModels
 * start (shared reference spec, sec. 1: OB peak 395.808, bone mass minimum 89.842 %, final
 * 99.96687 %).
 */
class BioModelsTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-14);

    static SbmlImport load(String id) throws Exception {
        return SbmlReader.readFile(Path.of(BioModelsTest.class.getResource("/biomodels/" + id + ".xml").toURI()));
    }

    static Trajectory simulate(Model m, double until, double step) {
        CompiledModel c = ModelCompiler.compile(m);
        InitialConditions init = InitialConditions.prepare(c, Map.of(), 0);
        List<String> recorded = c.layout().parameters().stream().map(v -> v.id()).toList();
        return Simulator.solve(new SimulationProblem(c, init.state(), init.parameters(), 0, until,
                SimulationProblem.grid(0, until, step), List.of(), recorded), TIGHT);
    }

    @ParameterizedTest(name = "{0} to t = {1}")
    @CsvSource({
        "BIOMD0000000148, 1500", "BIOMD0000000274, 500", "BIOMD0000000276, 500", "BIOMD0000000277, 500",
        "BIOMD0000000278, 500", "BIOMD0000000279, 500", "BIOMD0000000401, 500", "BIOMD0000000402, 500",
        "BIOMD0000000403, 500", "BIOMD0000000612, 172800", "BIOMD0000000613, 500", "BIOMD0000000721, 500",
        "BIOMD0000000804, 500", "MODEL1006230083, 95", "MODEL1012140000, 500", "MODEL1012140001, 500"})
    void loadsAndSimulates(String id, double until) throws Exception {
        SbmlImport imported = load(id);
        Trajectory t = simulate(imported.model(), until, until / 50);
        assertThat(t.size()).isEqualTo(51);
        for (var column : t.columns()) {
            for (double v : t.column(column.id())) {
                assertThat(Double.isNaN(v)).as("%s %s", id, column.id()).isFalse();
            }
        }
    }

    @Test
    void lemaireStaysAtItsPublishedSteadyState() throws Exception {
        Trajectory t = simulate(load("BIOMD0000000278").model(), 500, 100);
        // the file starts at the steady state rounded to 4 digits; it stays there to that precision
        assertThat(t.last("R")).isCloseTo(7.734e-4, within(0.0005e-4));
        assertThat(t.last("B")).isCloseTo(7.283e-4, within(0.0005e-4));
        assertThat(t.last("C")).isCloseTo(9.128e-4, within(0.0005e-4));
    }

    @Test
    void komarovaFollowsLevelTwoEventsAtTheStart() throws Exception {
        // Level 2 events fire only when the trigger turns true: x1 > x1_bar already holds at t = 0,
        // so resorption stays off for the first cycle and bone mass rises instead of falling.
        Trajectory t = simulate(load("BIOMD0000000148").model(), 100, 1);
        assertThat(t.value("flag_resorption", 10)).isZero();
        assertThat(t.min("z")).isEqualTo(100.0);
        assertThat(t.max("z")).isGreaterThan(110);
    }

    @Test
    void komarovaWithEventsFiringAtTheStartReproducesTheReference() throws Exception {
        Model m = load("BIOMD0000000148").model();
        List<Event> firing = new ArrayList<>();
        m.events().forEach(e -> firing.add(new Event(e.id(), e.trigger(), e.delay(), e.assignments(), e.priority(),
                e.persistent(), false, e.useValuesFromTriggerTime(), e.metadata())));
        Model atStart = new Model(m.id(), m.metadata(), m.units(), m.functions(), m.compartments(), m.species(),
                m.parameters(), m.initialAssignments(), m.rules(), m.reactions(), firing, m.conversionFactor());
        // on the reference's daily grid: its extremes are those of daily values
        Trajectory t = simulate(atStart, 1500, 1);
        // reference spec sec. 1, BioModels start (11, 212, 100); tolerances: half a unit of the last
        // digit quoted, plus the solvers' difference (both at rtol 1e-10)
        assertThat(t.max("x2")).isCloseTo(395.808, within(0.01));
        assertThat(t.min("z")).isCloseTo(89.842, within(0.002));
        assertThat(t.last("z")).isCloseTo(99.96687, within(0.00002));
    }

    @Test
    void krollModelIsUndefinedAfterDay96AsItsPiecewiseSays() throws Exception {
        Model m = load("MODEL1006230083").model();
        assertThatThrownBy(() -> simulate(m, 100, 1)).isInstanceOf(SolverException.class)
                .hasMessageContaining("is NaN at t=96");
    }
}
