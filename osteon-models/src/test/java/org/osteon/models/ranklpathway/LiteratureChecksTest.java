package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.osteon.models.ranklpathway.Outcome.at;
import static org.osteon.models.ranklpathway.Outcome.max;
import static org.osteon.models.ranklpathway.Outcome.mean;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.osteon.scenario.ScenarioReader;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;

/**
 * Published trial results the calibration did not use (held out), except where a check says it is
 * training: each is the shipped scenario of the trial's regimen and the published number with a
 * tolerance fixed before the calibration (BMD: 2 points at the lumbar spine, 1.5 at the hip sites,
 * as for the digitized arms). Differences from placebo are compared with the model's change from
 * its steady baseline, which has no placebo drift. Values are printed as {@code LITERATURE} lines.
 */
class LiteratureChecksTest {
    static final double MONTH = 30.4375;
    static final double OCA0 = 8.069635262994807e-4;
    static final double OCP0 = 1e-3;
    private static final Map<String, Trajectory> RUNS = new ConcurrentHashMap<>();

    private static final Map<String, TrialData.KnownMiss> MISSES = TrialData.knownMisses();

    /**
     * Asserts a published value within its tolerance, unless the check is a documented miss
     * (calibration/known-misses.csv, quoted in the docs): then it must still miss, by no more than the
     * documented error. Soft: every check of a test is run and printed before the test fails.
     */
    private static double check(SoftAssertions soft, String study, String what, double value, double expected, double tolerance) {
        String name = study + ": " + what;
        TrialData.KnownMiss miss = MISSES.get(name);
        System.out.println(String.format(Locale.ROOT, "LITERATURE %s | %s | model %.2f | published %.2f +- %.1f%s", study, what,
                value, expected, tolerance, miss == null ? "" : " | documented miss"));
        if (miss == null) {
            soft.assertThat(value).as(name).isCloseTo(expected, within(tolerance));
        } else {
            soft.assertThat(Math.abs(value - expected)).as(name + ": documented miss no longer missed").isGreaterThan(tolerance);
            soft.assertThat(Math.abs(value - expected)).as(name + ": documented miss grew").isLessThanOrEqualTo(miss.ceiling());
        }
        return value;
    }

    private static double report(String study, String what, double value) {
        System.out.println(String.format(Locale.ROOT, "LITERATURE %s | %s | model %.3g", study, what, value));
        return value;
    }

    /** A single zoledronic acid infusion of {@code mg} followed for five years (Grey et al. 2017 design). */
    private static Trajectory singleZoledronate(double mg) {
        return RUNS.computeIfAbsent("zol-" + mg, k -> {
            String yaml = "name: zoledronate-once\nmodel: rankl-pathway\nuntil: 1827\nstep: 1\n"
                    + "doses:\n  - {target: BP_plasma, amount: " + mg + ", at: 0}\n";
            var s = ScenarioReader.parse(yaml, "zoledronate-once", null);
            var model = Outcome.RUNNER.model(s);
            return Simulator.solve(Outcome.RUNNER.problem(s, model), Outcome.RUNNER.settings(s));
        });
    }

    @Test
    void freedomDenosumab36Months() {
        SoftAssertions soft = new SoftAssertions();
        // Held out. Cummings SR et al. 2009 NEJM 361:756 (FREEDOM): denosumab 60 mg every 6 months,
        // BMD at 36 months +9.2 % lumbar spine and +6.0 % total hip relative to placebo.
        Trajectory tr = Outcome.run("freedom");
        check(soft, "FREEDOM", "lumbar spine % at 36 months", at(tr, "BMD_LS_change", 36 * MONTH), 9.2, 2.0);
        check(soft, "FREEDOM", "total hip % at 36 months", at(tr, "BMD_TH_change", 36 * MONTH), 6.0, 1.5);
        soft.assertAll();
    }

    @Test
    void denosumabDiscontinuationLosesTheGainWithAResorptionRebound() {
        SoftAssertions soft = new SoftAssertions();
        // Held out. Bone HG et al. 2011 JCEM 96:972 (24 months of denosumab 60 mg every 6 months, then
        // off): lumbar spine +6.4 % at month 24; BMD back to near baseline within 12 months off;
        // turnover markers above baseline within 3 months of the missed dose, back to baseline by
        // month 48. Miller PD et al. 2008 Bone 43:222 (phase 2): the same after discontinuation.
        Trajectory tr = Outcome.run("denosumab-stop");
        check(soft, "Bone 2011", "lumbar spine % at month 24 (on treatment)", at(tr, "BMD_LS_change", 24 * MONTH), 6.4, 2.0);
        check(soft, "Bone 2011", "lumbar spine % at month 36 (12 months off)", at(tr, "BMD_LS_change", 36 * MONTH), 0.0, 2.5);
        check(soft, "Bone 2011", "lumbar spine % at month 48", at(tr, "BMD_LS_change", 48 * MONTH), 0.0, 2.5);
        double peak = report("Bone 2011", "maximum CTX % of baseline, months 24-36", max(tr, "CTX", 24 * MONTH, 36 * MONTH));
        assertThat(peak).as("CTX rebounds above baseline after the drug wanes").isGreaterThan(120);
        check(soft, "Bone 2011", "CTX % of baseline at month 48", at(tr, "CTX", 48 * MONTH), 100, 30);
        // The mechanism (issue 10; McDonald et al. 2021 Cell 184:1330): precursors and/or osteomorphs
        // accumulate under blockade and osteoclasts overshoot the untreated arm (which stays at baseline).
        double reservoir = (at(tr, "OCp", 22 * MONTH) - OCP0 + at(tr, "OCm", 22 * MONTH)) / OCP0;
        report("Bone 2011", "osteoclast precursors at month 22 / baseline", at(tr, "OCp", 22 * MONTH) / OCP0);
        report("Bone 2011", "osteomorphs at month 22 / baseline osteoclasts", at(tr, "OCm", 22 * MONTH) / OCA0);
        assertThat(report("Bone 2011", "precursors and osteomorphs at month 22, gain over the baseline pool", reservoir))
                .isGreaterThan(0.1);
        assertThat(report("Bone 2011", "maximum osteoclasts after month 24 / untreated", max(tr, "OCa", 24 * MONTH, 48 * MONTH) / OCA0))
                .isGreaterThan(1.2);
        soft.assertAll();
    }

    @Test
    void horizonZoledronate36Months() {
        SoftAssertions soft = new SoftAssertions();
        // Black DM et al. 2007 NEJM 356:1809 (HORIZON-PFT): zoledronic acid 5 mg yearly, BMD at 36 months
        // relative to placebo: lumbar spine +6.71 % (training: it sets the bisphosphonate effect size),
        // total hip +6.02 % and femoral neck +5.06 % (held out).
        Trajectory tr = Outcome.run("zoledronate");
        check(soft, "HORIZON-PFT", "lumbar spine % at 36 months", at(tr, "BMD_LS_change", 36 * MONTH), 6.71, 2.0);
        check(soft, "HORIZON-PFT", "total hip % at 36 months", at(tr, "BMD_TH_change", 36 * MONTH), 6.02, 1.5);
        check(soft, "HORIZON-PFT", "femoral neck % at 36 months", at(tr, "BMD_FN_change", 36 * MONTH), 5.06, 1.5);
        soft.assertAll();
    }

    @Test
    void singleZoledronateDoseActsForYearsDependingOnDose() {
        SoftAssertions soft = new SoftAssertions();
        // Grey A et al. 2017 CMAJ 189:E1130: one infusion of 1, 2.5 or 5 mg, BMD relative to placebo after
        // 2 and 5 years (bone binding, burial, slow release and recycling set the duration). The 1 mg arm
        // is training (it sets the burial rate), the 2.5 and 5 mg arms are held out.
        double[][] published = { // mg, LS 2 y, LS 5 y, TH 2 y, TH 5 y
            {1, 5.0, 2.0, 2.6, 1.8}, {2.5, 5.7, 2.2, 4.1, 2.8}, {5, 5.7, 5.1, 4.7, 5.4}};
        for (double[] p : published) {
            Trajectory tr = singleZoledronate(p[0]);
            String arm = "zoledronate " + p[0] + " mg once";
            check(soft, "Grey 2017", arm + ", lumbar spine % at 2 y", at(tr, "BMD_LS_change", 730.5), p[1], 2.0);
            check(soft, "Grey 2017", arm + ", lumbar spine % at 5 y", at(tr, "BMD_LS_change", 1826.25), p[2], 2.0);
            check(soft, "Grey 2017", arm + ", total hip % at 2 y", at(tr, "BMD_TH_change", 730.5), p[3], 1.5);
            check(soft, "Grey 2017", arm + ", total hip % at 5 y", at(tr, "BMD_TH_change", 1826.25), p[4], 1.5);
        }
        soft.assertAll();
    }

    @Test
    void fptTeriparatide21Months() {
        SoftAssertions soft = new SoftAssertions();
        // Held out. Neer RM et al. 2001 NEJM 344:1434 (Fracture Prevention Trial): teriparatide 20 ug
        // daily, median 21 months of observation: lumbar spine +9.7 %, femoral neck +2.8 %.
        Trajectory tr = Outcome.run("teriparatide");
        check(soft, "FPT", "lumbar spine % at 21 months", at(tr, "BMD_LS_change", 21 * MONTH), 9.7, 2.0);
        check(soft, "FPT", "femoral neck % at 21 months", at(tr, "BMD_FN_change", 21 * MONTH), 2.8, 1.5);
        soft.assertAll();
    }

    @Test
    void teriparatideOpensAnAnabolicWindow() {
        // Held out. Under teriparatide 20 ug daily P1NP rises within weeks, well before and above CTX,
        // which rises later (McClung MR et al. 2005 Arch Intern Med 165:1762; Glover SJ et al. 2009 Bone 45:1053).
        Trajectory tr = Outcome.run("teriparatide");
        assertThat(report("teriparatide", "P1NP % at 3 months", at(tr, "P1NP", 3 * MONTH))).isGreaterThan(150);
        double window = report("teriparatide", "mean P1NP - mean CTX, months 1-6 (points)",
                mean(tr, "P1NP", MONTH, 6 * MONTH) - mean(tr, "CTX", MONTH, 6 * MONTH));
        assertThat(window).isGreaterThan(20);
        assertThat(report("teriparatide", "CTX % at 12 months", at(tr, "CTX", 12 * MONTH))).isGreaterThan(110);
    }

    @Test
    void menopausalTransitionLosesBoneAsInSwan() {
        SoftAssertions soft = new SoftAssertions();
        // Training: Greendale GA et al. 2012 JBMR 27:111 (SWAN): lumbar spine loss of about 2.5 %/year
        // over the first years after the final menstrual period. Held out: femoral neck about 1.8 %/year
        // (same study); resorption markers up 79-97 % and formation markers 37-52 % in early
        // postmenopausal women (Garnero P et al. 1996 JBMR 11:337).
        Trajectory tr = Outcome.run("menopause");
        check(soft, "SWAN", "lumbar spine loss %/year, years 0-3", -at(tr, "BMD_LS_change", 3 * 365.25) / 3, 2.5, 1.0);
        check(soft, "SWAN", "femoral neck loss %/year, years 0-3", -at(tr, "BMD_FN_change", 3 * 365.25) / 3, 1.8, 1.0);
        double ctx = report("Garnero 1996", "CTX % at 3 years", at(tr, "CTX", 3 * 365.25));
        double p1np = report("Garnero 1996", "P1NP % at 3 years", at(tr, "P1NP", 3 * 365.25));
        assertThat(ctx).isGreaterThan(150);
        assertThat(p1np).isGreaterThan(120).isLessThan(ctx);
        soft.assertAll();
    }
}
