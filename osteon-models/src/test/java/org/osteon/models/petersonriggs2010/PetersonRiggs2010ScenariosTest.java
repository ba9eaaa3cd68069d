package org.osteon.models.petersonriggs2010;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osteon.models.ShippedScenarioChecks;
import org.osteon.trajectory.Trajectory;

/**
 * Every shipped scenario of petersonriggs2010 against numbers Osteon did not produce: the clinical
 * anchors and OpenBoneMin's measured outputs quoted in the reference notes (shared
 * peterson-riggs-spec.md, sections 3.11, 4 and 9), the digitized trial arms, and the model's own
 * closed-form inputs (GFR and estrogen schedules). Bounds were fixed before the runs and are given
 * with their reason at each assertion.
 */
class PetersonRiggs2010ScenariosTest {
    private static final double MONTH28_H = 672;

    private static Trajectory shipped(String id) {
        return ShippedScenarioChecks.loadAndRun(PetersonRiggs.MODEL, id);
    }

    /**
     * Phase 2, 60 mg Q6M (Miller et al. 2008; notes section 9): LS-BMD +4.6 / +7.2 / +9.0 / +11.8 % at
     * 12 / 24 / 36 / 48 months and serum CTX 12.4 % of baseline at month 1. Bounds: 2 percentage points
     * for BMD_LS (OpenBoneMin's own published fit misses this arm by 0.8 pp RMSE and other arms by up to
     * 2.7 pp), 5 points for the CTX surrogate (OCchange is osteoclast number, not the assay).
     * OpenBoneMin's BMDlsDENchange is not held to the data here: it is the peer's fit, reproduced, and
     * it misses month 48 by 2.1 pp (docs/models/petersonriggs2010.md).
     */
    @Test
    void denosumab60mgQ6mFollowsThePhase2Arm() {
        Trajectory tr = shipped("petersonriggs2010-denosumab-60mg-q6m-48mo");
        double[] months = {12, 24, 36, 48};
        double[] lsBmd = {4.6, 7.2, 9.0, 11.8};
        for (int i = 0; i < months.length; i++) {
            double t = months[i] * MONTH28_H;
            assertThat(tr.valueAt("BMD_LS_change", t)).as("BMD_LS_change at month %s", months[i]).isCloseTo(lsBmd[i], within(2.0));
        }
        assertThat(tr.valueAt("OCchange", MONTH28_H)).isCloseTo(12.4, within(5.0));
        // notes 4.2 (OpenBoneMin): Cmax about 8.5 ug/mL after each dose (the doses do not accumulate: < 10 ng/mL by day 180)
        assertThat(tr.max("DENCP")).isCloseTo(8500, within(100.0));
        assertThat(tr.column("DENCP")[tr.size() - 1]).isLessThan(8500);
    }

    /**
     * The other P&amp;R 2012 regimens against the digitized phase 2 arm with the same doses up to the
     * last month the two agree (arm 4: 14 mg then 60 mg, all 48 months; arm 3: 30 mg Q3M to month 24,
     * before its extra month-24 dose acts; arm 7: 210 mg Q6M to month 24, before its month-24 dose).
     * Bound: RMSE of LS-BMD 2.75 pp, OpenBoneMin's largest published per-arm error on these data
     * (notes and docs: BMDlsDEN 0.50-2.73 pp). CTX is not held to a bound here: OpenBoneMin's surrogate
     * (osteoclast number) misses the low-dose arms by about 21 points RMSE; the docs give every arm's error.
     */
    @Test
    void otherDenosumabRegimensFollowTheirArms() {
        assertArm("petersonriggs2010-denosumab-14mg-then-60mg-q6m-48mo", "den4", 48);
        assertArm("petersonriggs2010-denosumab-30mg-q3m-restart-48mo", "den3", 24);
        assertArm("petersonriggs2010-denosumab-210mg-q6m-stop-48mo", "den7", 24);
    }

    private static void assertArm(String scenario, String armId, double lastMonth) {
        Trajectory tr = shipped(scenario);
        TrialArms.Arm arm = TrialArms.denosumab().stream().filter(a -> a.id().equals(armId)).findFirst().orElseThrow();
        double lsSs = 0;
        int lsN = 0;
        for (TrialArms.Point p : arm.data().get(TrialArms.Measure.LS_BMD)) {
            if (p.time() > 0 && p.time() <= lastMonth * MONTH28_H) {
                double e = tr.valueAt("BMD_LS_change", p.time()) - (p.percent() - 100);
                lsSs += e * e;
                lsN++;
            }
        }
        assertThat(lsN).as("%s LS-BMD points", armId).isPositive();
        assertThat(Math.sqrt(lsSs / lsN)).as("%s LS-BMD RMSE (pp)", scenario).isLessThan(2.75);
    }

    /**
     * Teriparatide 20 ug/day for a year. OpenBoneMin (notes 3.11, measured by running it): BMDls
     * -3.9 %, BMDlsDEN -0.3 %, BMDfn -0.5 % after a year (bound: the quote's last digit, 0.1 pp);
     * BCL2 above the RUNX2 switch about 66 % of the time (notes 3.6; +-5 points).
     * Clinically (notes 9) LS-BMD rises about 6-10 % in a year. Osteon's BMD_LS reaches at least the
     * lower end; it overshoots the upper end by about 0.6 pp after 365 days (10.6 %), a known miss of
     * the fit (trained on the steepest 24-month arm) stated in docs/models/petersonriggs2010.md.
     */
    @Test
    void teriparatideOneYear() {
        Trajectory tr = shipped("petersonriggs2010-teriparatide-20ug-1y");
        assertThat(tr.last("BMD_LS_change")).isGreaterThan(6.0);
        assertThat(tr.last("BMDlsDENchange")).isCloseTo(-0.3, within(0.1));
        Trajectory all = PetersonRiggs.run("teriparatide-states", """
                until: 8760
                step: 0.25
                doses:
                  - {target: TERISC, amount: %s, at: 0, every: 24, count: 365}
                """.formatted(PetersonRiggs.TERIPARATIDE_20UG_PMOL), org.osteon.models.BoneModelVerification.TIGHT);
        assertThat(all.last("BMDls_change")).isCloseTo(-3.9, within(0.1));
        assertThat(all.last("BMDfn_change")).isCloseTo(-0.5, within(0.1));
        double[] bcl2 = all.column("BCL2");
        int above = 0;
        int n = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.time(i) >= 8760 - 30 * 24) {
                n++;
                above += bcl2[i] > 105 ? 1 : 0;
            }
        }
        assertThat(100.0 * above / n).as("percent of the last 30 days with BCL2 > 105").isCloseTo(66, within(5.0));
    }

    /**
     * GFR 100 -> 16 mL/min over 10 years (sim_2h's design, notes 3.10 and 5): the exponential schedule
     * hits 16 at 10 years (1e-3 mL/min: the solver's relative tolerance on a closed form). Secondary
     * hyperparathyroidism (Riggs et al. 2012): PTH and phosphate rise, calcitriol falls.
     */
    @Test
    void kidneyDeclineGivesSecondaryHyperparathyroidism() {
        Trajectory tr = shipped("petersonriggs2010-gfr-decline");
        assertThat(tr.valueAt("GFR_mL_min", 5 * 8766)).isCloseTo(100 * Math.pow(0.16, 0.5), within(1e-2));
        assertThat(tr.last("GFR_mL_min")).isCloseTo(16, within(1e-2));
        assertThat(tr.last("PTHpm")).isGreaterThan(tr.first("PTHpm"));
        assertThat(tr.last("PO4_mM")).isGreaterThan(tr.first("PO4_mM"));
        assertThat(tr.last("Calcitriol_pM")).isLessThan(tr.first("Calcitriol_pM"));
    }

    /**
     * Estrogen on from age 41 (Riggs et al. 2012 CPT:PSP 1:e11; notes 3.9): estrogen follows its
     * production, koutEST-fast (half-life 12 h), so at age 56 it equals kinEST/koutEST of the closed
     * form (bound 0.5 %); resorption rises and lumbar-spine BMD falls after menopause.
     */
    @Test
    void estrogenLoss() {
        Trajectory tr = shipped("petersonriggs2010-estrogen-loss");
        double age = 41 + 15.0;
        double onset = 51 - 1.66;
        double x = age - onset;
        double half = 1.66 / 2;
        double expected = Math.pow(age / 41, -2.3) * (1 - 0.64 * x * x / (half * half + x * x));
        assertThat(tr.last("EST")).isCloseTo(expected, within(0.005 * expected));
        assertThat(tr.last("AGE_years")).isCloseTo(56, within(1e-6));
        assertThat(tr.last("OCchange")).isGreaterThan(100);
        assertThat(tr.last("BMD_LS_change")).isLessThan(0);
    }

    /**
     * Denosumab stopped after 2 years (Bone et al. 2011; Anastasilakis et al. 2021): the resorption
     * marker returns above its pre-treatment level within a year of the missed dose, and the BMD
     * gained falls after the stop.
     */
    @Test
    void denosumabDiscontinuation() {
        Trajectory tr = shipped("petersonriggs2010-denosumab-discontinuation");
        double missed = 4 * 4383;
        double peak = tr.valueAt("BMD_LS_change", missed);
        double maxCtxOff = 0;
        for (int i = 0; i < tr.size(); i++) {
            if (tr.time(i) >= missed && tr.time(i) <= missed + 8766) {
                maxCtxOff = Math.max(maxCtxOff, tr.column("OCchange")[i]);
            }
        }
        assertThat(maxCtxOff).isGreaterThan(100);
        assertThat(tr.last("BMD_LS_change")).isLessThan(peak);
    }

    /**
     * The scenarios give doses as a clinician writes them (60 mg, 20 ug, every 6 months of 28 days);
     * the dosing layer must turn them into OpenBoneMin's amounts and times: amt_teri(20) = 20e6/4117.8
     * pmol every 24 h, 60 mg = 6e7 ng into the depot (F applied on absorption) every 4032 h.
     */
    @Test
    void dosesInClinicalUnitsBecomeOpenBoneMinsAmounts() {
        assertDoses("petersonriggs2010-teriparatide-20ug-1y", "TERISC", 20e6 / 4117.8, 365, 24);
        assertDoses("petersonriggs2010-denosumab-60mg-q6m-48mo", "DENSC", 6e7, 8, 4032);
        assertDoses("petersonriggs2010-denosumab-discontinuation", "DENSC", 6e7, 4, 4383);
    }

    private static void assertDoses(String id, String target, double amount, int count, double every) {
        org.osteon.scenario.Scenario s = org.osteon.models.BoneModelVerification.scenario(id);
        org.osteon.scenario.ScenarioRunner runner = new org.osteon.scenario.ScenarioRunner(org.osteon.models.BoneModelVerification.CATALOG);
        var model = runner.model(s);
        var changes = runner.problem(s, model).changes();
        assertThat(changes).hasSize(count);
        int k = model.layout().stateIndex(target);
        for (int i = 0; i < count; i++) {
            double[] y = new double[model.layout().stateCount()];
            double[] p = model.defaultParameters();
            changes.get(i).apply(y, p);
            assertThat(y[k]).as("%s dose %d", id, i).isCloseTo(amount, within(1e-9 * amount));
            assertThat(changes.get(i).time()).as("%s dose %d time (h)", id, i).isCloseTo(i * every, within(1e-9));
        }
    }
}
