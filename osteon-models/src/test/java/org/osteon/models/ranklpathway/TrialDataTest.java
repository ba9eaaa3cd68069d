package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model against the digitized trial arms: for every row of {@code calibration/acceptance.csv}
 * the pooled root-mean-square error over its arms must not exceed the row's bound. The bounds and
 * the training/held-out split were fixed before any parameter was estimated (see the README beside
 * the data). Measured errors are printed as lines starting with {@code TRIAL} for the docs.
 */
class TrialDataTest {
    static Stream<TrialData.Criterion> asserted() {
        return TrialData.criteria().stream().filter(TrialData.Criterion::asserted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asserted")
    void errorAgainstTrialDataIsWithinItsBound(TrialData.Criterion c) {
        double rmse = TrialData.rmse(c, Map.of());
        TrialData.KnownMiss miss = TrialData.knownMisses().get(c.label());
        System.out.println(String.format(Locale.ROOT, "TRIAL %s | %s | %s | rmse %.2f | bound %.1f%s", c.set(),
                String.join("+", c.groups()), c.output(), rmse, c.bound(), miss == null ? "" : " | documented miss"));
        if (miss == null) {
            assertThat(rmse).as(c.label()).isLessThanOrEqualTo(c.bound());
        } else {
            // A documented miss (calibration/known-misses.csv, quoted in the docs): the bound is kept and
            // still missed, and the error may not grow beyond what the docs report.
            assertThat(rmse).as(c.label() + ": documented miss no longer missed, update known-misses.csv")
                    .isGreaterThan(c.bound());
            assertThat(rmse).as(c.label() + ": documented miss grew").isLessThanOrEqualTo(miss.ceiling());
        }
    }

    @Test
    void everyDocumentedMissNamesAnExistingCheck() {
        Set<String> labels = new HashSet<>();
        TrialData.criteria().forEach(c -> labels.add(c.label()));
        TrialData.knownMisses().values().forEach(m -> {
            assertThat(m.reason()).isNotBlank();
            if (!m.check().contains(":")) { // literature checks are named "study: what"
                assertThat(labels).as("known miss %s", m.check()).contains(m.check());
            }
        });
    }

    @Test
    void reportedComparisonsAreComputed() {
        // Not asserted against a bound (see the calibration README): printed for the docs.
        TrialData.criteria().stream().filter(c -> !c.asserted()).forEach(c -> {
            double rmse = TrialData.rmse(c, Map.of());
            System.out.println(String.format(Locale.ROOT, "TRIAL-REPORTED %s | %s | %s | rmse %.2f | bound %.1f", c.set(),
                    String.join("+", c.groups()), c.output(), rmse, c.bound()));
            assertThat(rmse).as(c.label()).isFinite();
        });
    }

    @Test
    void everyDataPointIsJudgedByACriterionAndEveryArmHasAScenario() {
        Set<String> covered = new HashSet<>();
        TrialData.criteria().forEach(c -> c.groups().forEach(g -> covered.add(g + "/" + c.output())));
        for (RanklPathwayTrials.Observation o : TrialData.observations()) {
            assertThat(covered).as("criterion for %s %s", o.group(), o.output()).contains(o.group() + "/" + o.output());
            assertThat(TrialData.arm(o.group()).name()).isEqualTo("rankl-pathway-trial-" + o.group());
        }
    }

    @Test
    void trainingAndHeldOutDataDoNotOverlap() {
        Set<String> training = new HashSet<>();
        TrialData.observations().stream().filter(o -> o.file().contains("training"))
                .forEach(o -> training.add(o.group() + "/" + o.output()));
        TrialData.observations().stream().filter(o -> o.file().contains("heldout"))
                .forEach(o -> assertThat(training).as("held-out %s %s also in training", o.group(), o.output())
                        .doesNotContain(o.group() + "/" + o.output()));
        for (TrialData.Criterion c : TrialData.criteria()) {
            // A criterion judges data of its own set only: training criteria the training files, held-out the others.
            String file = c.set().equals("training") ? "training" : "heldout";
            assertThat(TrialData.observations()).as(c.label())
                    .anyMatch(o -> c.groups().contains(o.group()) && o.output().equals(c.output()) && o.file().contains(file))
                    .noneMatch(o -> c.groups().contains(o.group()) && o.output().equals(c.output()) && !o.file().contains(file));
        }
    }
}
