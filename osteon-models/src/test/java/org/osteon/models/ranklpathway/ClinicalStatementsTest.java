package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteon.models.ranklpathway.Outcome.at;
import static org.osteon.models.ranklpathway.Outcome.max;
import static org.osteon.models.ranklpathway.Outcome.mean;
import static org.osteon.models.ranklpathway.Outcome.min;
import static org.osteon.models.ranklpathway.Outcome.run;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.osteon.trajectory.Trajectory;

/**
 * One test per clinical statement of the source outline (and of the scenario list): the
 * shipped scenario is run with default solver settings and the outcome's direction is asserted with
 * a clear margin (bone volume changes of at least 5 %, differences between arms of at least 5
 * points, marker changes as stated). Clinical magnitudes are not judged here: they are compared
 * with trial data in TrialDataTest and LiteratureChecksTest. The bands are written next to each
 * statement in docs/models/rankl-pathway.md; the measured values are printed (lines starting with
 * OUTCOME) so the doc can quote them. Baseline reference values are the Pivonka 2008 steady state
 * (spec section 3).
 */
class ClinicalStatementsTest {
    static final double OCA0 = 8.069635262994807e-4;
    static final double OBA0 = 5.583931899642794e-4;
    static final double RANKL0 = 0.5522348273158816;
    static final double OPG0 = 18435.913339590406;

    private static double report(String scenario, String metric, double value) {
        System.out.println(String.format(Locale.ROOT, "OUTCOME %s | %s | %.4g", scenario, metric, value));
        return value;
    }

    @Test
    void opgLossOfFunctionGivesProgressiveBoneLoss() {
        // Outline: loss of function of the OPG gene -> constitutive osteoclast activation -> osteoporosis.
        Trajectory tr = run("opg-loss");
        assertThat(report("opg-loss", "OCa(365)/OCa0", at(tr, "OCa", 365) / OCA0)).isGreaterThan(1.5);
        double bv1 = report("opg-loss", "BV change % at 1 y", at(tr, "BV_change", 365));
        double bv3 = report("opg-loss", "BV change % at 3 y", at(tr, "BV_change", 1095));
        assertThat(bv1).isLessThan(-5);
        assertThat(bv3).isLessThan(bv1 - 5); // progressive
        assertThat(report("opg-loss", "CTX max %", tr.max("CTX"))).isGreaterThan(200);
    }

    @Test
    void ranklKnockoutGivesOsteopetrosis() {
        // Outline: a mouse RANKL knockout creates an osteopetrosis-like condition (no osteoclastic resorption).
        Trajectory tr = run("rankl-knockout");
        // resorption itself, not CTX: the assay reports nothing below its lower limit (CTX_LLOQ)
        assertThat(report("rankl-knockout", "resorption activity at 2 y", tr.last("resorption_activity"))).isLessThan(0.05);
        assertThat(report("rankl-knockout", "OCa(2 y)/OCa0", tr.last("OCa") / OCA0)).isLessThan(0.05);
        assertThat(report("rankl-knockout", "BV change % at 2 y", tr.last("BV_change"))).isGreaterThan(5)
                .isGreaterThan(at(tr, "BV_change", 365)); // still accumulating
    }

    @Test
    void rankKnockoutGivesOsteopetrosis() {
        Trajectory tr = run("rank-knockout");
        // resorption itself, not CTX: the assay reports nothing below its lower limit (CTX_LLOQ)
        assertThat(report("rank-knockout", "resorption activity at 2 y", tr.last("resorption_activity"))).isLessThan(0.05);
        assertThat(report("rank-knockout", "BV change % at 2 y", tr.last("BV_change"))).isGreaterThan(5)
                .isGreaterThan(at(tr, "BV_change", 365));
    }

    @Test
    void pagetDiseaseIsFocalHighTurnover() {
        // Outline: Paget disease (altered RANK signalling / OPG mutation): both markers well above baseline.
        Trajectory tr = run("paget");
        double ctx = report("paget", "mean CTX % days 90-730", mean(tr, "CTX", 90, 730));
        double p1np = report("paget", "mean P1NP % days 90-730", mean(tr, "P1NP", 90, 730));
        double alp = report("paget", "ALP % at 1 y", at(tr, "ALP", 365));
        assertThat(ctx).isGreaterThan(150);
        assertThat(p1np).isGreaterThan(140);
        assertThat(alp).isGreaterThan(140);
    }

    @Test
    void osteolyticMetastasisLosesBoneAndGrows() {
        // Outline: osteolytic metastasis mediated by RANK/RANKL; RANKL produced directly by cancer cells.
        Trajectory tr = run("metastasis");
        assertThat(report("metastasis", "T at 180 d", at(tr, "T", 180))).isGreaterThan(0.5);
        assertThat(report("metastasis", "BV change % at 1 y", tr.last("BV_change"))).isLessThan(-5);
        assertThat(report("metastasis", "SRE risk at 1 y", tr.last("SRE_risk"))).isGreaterThan(0.3);
        assertThat(report("metastasis", "PTHrP max pM", tr.max("PTHrP"))).isGreaterThan(10);
    }

    @Test
    void blockingRanklWithOpgReducesBoneLossAndTumourBurden() {
        // Outline: blocking of RANKL by OPG results in decreased skeletal metastasis in animal models.
        Trajectory untreated = run("metastasis");
        Trajectory opg = run("metastasis-opg");
        double t90 = report("metastasis-opg", "T(90)/T untreated(90)", at(opg, "T", 90) / at(untreated, "T", 90));
        assertThat(t90).isLessThan(0.5);
        double meanBurden = report("metastasis-opg", "mean T / mean T untreated (first 180 d)",
                mean(opg, "T", 0, 180) / mean(untreated, "T", 0, 180));
        assertThat(meanBurden).isLessThan(0.7);
        assertThat(report("metastasis-opg", "BV change % at 1 y", opg.last("BV_change")))
                .isGreaterThan(untreated.last("BV_change") + 5);
    }

    @Test
    void bisphosphonatesReduceBoneLossAndSkeletalEvents() {
        // Outline: bisphosphonates decrease skeletal events in cancer metastasis.
        Trajectory untreated = run("metastasis");
        Trajectory bp = run("metastasis-bisphosphonate");
        assertThat(report("metastasis-bisphosphonate", "BV change % at 1 y", bp.last("BV_change")))
                .isGreaterThan(untreated.last("BV_change") + 5);
        assertThat(report("metastasis-bisphosphonate", "SRE risk at 1 y", bp.last("SRE_risk")))
                .isLessThan(0.6 * untreated.last("SRE_risk"));
    }

    @Test
    void myelomaRaisesOsteoclastsLowersOsteoblastsLosesBone() {
        // Issue scenario 5: IL-6 and MIP-1a -> more osteoclasts, fewer active osteoblasts, net bone loss.
        Trajectory tr = run("myeloma");
        assertThat(report("myeloma", "OCa(2 y)/OCa0", tr.last("OCa") / OCA0)).isGreaterThan(1.3);
        assertThat(report("myeloma", "OBa(2 y)/OBa0", tr.last("OBa") / OBA0)).isLessThan(0.7);
        assertThat(report("myeloma", "BV change % at 2 y", tr.last("BV_change"))).isLessThan(-5);
        assertThat(report("myeloma", "IL-6 at 1 y pM", at(tr, "IL6", 365))).isGreaterThan(1);
        assertThat(report("myeloma", "MIP-1a at 1 y pM", at(tr, "MIP1a", 365))).isGreaterThan(1);
    }

    @Test
    void wearDebrisCausesPeriprostheticOsteolysisLimitedByRanklBlockade() {
        // Outline: wear debris phagocytosed -> macrophages activated and recruited -> RANKL -> resorption.
        Trajectory tr = run("periprosthetic");
        assertThat(report("periprosthetic", "activated macrophages at 1 y", at(tr, "Mac", 365))).isGreaterThan(1);
        assertThat(report("periprosthetic", "RANKL/OPG rel at 1 y", at(tr, "RANKL_OPG_rel", 365))).isGreaterThan(1.5);
        assertThat(report("periprosthetic", "BV change % at 3 y", tr.last("BV_change"))).isLessThan(-5);
        Trajectory den = run("periprosthetic-denosumab");
        assertThat(report("periprosthetic-denosumab", "BV change % at 3 y", den.last("BV_change")))
                .isGreaterThan(tr.last("BV_change") + 5);
    }

    @Test
    void estrogenDeficiencyLosesBoneAndReplacementPreventsIt() {
        // Outline: estrogen inhibits resorption via a decrease in RANKL.
        Trajectory meno = run("menopause");
        assertThat(report("menopause", "RANKL/OPG rel at 2 y", at(meno, "RANKL_OPG_rel", 730))).isGreaterThan(1.3);
        double bv1 = report("menopause", "BV change % at 1 y", at(meno, "BV_change", 365));
        assertThat(bv1).isBetween(-5.0, -1.0);
        assertThat(report("menopause", "BV change % at 5 y", meno.last("BV_change"))).isLessThan(bv1 - 5); // continues
        Trajectory hrt = run("menopause-estrogen");
        // Replacement from day 365 stops the loss: bone volume does not fall after day 455 ...
        assertThat(report("menopause-estrogen", "BV change % from day 455 to 5 y",
                hrt.last("BV_change") - at(hrt, "BV_change", 455))).isGreaterThanOrEqualTo(0);
        // ... and at five years the loss is far smaller than without it.
        assertThat(report("menopause-estrogen", "BV change % at 5 y", hrt.last("BV_change")))
                .isGreaterThan(meno.last("BV_change") + 5);
    }

    @Test
    void calcitoninLowersResorptionWhileGivenWithEscape() {
        // Outline: calcitonin interacts directly with the osteoclast via cell-surface receptors.
        Trajectory tr = run("calcitonin");
        double early = report("calcitonin", "min CTX % days 30-40", min(tr, "CTX", 30, 40));
        assertThat(early).isLessThan(75);
        double late = report("calcitonin", "CTX % at day 119 (still infused)", at(tr, "CTX", 119));
        assertThat(late).isLessThan(100).isGreaterThan(early + 10); // escape
        assertThat(report("calcitonin", "CTX % at day 270", tr.last("CTX"))).isBetween(95.0, 110.0);
    }

    @Test
    void tgfBetaRaisesOpgAndLowersResorption() {
        // Outline: TGF-beta inhibits resorption via an increase in OPG (plus its Pivonka roles).
        Trajectory tr = run("tgfb");
        assertThat(report("tgfb", "OPG max / OPG0", tr.max("OPG") / OPG0)).isGreaterThan(1.2);
        assertThat(report("tgfb", "mean CTX % days 20-100", mean(tr, "CTX", 20, 100))).isLessThan(85);
    }

    @Test
    void il10SuppressesOsteoclasts() {
        Trajectory tr = run("il10");
        assertThat(report("il10", "OCa(180)/OCa0", at(tr, "OCa", 180) / OCA0)).isLessThan(0.9);
        assertThat(report("il10", "mean CTX % days 30-180", mean(tr, "CTX", 30, 180))).isLessThan(90);
    }

    @Test
    void continuousPthIsCatabolicIntermittentPthAnabolic() {
        // Outline: PTH binds osteoblast receptors to stimulate production of RANKL and M-CSF.
        Trajectory hpt = run("hyperparathyroidism");
        assertThat(report("hyperparathyroidism", "RANKL(30)/RANKL0", at(hpt, "RANKL", 30) / RANKL0)).isGreaterThan(1.5);
        assertThat(report("hyperparathyroidism", "M-CSF at 30 d", at(hpt, "MCSF", 30))).isGreaterThan(1.2);
        assertThat(report("hyperparathyroidism", "BV change % at 2 y", hpt.last("BV_change"))).isLessThan(-2);
        Trajectory tptd = run("teriparatide");
        assertThat(report("teriparatide", "BV change % at the end", tptd.last("BV_change"))).isGreaterThan(4);
        assertThat(report("teriparatide", "mean P1NP - mean CTX (% points, 1 y)",
                mean(tptd, "P1NP", 30, 365) - mean(tptd, "CTX", 30, 365))).isGreaterThan(15);
    }

    @Test
    void il1RaisesOsteoclastDifferentiationAndBoneLoss() {
        Trajectory tr = run("il1");
        assertThat(report("il1", "mean CTX % days 30-365", mean(tr, "CTX", 30, 365))).isGreaterThan(105);
        assertThat(report("il1", "BV change % at 1 y", tr.last("BV_change"))).isLessThan(-1);
    }

    @Test
    void vitaminDRaisesRanklAndResorption() {
        Trajectory tr = run("vitamin-d");
        assertThat(report("vitamin-d", "RANKL(30)/RANKL0", at(tr, "RANKL", 30) / RANKL0)).isGreaterThan(1.1);
        assertThat(report("vitamin-d", "mean CTX % days 30-90", mean(tr, "CTX", 30, 90))).isGreaterThan(105);
    }

    @Test
    void prostaglandinE2RaisesResorption() {
        Trajectory tr = run("pge2");
        assertThat(report("pge2", "mean CTX % days 30-90", mean(tr, "CTX", 30, 90))).isGreaterThan(150);
    }

    @Test
    void humoralPthrpRaisesResorption() {
        Trajectory tr = run("pthrp");
        assertThat(report("pthrp", "mean CTX % days 30-90", mean(tr, "CTX", 30, 90))).isGreaterThan(200);
    }

    @Test
    void denosumabSuppressesResorptionRaisesBoneAndReboundsWhenStopped() {
        // Issue scenario 16: 60 mg every 6 months in postmenopausal loss; first dose on day 365, last on day 914.
        Trajectory tr = run("menopause-denosumab");
        double before = at(tr, "CTX", 365);
        double month = report("menopause-denosumab", "CTX change % one month after the first dose",
                100 * (at(tr, "CTX", 395) / before - 1));
        assertThat(month).isLessThan(-80);
        assertThat(report("menopause-denosumab", "BV change % points over treatment (365 -> 1097)",
                at(tr, "BV_change", 1097) - at(tr, "BV_change", 365))).isGreaterThan(5);
        double rebound = report("menopause-denosumab", "max CTX % after stopping (days 1097-1650)", max(tr, "CTX", 1097, 1650));
        assertThat(rebound).isGreaterThan(140).isGreaterThan(before);
    }
}
