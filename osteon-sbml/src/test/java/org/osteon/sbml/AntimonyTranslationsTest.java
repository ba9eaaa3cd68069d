package org.osteon.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.text.AntimonyReader;
import org.osteon.trajectory.Trajectory;

/**
 * A BioModels entry read from its SBML and from libAntimony's Antimony translation of it simulates
 * the same: every state of the SBML model, at every output time. The SBML files are the bone models
 * of test resources /biomodels (BioModels, byte for byte); the Antimony files are in /antimony (see
 * its README).
 *
 * <p>Both are solved at rtol 1e-10, atol 1e-14, so two readings of the same equations agree far
 * closer than the bound: 1e-6 of the state's largest magnitude, plus 1e-12.
 */
class AntimonyTranslationsTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-14);

    private static Trajectory simulate(Model m, double until) {
        CompiledModel c = ModelCompiler.compile(m);
        InitialConditions init = InitialConditions.prepare(c, Map.of(), 0);
        return Simulator.solve(new SimulationProblem(c, init.state(), init.parameters(), 0, until,
                SimulationProblem.grid(0, until, until / 100), List.of(), List.of()), TIGHT);
    }

    @ParameterizedTest(name = "{0} to t = {2}")
    @CsvSource({
        "biomodels/BIOMD0000000148.xml, BIOMD0000000148, 1500", "biomodels/BIOMD0000000274.xml, BIOMD0000000274, 500",
        "biomodels/BIOMD0000000276.xml, BIOMD0000000276, 500", "biomodels/BIOMD0000000277.xml, BIOMD0000000277, 500",
        "biomodels/BIOMD0000000278.xml, BIOMD0000000278, 500", "biomodels/BIOMD0000000279.xml, BIOMD0000000279, 500",
        "biomodels/BIOMD0000000401.xml, BIOMD0000000401, 500", "biomodels/BIOMD0000000402.xml, BIOMD0000000402, 500",
        "biomodels/BIOMD0000000403.xml, BIOMD0000000403, 500", "biomodels/BIOMD0000000612.xml, BIOMD0000000612, 172800",
        "biomodels/BIOMD0000000613.xml, BIOMD0000000613, 500", "biomodels/BIOMD0000000721.xml, BIOMD0000000721, 500",
        "biomodels/BIOMD0000000804.xml, BIOMD0000000804, 500"})
    void theAntimonyTranslationSimulatesLikeTheSbml(String sbml, String id, double until) throws Exception {
        Model fromSbml = SbmlReader.readFile(Path.of(getClass().getResource("/" + sbml).toURI())).model();
        Model fromAntimony = AntimonyReader.read(Path.of(getClass().getResource("/antimony/" + id + ".txt").toURI()));
        Trajectory a = simulate(fromSbml, until);
        Trajectory b = simulate(fromAntimony, until);
        List<String> states = ModelCompiler.compile(fromSbml).layout().states().stream().map(v -> v.id()).toList();
        assertThat(states).isNotEmpty();
        for (String s : states) {
            double[] x = a.column(s);
            double[] y = b.column(s);
            double scale = 0;
            for (double v : x) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < x.length; i++) {
                assertThat(Math.abs(x[i] - y[i])).as("%s %s at t = %s: SBML %s, Antimony %s", id, s, a.time(i), x[i], y[i])
                        .isLessThanOrEqualTo(1e-6 * scale + 1e-12);
            }
        }
    }
}
