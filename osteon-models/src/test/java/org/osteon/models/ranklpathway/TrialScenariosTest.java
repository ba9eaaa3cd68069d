package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.dosing.Administration;
import org.osteon.dosing.Dosing;
import org.osteon.dosing.Regimen;
import org.osteon.scenario.Scenario;
import org.osteon.simulation.InitialConditions;
import org.osteon.trajectory.Trajectory;

/**
 * The five trial scenarios whose ids, regimens and outputs issue 10 fixes: each exists, runs in
 * days over the span the issue names, writes lumbar-spine and total-hip BMD change, CTX and P1NP,
 * and gives its doses in clinical units through the dosing layer (denosumab in mg into a depot
 * kept in ng, teriparatide in ug into a depot kept in mg, zoledronic acid in mg). The expected
 * regimens are the words: 60 mg every 6 months for 36 months (FREEDOM), x4 then stopped
 * and followed to month 48, 20 ug daily for 21 months, 5 years untreated after menopause, 5 mg
 * once a year for 3 years. A month is 30.4375 days (the dosing layer's calendar).
 */
class TrialScenariosTest {
    private static final double MONTH = 30.4375;

    /** id, span in days, target, dose amount as written, the amount in the target's unit, doses, interval in days. */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("rankl-pathway-freedom", 36 * MONTH, "Den_depot", "60 mg", 6.0e7, 6, 6 * MONTH),
                Arguments.of("rankl-pathway-denosumab-stop", 48 * MONTH, "Den_depot", "60 mg", 6.0e7, 4, 6 * MONTH),
                Arguments.of("rankl-pathway-teriparatide", 21 * MONTH, "TPTD_depot", "20 ug", 0.02, 640, 1.0),
                Arguments.of("rankl-pathway-menopause", 5 * 365.25, null, null, 0.0, 0, 0.0),
                Arguments.of("rankl-pathway-zoledronate", 3 * 365.25, "BP_plasma", "5 mg", 5.0, 3, 365.25));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void trialScenarioRunsInDaysWithClinicalDosesAndTheFixedOutputs(String id, double spanDays, String target,
                                                                   String amount, double converted, int count,
                                                                   double interval) {
        Scenario s = Outcome.CATALOG.scenario(id).orElseThrow(() -> new AssertionError("missing scenario " + id));
        assertThat(s.outputs()).as(id + " outputs").contains("BMD_LS_change", "BMD_TH_change", "CTX", "P1NP");
        var model = Outcome.RUNNER.model(s);
        Dosing dosing = Outcome.RUNNER.dosing(s, model);
        // the model's time unit is the day: a time dimension of 86400 s (Unit factors are in base units)
        assertThat(dosing.timeUnit().time()).as(id + ": time unit dimension").isEqualTo(1.0);
        assertThat(dosing.timeUnit().factor()).as(id + ": time unit in seconds").isEqualTo(86400.0);

        List<Administration> given = new ArrayList<>();
        double[] p = InitialConditions.prepare(model, s.set(), 0).parameters();
        for (Regimen r : s.doses()) {
            assertThat(r.amount().hasUnit()).as(id + ": dose written with a unit").isTrue();
            assertThat(r.amount().toString().replace(" ", "")).as(id + " dose").isEqualTo(amount.replace(" ", ""));
            given.addAll(dosing.administrations(r, p));
        }
        assertThat(given).as(id + " doses").hasSize(count);
        for (int i = 0; i < given.size(); i++) {
            Administration a = given.get(i);
            assertThat(a.target()).isEqualTo(target);
            // tolerance: the dosing layer's unit factors are exact decimal scalings (1e6 ng per mg, 1e-3 mg per ug)
            assertThat(a.amount()).as(id + " dose " + i + " in the target's unit").isCloseTo(converted, within(converted * 1e-12));
            assertThat(a.time()).as(id + " dose " + i + " day").isCloseTo(i * interval, within(1e-9));
        }

        Trajectory tr = Outcome.run(id.substring(RanklPathwayModel.ID.length() + 1));
        // the run ends at the span in days, to the whole day the scenario states
        assertThat(tr.time(tr.size() - 1)).as(id + " last time (days)").isCloseTo(spanDays, within(1.0));
        for (String out : List.of("BMD_LS_change", "BMD_TH_change")) {
            assertThat(tr.first(out)).as(id + " " + out + " starts at 0 % change").isCloseTo(0.0, within(1e-9));
        }
        for (String out : List.of("CTX", "P1NP")) {
            assertThat(tr.first(out)).as(id + " " + out + " starts at 100 % of baseline").isCloseTo(100.0, within(1e-9));
        }
    }
}
