package org.osteon.models.petersonriggs2010;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * One dose of each drug against OpenBoneMin's printed output (reference notes sections 4.1 and
 * 4.2, measured by running OpenBoneMin). Each bound is the rounding of the quoted figure.
 */
class PetersonRiggs2010SingleDoseTest {
    private static final SolverSettings TIGHT = new SolverSettings("rodas5p", 1e-9, 1e-12, java.util.Map.of(), 10_000_000, 0);

    /**
     * 20 ug SC: PTH peaks at 28.9 pM at about 0.4 h on OpenBoneMin's 0.1 h grid; serum calcium peaks
     * +0.03 mM about 4 h after the dose.
     */
    @Test
    void teriparatidePthAndCalciumPeaks() {
        Trajectory tr = PetersonRiggs.run("teriparatide-20ug-once", """
                until: 24
                step: 0.1
                doses:
                  - {target: TERISC, amount: %s, at: 0}
                """.formatted(PetersonRiggs.TERIPARATIDE_20UG_PMOL), TIGHT);
        assertThat(tr.max("PTHpm")).isCloseTo(28.9, within(0.05));
        assertThat(tr.timeOfMax("PTHpm")).isCloseTo(0.4, within(1e-9));
        assertThat(tr.max("CaC") - tr.first("CaC")).isCloseTo(0.03, within(0.005));
        assertThat(tr.timeOfMax("CaC")).isBetween(3.5, 4.5);
        // the drug is all of the excess PTH: endogenous PTH falls while calcium is raised
        assertThat(tr.max("TERIpm")).isGreaterThan(tr.max("PTHpm") - tr.first("PTHpm"));
        assertThat(tr.valueAt("PTHendo_pm", 4)).isLessThan(tr.first("PTHpm"));
    }

    /**
     * 60 mg SC: Cmax about 8.5 ug/mL at day 14; 3.8 ug/mL at day 60, 0.68 at day 120, 0.12 at day 150
     * and below 10 ng/mL by day 180. Osteoclasts stay at about 11 % of baseline until about day 120,
     * then recover to 25 % by day 182.
     */
    @Test
    void denosumabPkAndOsteoclastSuppression() {
        Trajectory tr = PetersonRiggs.run("denosumab-60mg-once", """
                until: 4368
                step: 24
                doses:
                  - {target: DENSC, amount: %s, at: 0}
                """.formatted(PetersonRiggs.DENOSUMAB_60MG_NG), TIGHT);
        assertThat(tr.max("DENCP")).isCloseTo(8500, within(50.0));
        assertThat(tr.timeOfMax("DENCP") / 24).isCloseTo(14, within(0.5));
        assertThat(tr.valueAt("DENCP", 60 * 24)).isCloseTo(3800, within(50.0));
        assertThat(tr.valueAt("DENCP", 120 * 24)).isCloseTo(680, within(5.0));
        assertThat(tr.valueAt("DENCP", 150 * 24)).isCloseTo(120, within(5.0));
        assertThat(tr.valueAt("DENCP", 180 * 24)).isLessThan(10);
        for (int day = 14; day <= 120; day += 2) {
            assertThat(tr.valueAt("OCchange", day * 24)).as("OC %% at day %d", day).isCloseTo(11, within(1.0));
        }
        assertThat(tr.valueAt("OCchange", 182 * 24)).isCloseTo(25, within(1.0));
        // DENMOL: 1 ng/mL = 6.67 pM (section 3.8)
        assertThat(tr.valueAt("DENMOL", 60 * 24) / tr.valueAt("DENCP", 60 * 24)).isCloseTo(6.667, within(0.001));
    }
}
