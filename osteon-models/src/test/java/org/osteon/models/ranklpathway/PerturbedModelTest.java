package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trial-data criteria can fail: a model with one mechanism mis-set (denosumab ten times less
 * potent, a resorption floor four times too high, mineralisation ten times too fast, the spine
 * read as pure trabecular bone) breaks at least one asserted bound of {@code acceptance.csv} on the
 * denosumab arms of the training set. The values are multiples of the model's own, so the test
 * follows the calibration.
 */
class PerturbedModelTest {
    static final List<String> ARMS = List.of("den-6mg-q3m-then-60mg", "den-14mg-q6m-then-60mg", "den-60mg-q6m", "den-210mg-q6m-then-60mg");

    static Stream<Arguments> perturbations() {
        Map<String, Double> p = Outcome.CATALOG.compiled(RanklPathwayModel.ID).map(m -> {
            var init = org.osteon.simulation.InitialConditions.prepare(m, Map.of(), 0);
            var l = m.layout();
            return Map.of("chi_den", init.parameters()[l.parameterIndex("chi_den")],
                    "phi_den", init.parameters()[l.parameterIndex("phi_den")],
                    "k_min", init.parameters()[l.parameterIndex("k_min")]);
        }).orElseThrow();
        return Stream.of(
                Arguments.of("denosumab 10x less potent", Map.of("chi_den", p.get("chi_den") / 10)),
                Arguments.of("resorption floor 4x higher", Map.of("phi_den", Math.min(1, p.get("phi_den") * 4))),
                Arguments.of("secondary mineralisation 10x faster", Map.of("k_min", p.get("k_min") * 10)),
                Arguments.of("lumbar spine as pure trabecular bone", Map.of("w_LS", 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perturbations")
    void aPerturbedModelFailsTheTrialCriteria(String what, Map<String, Double> overrides) {
        long failed = TrialData.criteria().stream()
                .filter(c -> c.asserted() && ARMS.containsAll(c.groups()))
                .filter(c -> {
                    double rmse = TrialData.rmse(c, overrides);
                    System.out.println(String.format(Locale.ROOT, "PERTURBED %s | %s | rmse %.2f | bound %.1f", what, c.label(), rmse, c.bound()));
                    return rmse > c.bound();
                }).count();
        assertThat(failed).as("criteria failed by: " + what).isPositive();
    }
}
