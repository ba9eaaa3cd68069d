package org.osteon.models.petersonriggs2010;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osteon.models.BoneModelVerification;
import org.osteon.models.ShippedScenarioChecks;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.trajectory.Trajectory;

/**
 * The no-drug baseline: OpenBoneMin's initial values are close to, not exactly at, the steady state
 * (reference notes section 7, item 7). Expected values from the notes, measured by running OpenBoneMin.
 */
class PetersonRiggs2010BaselineTest {
    private static Trajectory baseline;

    @BeforeAll
    static void run() {
        Trajectory shipped = ShippedScenarioChecks.loadAndRun(PetersonRiggs.MODEL, "petersonriggs2010-baseline");
        assertThat(shipped.columns()).hasSize(9);
        // the same scenario with every state and assigned value recorded
        Scenario s = BoneModelVerification.scenario("petersonriggs2010-baseline");
        baseline = BoneModelVerification.run(s, new ScenarioRunner(BoneModelVerification.CATALOG).settings(s));
    }

    /**
     * Issue 11 and the notes (section 7.7: "below 0.07 % for every output" of OpenBoneMin): OpenBoneMin's
     * outputs and Osteon's clinical outputs stay within 0.1 % over 10 years; BMD outputs, which are
     * percent changes, within 0.1 percentage points. (Internal pools are not outputs: the bone calcium
     * pools Q and Qbone integrate the small resorption deficit of the start and gain 0.11 % and 0.08 %.)
     */
    @Test
    void outputsDriftLessThanOneTenthPercentOverTenYears() {
        assertThat(baseline.time(baseline.size() - 1)).isEqualTo(10 * 8766.0);
        for (String id : List.of("PTHpm", "PTHc", "CaC", "CAchange", "OCchange", "OBchange", "OBtot", "OCfrac", "OBfrac",
                "DENCP", "Calcitriol_pM", "PO4_mM", "GFR_mL_min", "PTHendo_pm", "TGFBact_change", "TGFB_change")) {
            double first = baseline.first(id);
            double worst = first == 0 ? Math.max(Math.abs(baseline.min(id)), Math.abs(baseline.max(id)))
                    : Math.abs(PetersonRiggs.maxPercentDeviation(baseline, id));
            assertThat(worst).as(id).isLessThan(0.1);
        }
        for (String id : List.of("BMDlsDENchange", "BMDls_change", "BMDfn_change", "BMD_LS_change")) {
            assertThat(Math.max(Math.abs(baseline.min(id)), Math.abs(baseline.max(id)))).as(id).isLessThan(0.1);
        }
    }

    /**
     * "OC drifts to -0.06 %, PTH to -0.04 % and OB to -0.02 % during year 1, then partly recovers"
     * (notes section 7.7): the year-1 minima to the quote's rounding (+-0.01 percentage points), and
     * the value after 10 years closer to baseline than that minimum.
     */
    @Test
    void yearOneDriftAsOpenBoneMin() {
        assertYearOneMinimum("OCchange", -0.06);
        assertYearOneMinimum("PTHpm", -0.04);
        assertYearOneMinimum("OBchange", -0.02);
    }

    private static void assertYearOneMinimum(String id, double expectedPercent) {
        double[] v = baseline.column(id);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < baseline.size() && baseline.time(i) <= 8766; i++) {
            min = Math.min(min, 100 * (v[i] / v[0] - 1));
        }
        assertThat(min).as("year-1 minimum of %s, percent", id).isCloseTo(expectedPercent, within(0.01));
        double end = 100 * (baseline.last(id) / v[0] - 1);
        assertThat(Math.abs(end)).as("%s after 10 years, percent", id).isLessThan(Math.abs(min));
    }
}
