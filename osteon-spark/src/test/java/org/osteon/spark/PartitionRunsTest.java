package org.osteon.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.analysis.Axis;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.Summary;
import org.osteon.analysis.batch.ScanTask;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.population.PatientResult;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.simulation.SimulationWorkspace;

/**
 * A Spark partition's runs share one workspace ({@link PartitionRuns}), and that must not change a
 * bit of any result: the expected values are the same runs each made with storage of its own
 * ({@code PopulationJob.simulate(i)}, {@code ScanTask.apply(k)}), so equality is exact. No Spark
 * session is needed: this is the function each partition runs. rankl-pathway (37 states, sparse LU)
 * with bdf, whose iteration matrix and history are kept across the denosumab doses of a run, and
 * pivonka2008 (dense) with the scenario's own method.
 */
class PartitionRunsTest {
    private static final ModelCatalog CATALOG = ModelCatalogs.discover();

    private static PopulationJob job(String scenario, String solver, String outputs) {
        String yaml = "scenario: " + scenario + "\nuntil: 730\nstep: 30.4375\nn: 40\nseed: 9\n"
                + (solver == null ? "" : "solver: " + solver + "\n")
                + "parameters:\n  K_D8: {distribution: lognormal, cv: 0.3}\noutputs: [" + outputs + "]\n";
        return PopulationRecipe.of(yaml, scenario + ".yaml", null, CATALOG).job(CATALOG);
    }

    @Test
    void patientsOfAPartitionMatchPatientsRunAloneBitForBit() {
        for (PopulationJob job : List.of(job("rankl-pathway-menopause-denosumab", "bdf", "BV_change, CTX"),
                job("pivonka2008-pth", null, "OCa, OBa"))) {
            SimulationWorkspace workspace = new SimulationWorkspace();
            List<PatientResult> partition = new ArrayList<>();
            // blocks 0, 2 and 4 of 3 patients: patients 0-2, 6-8, 12-14
            PartitionRuns.patients(job, List.of(0, 2, 4).iterator(), 3, workspace).forEachRemaining(partition::add);
            assertThat(partition).extracting(PatientResult::patient).containsExactly(0, 1, 2, 6, 7, 8, 12, 13, 14);
            for (PatientResult r : partition) {
                PatientResult alone = job.simulate(r.patient());
                assertThat(alone.succeeded()).as(alone.failure()).isTrue();
                assertThat(r.values()).as("patient %d", r.patient()).isDeepEqualTo(alone.values());
            }
            assertThat(workspace.solver().reused()).as("storage handed out again").isGreaterThan(10);
        }
    }

    @Test
    void theLastBlockOfAPopulationStopsAtItsSize() {
        PopulationJob job = job("pivonka2008-pth", null, "OCa");
        List<Integer> seen = new ArrayList<>();
        // 40 patients in blocks of 16: block 2 holds patients 32-39 only
        PartitionRuns.patients(job, List.of(2).iterator(), 16).forEachRemaining(r -> seen.add(r.patient()));
        assertThat(seen).containsExactly(32, 33, 34, 35, 36, 37, 38, 39);
    }

    @Test
    void scanPointsOfAPartitionMatchPointsRunAloneBitForBit() {
        ScenarioRecipe recipe = ScenarioRecipe.of("pivonka2008-pth", CATALOG,
                new ScenarioRecipe.Overrides(null, null, "bdf", null, null, new java.util.LinkedHashMap<>()));
        ScanTask task = new ScanTask(recipe, Axis.logarithmic("K_D8", 1, 20, 12), null, List.of("OCa", "OBa"),
                Summary.MAX, InitialState.SCENARIO);
        SimulationWorkspace workspace = new SimulationWorkspace();
        List<ScanTask.Point> partition = new ArrayList<>();
        PartitionRuns.items(task, List.of(3, 4, 5, 6, 7, 8, 9, 10, 11).iterator(), workspace)
                .forEachRemaining(partition::add);
        for (int k = 3; k < 12; k++) {
            ScanTask.Point alone = task.apply(k);
            assertThat(alone.failure()).isNull();
            assertThat(partition.get(k - 3).values()).as("point %d", k).isEqualTo(alone.values());
        }
        assertThat(workspace.solver().reused()).as("storage handed out again").isGreaterThan(5);
    }
}
