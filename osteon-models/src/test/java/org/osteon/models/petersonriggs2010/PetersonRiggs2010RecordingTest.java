package org.osteon.models.petersonriggs2010;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.models.BuiltInCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/**
 * A petersonriggs2010 scenario that asks for some outputs records those only (issue 11's 2-year
 * denosumab benchmark asks for 3 of 158 columns): the recorded columns are the same, bit for bit, as
 * those of the run recording every state, output and parameter, and each output time computes only
 * the assigned values the asked outputs depend on.
 */
class PetersonRiggs2010RecordingTest {
    /** The outputs of the shipped 48-month denosumab scenario; OBchange reads the rule OB (OBfast + OBslow). */
    private static final List<String> OUTPUTS = List.of("DENCP", "DENMOL", "BMDlsDENchange", "OCchange", "OBchange",
            "BMD_LS_change", "PTHpm", "CaC", "TGFBact_change");

    @Test
    void denosumabOutputsAreThoseOfTheFullRunBitForBit() {
        Scenario s = PetersonRiggs.scenario("denosumab-recording", """
                until: 4032
                step: 4
                solver: rodas5p
                doses:
                  - {target: DENSC, amount: %s, at: 0}
                outputs: [%s]
                """.formatted(PetersonRiggs.DENOSUMAB_60MG_NG, String.join(", ", OUTPUTS)));
        ScenarioRunner runner = new ScenarioRunner(new BuiltInCatalog());
        CompiledModel model = runner.model(s);
        SimulationProblem problem = runner.problem(s, model);
        Trajectory full = Simulator.solve(problem, runner.settings(s));
        Trajectory run = runner.run(s);
        assertThat(run.columns()).extracting(Column::id).containsExactlyElementsOf(OUTPUTS);
        assertThat(full.columns().size()).isGreaterThan(150); // 46 states, 107 outputs, 5 parameters when written
        for (String id : OUTPUTS) {
            assertThat(run.column(id)).as(id).isEqualTo(full.column(id));
        }
        // OpenBoneMin's definitions at the start, before any drug reached the blood: no denosumab, no change
        assertThat(run.first("DENCP")).isZero();
        assertThat(run.first("OCchange")).isCloseTo(100, within(1e-9));
        int[] selected = OUTPUTS.stream().mapToInt(model.layout()::outputIndex).toArray();
        int computed = model.outputSelection(selected).computedValues();
        assertThat(computed).isBetween(OUTPUTS.size(), model.layout().outputCount() / 2);
    }
}
