package org.osteon.models.martinezreina2019;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteon.models.ReferenceData;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;

/**
 * martinezreina2019 against the tight reference trajectories of spec section 10
 * ({@code martinez_reina_pmo_denosumab_tight.csv}: stepwise PK with the peer's table;
 * {@code ..._continuousPK_tight.csv}: continuous PK), run through the shipped scenarios.
 * Error = max |osteon - ref| / max |ref| over the daily grid 0..3999.
 */
class MartinezReina2019VerificationTest {
    /** Osteon column, reference column. */
    private static final String[][] COLUMNS = {{"OBp", "OBp_pM"}, {"OBa", "OBa_pM"}, {"OCa", "OCa_pM"},
        {"f_vas", "f_vas_pct"}, {"f_bm", "f_bm_pct"}, {"v_mineral", "v_mineral"}, {"rho_material", "rho_material_gcm3"},
        {"rho_apparent_peer", "rho_apparent_peer_gcm3"}};

    static double worst(Trajectory tr, ReferenceData ref) {
        double worst = 0;
        for (String[] c : COLUMNS) {
            worst = Math.max(worst, ref.maxErrorRelativeToPeak(tr, c[0], c[1]));
        }
        return Math.max(worst, trueApparentDensityError(tr, ref));
    }

    /** rho_apparent (true) against the reference's column, or rho_material*f_bm/100 of the reference where it has none. */
    static double trueApparentDensityError(Trajectory tr, ReferenceData ref) {
        double[] rm = ref.column("rho_material_gcm3");
        double[] fbm = ref.column("f_bm_pct");
        double[] expected = new double[rm.length];
        for (int i = 0; i < rm.length; i++) {
            expected[i] = rm[i] * fbm[i] / 100;
        }
        try {
            expected = ref.column("rho_apparent_true_gcm3");
        } catch (IllegalArgumentException absent) {
            // continuous reference: derived from its own columns
        }
        double peak = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            peak = Math.max(peak, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(tr.value("rho_apparent", i) - expected[i]));
        }
        return worst / peak;
    }

    /** Prints the measured errors (the verification table of docs/models/martinezreina2019.md comes from these lines). */
    static void report(String scenario, String settings, Trajectory tr, ReferenceData ref) {
        StringBuilder sb = new StringBuilder("martinezreina2019 verification | " + scenario + " | " + settings + " |");
        for (String[] c : COLUMNS) {
            sb.append(String.format(java.util.Locale.ROOT, " %s %.2e", c[0], ref.maxErrorRelativeToPeak(tr, c[0], c[1])));
        }
        sb.append(String.format(java.util.Locale.ROOT, " rho_apparent %.2e | %d steps, %d RHS evaluations, %d restarts",
                trueApparentDensityError(tr, ref), tr.runInfo().acceptedSteps(), tr.runInfo().functionEvaluations(),
                tr.runInfo().restarts()));
        System.out.println(sb);
    }

    @ParameterizedTest(name = "{0} at rtol 1e-8")
    @CsvSource({"martinezreina2019-pmo-denosumab-stepwise, martinez_reina_pmo_denosumab_tight.csv",
        "martinezreina2019-pmo-denosumab-continuous, martinez_reina_pmo_denosumab_continuousPK_tight.csv"})
    void tightSolutionMatchesReference(String scenario, String reference) {
        Trajectory tr = MartinezReinaSupport.runTight(scenario, Map.of());
        ReferenceData ref = ReferenceData.load(reference);
        assertThat(tr.size()).isEqualTo(ref.rows()).isEqualTo(4000);
        // task bound 1e-6 of peak at rtol 1e-8 (measured: <= 5.1e-9, OCa; see docs/models/martinezreina2019.md)
        report(scenario, "rtol 1e-8, atol 1e-14", tr, ref);
        for (String[] c : COLUMNS) {
            assertThat(ref.maxErrorRelativeToPeak(tr, c[0], c[1])).as(c[0]).isLessThan(1e-6);
        }
        assertThat(trueApparentDensityError(tr, ref)).as("rho_apparent").isLessThan(1e-6);
    }

    @ParameterizedTest(name = "{0} as shipped (default tolerances)")
    @CsvSource({"martinezreina2019-pmo-denosumab-stepwise, martinez_reina_pmo_denosumab_tight.csv",
        "martinezreina2019-pmo-denosumab-continuous, martinez_reina_pmo_denosumab_continuousPK_tight.csv"})
    void defaultSolutionMatchesReference(String scenario, String reference) {
        Trajectory tr = MartinezReinaSupport.runDefault(scenario);
        ReferenceData ref = ReferenceData.load(reference);
        // task bound 1e-3 of peak at the default rtol 1e-6 / atol 1e-12 (measured: <= 5.1e-7, OCa); the peer's
        // own default-tolerance run is off by 5.7e-3 (spec M3)
        report(scenario, "default (rtol 1e-6, atol 1e-12)", tr, ref);
        for (String[] c : COLUMNS) {
            assertThat(ref.maxErrorRelativeToPeak(tr, c[0], c[1])).as(c[0]).isLessThan(1e-3);
        }
        assertThat(trueApparentDensityError(tr, ref)).as("rho_apparent").isLessThan(1e-3);
    }

    @Test
    void restartConventionIsWhatTheContinuousReferenceAssumes() {
        // spec M4: bone_models restarts each dose cycle from C = 0. The accumulating (physical) PK
        // departs from the continuous reference by far more than the solver error (measured 3.2e-3 in OCa).
        ReferenceData ref = ReferenceData.load("martinez_reina_pmo_denosumab_continuousPK_tight.csv");
        Trajectory restart = MartinezReinaSupport.runDefault(MartinezReinaSupport.CONTINUOUS);
        Trajectory accumulate = MartinezReinaSupport.runDefault(MartinezReinaSupport.ACCUMULATING);
        assertThat(ref.maxErrorRelativeToPeak(restart, "OCa", "OCa_pM")).isLessThan(1e-5);
        assertThat(ref.maxErrorRelativeToPeak(accumulate, "OCa", "OCa_pM")).isGreaterThan(1e-3);
        // with accumulation the trough concentration before each new dose grows
        assertThat(accumulate.valueAt("C_den_c", 3841.0)).isGreaterThan(restart.valueAt("C_den_c", 3841.0));
    }

    @Test
    void outputGridIsDailyWithoutDuplicates() {
        // spec M6: the peer repeats t = 0 three times and every day twice; Osteon records 0..3999 once
        Trajectory tr = MartinezReinaSupport.runDefault(MartinezReinaSupport.STEPWISE);
        assertThat(tr.size()).isEqualTo(4000);
        for (int i = 0; i < tr.size(); i++) {
            assertThat(tr.time(i)).isEqualTo(i);
        }
    }

    @Test
    void dosesDailyUpdatesAndTableMidpointsAreBreakpoints() {
        Trajectory step = MartinezReinaSupport.runDefault(MartinezReinaSupport.STEPWISE);
        Trajectory cont = MartinezReinaSupport.runDefault(MartinezReinaSupport.CONTINUOUS);
        for (Trajectory tr : List.of(step, cont)) {
            List<Double> restarts = tr.runInfo().restartTimes();
            for (int d = 1; d < 3999; d++) {
                assertThat(restarts).as("daily queue update at %d", d).contains((double) d);
            }
            for (double dose = 365; dose < 4000; dose += 183) {
                assertThat(restarts).as("dose at %s", dose).contains(dose);
            }
        }
        PkTable table = PkTable.shipped();
        List<Double> restarts = step.runInfo().restartTimes();
        for (int k = 0; k < table.size() - 1; k++) {
            assertThat(restarts).as("table midpoint %d of the first cycle", k).contains(365 + table.midpoint(k));
        }
        assertThat(step.runInfo().restarts()).isEqualTo(restarts.size());
        assertThat(cont.runInfo().restartTimes()).doesNotContain(365 + table.midpoint(0));
    }

    @Test
    void stepwiseConcentrationFollowsTheTable() {
        Trajectory tr = MartinezReinaSupport.runDefault(MartinezReinaSupport.STEPWISE);
        PkTable table = PkTable.shipped();
        assertThat(tr.valueAt("C_den", 364.0)).isZero();
        assertThat(tr.valueAt("C_den", 365.0)).isZero(); // sample 0 of the cycle (tau = 0)
        for (int d = 366; d < 3999; d++) {
            double tau = (d - 365) % 183;
            assertThat(tr.valueAt("C_den", d)).as("day %d", d).isEqualTo(table.nearest(tau == 0 ? 0 : tau));
        }
    }

    @Test
    void mechanicalRanklTermNeverFiresInTheShippedScenarios() {
        // spec M1 / section 7: psi/psi_ss never drops below 1, so restoring P_RANKL,mech (mech_RANKL = 1,
        // Osteon's default) changes nothing; checked here for every shipped scenario
        for (String id : List.of(MartinezReinaSupport.PMO, MartinezReinaSupport.STEPWISE, MartinezReinaSupport.CONTINUOUS,
                MartinezReinaSupport.ACCUMULATING, MartinezReinaSupport.CONSERVING)) {
            Trajectory tr = MartinezReinaSupport.runDefault(id);
            assertThat(tr.max("P_RANKL_mech")).as(id).isZero();
            assertThat(tr.min("psi_ratio")).as(id).isGreaterThanOrEqualTo(1.0);
        }
        Trajectory on = MartinezReinaSupport.runTight(MartinezReinaSupport.STEPWISE, Map.of("mech_RANKL", 1.0));
        Trajectory off = MartinezReinaSupport.runTight(MartinezReinaSupport.STEPWISE, Map.of("mech_RANKL", 0.0));
        for (String id : List.of("OBp", "OBa", "OCa", "f_bm", "v_mineral")) {
            assertThat(on.column(id)).as(id).containsExactly(off.column(id));
        }
        // section 7: maximum psi/psi_ss = 1.771 at t = 198 (as quoted)
        assertThat(on.max("psi_ratio")).isBetween(1.7705, 1.7715);
        assertThat(on.timeOfMax("psi_ratio")).isEqualTo(198.0);
    }

    @Test
    void mechanicalRanklTermActsUnderDisuse() {
        // the restored term is live: halving the habitual stress (disuse) makes psi < psi_ss and RANKL production appear
        Trajectory tr = MartinezReinaSupport.runDefault(MartinezReinaSupport.PMO);
        assertThat(tr.max("P_RANKL_mech")).isZero();
        SimulationProblem base = MartinezReinaSupport.problem(MartinezReinaSupport.PMO, Map.of("P_PMO0", 0.0));
        int k = base.model().layout().parameterIndex("sigma33");
        List<org.osteon.simulation.ScheduledChange> changes = new ArrayList<>(base.changes());
        changes.addAll(org.osteon.simulation.Changes.window(base.model().layout(), "sigma33", -2.5e-3, 10, 3999, base.parameters()[k]));
        SimulationProblem disuse = new SimulationProblem(base.model(), base.initialState(), base.parameters(), 0, 100,
                SimulationProblem.grid(0, 100, 1), changes, List.of("sigma33"));
        Trajectory d = Simulator.solve(disuse, MartinezReinaSupport.TIGHT);
        // psi scales with sigma^2: psi/psi_ss = 0.25 right after the switch, P_RANKL,mech = kappa*(1 - 0.25)
        assertThat(d.valueAt("P_RANKL_mech", 10.0)).isCloseTo(0.75e5, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(d.valueAt("f_bm", 100.0)).isLessThan(15.0);
    }

    @Test
    void queueClippingIsCountedAndTheReferenceRequiresIt() {
        // spec M5: bone_models clips q_999 at 0 (404 printed warnings in its run). Osteon counts instead of printing.
        Trajectory step = MartinezReinaSupport.runDefault(MartinezReinaSupport.STEPWISE);
        assertThat(step.last("queue_clip_count")).isBetween(350.0, 450.0); // measured 401
        assertThat(step.value("queue_clip_count", 0)).isZero();
        // the volume-conserving queue is a different model: it departs from the reference by ~1e-2 in v_mineral
        Trajectory conserving = MartinezReinaSupport.runDefault(MartinezReinaSupport.CONSERVING);
        ReferenceData ref = ReferenceData.load("martinez_reina_pmo_denosumab_continuousPK_tight.csv");
        assertThat(ref.maxErrorRelativeToPeak(conserving, "v_mineral", "v_mineral")).isGreaterThan(1e-3);
    }

    @Test
    void pmoAloneLosesMoreBoneThanWithDenosumab() {
        Trajectory pmo = MartinezReinaSupport.runDefault(MartinezReinaSupport.PMO);
        Trajectory den = MartinezReinaSupport.runDefault(MartinezReinaSupport.CONTINUOUS);
        assertThat(pmo.max("C_den")).isZero();
        assertThat(pmo.runInfo().restartTimes()).allMatch(t -> t == Math.rint(t)); // daily updates only, no doses
        assertThat(pmo.last("f_bm")).isLessThan(den.last("f_bm"));
        assertThat(pmo.last("rho_apparent")).isLessThan(den.last("rho_apparent"));
        // before the first dose the runs agree exactly (the same operations)
        assertThat(pmo.value("OCa", 365)).isEqualTo(den.value("OCa", 365));
    }

    @Test
    void oneCompiledModelServesConcurrentRuns() throws Exception {
        Trajectory alone = MartinezReinaSupport.runDefault(MartinezReinaSupport.STEPWISE);
        Trajectory other = MartinezReinaSupport.runDefault(MartinezReinaSupport.CONTINUOUS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Trajectory>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = i % 2 == 0 ? MartinezReinaSupport.STEPWISE : MartinezReinaSupport.CONTINUOUS;
                futures.add(pool.submit(() -> MartinezReinaSupport.runDefault(id)));
            }
            for (int i = 0; i < futures.size(); i++) {
                Trajectory expected = i % 2 == 0 ? alone : other;
                Trajectory got = futures.get(i).get();
                for (String id : List.of("OCa", "f_bm", "v_mineral", "C_den")) {
                    assertThat(got.column(id)).as(id).containsExactly(expected.column(id));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void stepwiseTableOnlyForItsOwnDose() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MartinezReinaSupport.problem(MartinezReinaSupport.STEPWISE, Map.of("D_den", 120e6)))
                .hasMessageContaining("pk_continuous = 1");
    }
}
