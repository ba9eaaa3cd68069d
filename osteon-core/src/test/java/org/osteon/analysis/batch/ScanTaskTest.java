package org.osteon.analysis.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.Axis;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.ScanResult;
import org.osteon.analysis.Summary;
import org.osteon.scenario.ModelCatalog;

/**
 * A scan as an engine task: point k of the grid (x fastest) against the closed form
 * x(t) = x0 exp(-k t) of decay.ant, failures as NaN rows with their reason, and the task's
 * Java serialization (it is what an engine sends to other JVMs).
 */
class ScanTaskTest {
    @TempDir
    Path dir;

    private ScenarioRecipe recipe() {
        return ScenarioRecipe.of(SpecFiles.decayModel(dir).toString(), ModelCatalog.EMPTY,
                RecipesTest.overrides(4, Map.of()));
    }

    @Test
    void twoDimensionalGridPutsXFastestAndMatchesTheClosedForm() throws Exception {
        Axis k = Axis.linear("k", 0.1, 0.4, 4);
        Axis x0 = Axis.linear("x0", 1, 3, 3);
        ScanTask task = new ScanTask(recipe(), k, x0, List.of("x", "root_a"), Summary.FINAL, InitialState.SCENARIO);
        assertThat(task.points()).isEqualTo(12);
        ScanResult r = RecipesTest.roundTrip(task).run(new LocalEngine(2), Monitor.NONE);
        assertThat(r.failures()).isEmpty();
        assertThat(r.points()).isEqualTo(12);
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 4; i++) {
                // rtol 1e-10 on a smooth decay: the global error is far below 1e-8.
                double exact = x0.value(j) * Math.exp(-4 * k.value(i));
                assertThat(r.value(0, i, j)).isCloseTo(exact, within(1e-8));
                assertThat(r.value(1, i, j)).isCloseTo(exact, within(1e-8)); // root_a = sqrt(1) x
                assertThat(task.apply(i + 4 * j).values()[0]).isEqualTo(r.value(0, i, j));
            }
        }
    }

    @Test
    void oneDimensionalScanWithFailuresNamesThePointAndReason() {
        // root_a = sqrt(a) x is NaN for a < 0: the simulator refuses the run, naming the output.
        Axis a = Axis.linear("a", -1, 1, 5);
        ScanTask task = new ScanTask(recipe(), a, null, List.of("root_a"), Summary.MAX, InitialState.SCENARIO);
        assertThat(task.points()).isEqualTo(5);
        ScanResult r = task.run(new LocalEngine(1), Monitor.NONE);
        assertThat(r.failures()).hasSize(2);
        for (int p = 0; p < 2; p++) {
            ScanResult.Failure f = r.failures().get(p);
            assertThat(f.point()).isEqualTo(p);
            assertThat(f.x()).isEqualTo(a.value(p));
            assertThat(f.y()).isNaN();
            assertThat(f.message()).contains("'root_a' is NaN");
            assertThat(r.value(0, p, 0)).isNaN();
        }
        // max of sqrt(a) * 10 exp(-0.1 t) is its start value 10 sqrt(a)
        assertThat(r.value(0, 2, 0)).isEqualTo(0.0);
        assertThat(r.value(0, 3, 0)).isCloseTo(10 * Math.sqrt(0.5), within(1e-12));
        assertThat(r.value(0, 4, 0)).isCloseTo(10, within(1e-12));
        ScanTask.Point failed = task.apply(0);
        assertThat(failed.values()).containsExactly(Double.NaN);
        assertThat(failed.failure()).contains("'root_a' is NaN");
        assertThat(task.apply(4).failure()).isNull();
    }

    @Test
    void aSteadyStartBeginsEveryPointAtTheEquilibrium() {
        // x' = -k x has its only equilibrium at x = 0, whatever k and x0.
        ScanTask task = new ScanTask(recipe(), Axis.linear("k", 0.1, 0.2, 2), null, List.of("x"), Summary.MAX,
                InitialState.STEADY_STATE);
        ScanResult r = task.run(new LocalEngine(1), Monitor.NONE);
        assertThat(r.value(0, 0, 0)).isCloseTo(0, within(1e-9));
        assertThat(r.value(0, 1, 0)).isCloseTo(0, within(1e-9));
        ScanTask scenarioStart = new ScanTask(recipe(), Axis.linear("k", 0.1, 0.2, 2), null, List.of("x"), Summary.MAX,
                InitialState.SCENARIO);
        assertThat(scenarioStart.apply(0).values()[0]).isCloseTo(10, within(1e-12));
    }
}
