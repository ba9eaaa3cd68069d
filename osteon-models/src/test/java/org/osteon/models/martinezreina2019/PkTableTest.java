package org.osteon.models.martinezreina2019;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.models.ReferenceData;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;

/** The stepwise denosumab PK table: provenance, agreement with the peer's table, and the PK peak. */
class PkTableTest {
    private final PkTable table = PkTable.shipped();

    @Test
    void shippedTableIsExactlyTheGeneratorOutput() {
        double[][] regenerated = PkTableGenerator.generate(PkTableGenerator.SHIPPED);
        // bit for bit: the resource is the generator's output (Double.toString round-trips)
        assertThat(table.size()).isEqualTo(regenerated[0].length).isEqualTo(232);
        for (int k = 0; k < table.size(); k++) {
            assertThat(table.tau(k)).isEqualTo(regenerated[0][k]);
            assertThat(table.concentration(k)).isEqualTo(regenerated[1][k]);
        }
        assertThat(table.cycle()).isEqualTo(183.0);
    }

    @Test
    void everySummationGivesThe232SamplesOfThePeer() {
        // spec M4: the peer's table has 232 samples; the step sequence differs only by round-off
        for (ScipyRk45.Summation s : ScipyRk45.Summation.values()) {
            assertThat(PkTableGenerator.generate(s)[0]).hasSize(232);
        }
    }

    @Test
    void tableAgreesWithThePeerTableAtTheReferenceHalfDayProbes() {
        // reference column C_den_pM_at_t+0.5 = the peer's table looked up at tau = k + 0.5 (spec section 10).
        // The peer's RK45 step sequence depends on round-off in its numpy/OpenBLAS dot products, so it
        // cannot be reproduced bit for bit; measured: 3.64e-8 relative (plain left-to-right sums give
        // 2.3e-5, i.e. the sample times shift by 1.4e-4 d). Bound: 5e-8.
        assertThat(maxProbeError(table)).isLessThan(5e-8);
    }

    static double maxProbeError(PkTable t) {
        ReferenceData ref = ReferenceData.load("martinez_reina_pmo_denosumab_tight.csv");
        double[] times = ref.times();
        double[] c = ref.column("C_den_pM_at_t+0.5");
        double worst = 0;
        for (int i = 0; i < times.length; i++) {
            double tt = times[i] + 0.5;
            if (tt <= 365 || tt >= 4000) {
                assertThat(c[i]).isZero();
                continue;
            }
            double n = Math.floor((tt - 365) / 183);
            double tau = tt - 365 - n * 183;
            double v = t.nearest(tau) / 149000 * 1e6;
            worst = Math.max(worst, Math.abs(v - c[i]) / c[i]);
        }
        return worst;
    }

    @Test
    void modelLookupAtHalfDaysMatchesTheReferenceColumn() {
        // the same check through the model: C_den_pM of the stepwise scenario recorded at t + 0.5
        SimulationProblem base = MartinezReinaSupport.problem(MartinezReinaSupport.STEPWISE, Map.of());
        double[] grid = new double[3999];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i + 0.5;
        }
        SimulationProblem half = new SimulationProblem(base.model(), base.initialState(), base.parameters(), 0, 3999, grid,
                base.changes(), List.of());
        Trajectory tr = Simulator.solve(half, MartinezReinaSupport.RUNNER.settings(MartinezReinaSupport.scenario(MartinezReinaSupport.STEPWISE)));
        double[] c = ReferenceData.load("martinez_reina_pmo_denosumab_tight.csv").column("C_den_pM_at_t+0.5");
        double worst = 0;
        for (int i = 0; i < grid.length; i++) {
            double ref = c[i];
            double v = tr.value("C_den_pM", i);
            worst = Math.max(worst, ref == 0 ? Math.abs(v) : Math.abs(v - ref) / ref);
        }
        assertThat(worst).isLessThan(5e-8); // as the table itself (measured 3.64e-8)
    }

    @Test
    void peakOfTheSingleDoseCycle() {
        // spec section 5: peak 10080.5 ng/ml (67654 pM) at tau = 16.2 d (as quoted)
        int best = 0;
        for (int k = 0; k < table.size(); k++) {
            if (table.concentration(k) > table.concentration(best)) {
                best = k;
            }
        }
        assertThat(table.concentration(best)).isCloseTo(10080.5, within(0.05));
        assertThat(table.tau(best)).isCloseTo(16.2, within(0.05));
        assertThat(table.concentration(table.size() - 1)).isCloseTo(46.04, within(0.005)); // residual at 183 d (spec M4)
    }

    @Test
    void continuousPkPeaksAtTheSameValue() {
        // the PK ODE states of the continuous variant after the first dose at t = 365, sampled every 0.01 d
        SimulationProblem base = MartinezReinaSupport.problem(MartinezReinaSupport.CONTINUOUS, Map.of());
        double[] grid = SimulationProblem.grid(365, 400, 0.01);
        SimulationProblem fine = new SimulationProblem(base.model(), base.initialState(), base.parameters(), 0, 400, grid,
                base.changes(), List.of());
        Trajectory tr = Simulator.solve(fine, MartinezReinaSupport.TIGHT);
        // The spec's 10080.5 ng/ml at 16.2 d is the largest *table sample*; the samples at 15.17 and 16.17 d
        // straddle the true maximum. The continuous peak, computed independently with scipy DOP853
        // (rtol 1e-13, atol 1e-12) and a bounded scalar maximisation, is 10082.2602 ng/ml at tau = 15.7931 d.
        // Bounds: 1e-3 ng/ml (rtol 1e-8) and the 0.01 d grid.
        assertThat(tr.max("C_den_c")).isCloseTo(10082.2602, within(1e-3));
        assertThat(tr.timeOfMax("C_den_c") - 365).isCloseTo(15.7931, within(0.006));
        assertThat(tr.max("C_den_pM")).isCloseTo(10082.2602e6 / 149000, within(0.01));
        assertThat(tr.valueAt("C_den_c", 365 + 16.173684822014394)).isCloseTo(10080.4688497, within(1e-3));
    }
}
