package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.units.Quantity;

/**
 * The edges of every numeric key of a scenario: each limit is checked on both sides (the first
 * value refused and the last accepted), and each refusal names the key with its line and column
 * (counted by hand in the YAML below, 1-based).
 */
class ScenarioReaderLimitsTest {
    private static Scenario parse(String yaml) {
        return ScenarioReader.parse("model: m.ant\n" + yaml, "s.yaml", null);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("until: 0\n", "s.yaml:2:8: 'until' must be a positive finite number, found 0.0"),
                Arguments.of("step: 0\n", "s.yaml:2:7: 'step' must be a positive finite number, found 0.0"),
                Arguments.of("rtol: 0\n", "s.yaml:2:7: 'rtol' must be a positive finite number, found 0.0"),
                Arguments.of("atol: -1e-12\n", "s.yaml:2:7: 'atol' must be a positive finite number, found -1.0E-12"),
                Arguments.of("until: 0 d\n", "s.yaml:2:8: 'until' must be positive, found 0"),
                Arguments.of("step: -1 h\n", "s.yaml:2:7: 'step' must be positive, found -1"),
                Arguments.of("start: 5\nuntil: 5\n", "s.yaml:3:8: 'until' (5.0) must be after 'start' (5.0)"),
                Arguments.of("tolerances: {x: {rtol: 0}}\n", "s.yaml:2:24: 'rtol' must be a positive finite number, found 0.0"),
                Arguments.of("tolerances: {x: {atol: 0}}\n", "s.yaml:2:24: 'atol' must be a positive finite number, found 0.0"),
                Arguments.of("set: {k: .inf}\n", "s.yaml:2:10: 'set.k' must be a finite number"),
                Arguments.of("doses: [{target: x, amount: 1, at: 0, every: 0, count: 2}]\n",
                        "s.yaml:2:46: 'every' must be a positive time, found 0"),
                Arguments.of("doses: [{target: x, amount: 1, at: 0, every: 1, count: 0}]\n",
                        "s.yaml:2:56: 'count' must be a whole number from 1 to 100000, found 0.0"),
                Arguments.of("doses: [{target: x, amount: 1, at: 0, every: 1, count: 100001}]\n",
                        "s.yaml:2:56: 'count' must be a whole number from 1 to 100000, found 100001.0"),
                Arguments.of("doses: [{target: x, amount: 1, at: 0, start: 1}]\n",
                        "s.yaml:2:46: give the first dose's time as 'at' or 'start', not both"),
                Arguments.of("doses: [{target: x, regimen: 1 q7d x2, amount: 1}]\n",
                        "s.yaml:2:48: 'amount' cannot be combined with 'regimen' (the compact form says it)"),
                Arguments.of("month: 0 d\n", "s.yaml:2:8: 'month' must be a length of time such as '28 d', found '0 d'"),
                Arguments.of("year: 3 kg\n", "s.yaml:2:7: 'year' must be a length of time such as '28 d', found '3 kg'"),
                Arguments.of("covariates: [70]\n", "s.yaml:2:13: 'covariates' must map names to values"),
                Arguments.of("outputs: {a: 1}\n", "s.yaml:2:10: 'outputs' must be a list of names"),
                Arguments.of("doses: [7]\n", "s.yaml:2:9: each item of 'doses' must be a mapping"),
                Arguments.of("tolerances: [x]\n", "s.yaml:2:13: 'tolerances' must map state names to {rtol: X, atol: Y}"),
                Arguments.of("name: [a]\n", "s.yaml:2:7: 'name' must be a single value"),
                Arguments.of("interventions: [{set: k, value: [1], from: 0}]\n", "s.yaml:2:33: 'interventions[0].value' must be a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedValuesNameTheKeyAndItsPlace(String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems().get(0)).startsWith(expected));
    }

    @Test
    void theLastAcceptedValueOfEachLimit() {
        // count from 1 to 100000 (Regimen.MAX_COUNT) inclusive; a window may be a single instant
        Scenario s = parse("""
                doses:
                  - {target: x, amount: 1, at: 0, count: 1}
                  - {target: x, amount: 1, at: 0, every: 1, count: 100000}
                interventions:
                  - {set: k, value: 1, from: 5, to: 5}
                  - {set: k, value: 2, from: 6, to: .inf}
                """);
        assertThat(s.doses()).extracting(d -> d.count()).containsExactly(1, 100000);
        assertThat(s.interventions()).containsExactly(new Scenario.Intervention("k", 1, 5, 5),
                new Scenario.Intervention("k", 2, 6, Double.POSITIVE_INFINITY));
    }

    @Test
    void aCompactRegimenTakesItsFirstTimeFromStart() {
        Scenario s = parse("doses: [{target: x, regimen: 1 q7d x2, start: 3}]\n");
        assertThat(s.doses().get(0).start()).isEqualTo(Quantity.of(3));
        assertThat(s.doses().get(0).count()).isEqualTo(2);
    }

    @Test
    void calendarAndCovariatesAreRead() {
        Scenario s = parse("month: 28 d\nyear: 360\ncovariates: {weight: 70 kg}\n");
        assertThat(s.calendar().monthDays()).isEqualTo(28);
        assertThat(s.calendar().yearDays()).isEqualTo(360); // a plain number is days
        assertThat(s.covariates()).containsEntry("weight", Quantity.parse("70 kg"));
        assertThat(parse("until: 1\n").calendar()).isEqualTo(org.osteon.units.Calendar.DEFAULT);
    }

    @Test
    void outputsMayBeACommaSeparatedString() {
        assertThat(parse("outputs: 'x, y,,z'\n").outputs()).containsExactly("x", "y", "z");
    }

    /** YAML bombs: at most 20 aliases of collections (LoaderOptions), and at most 1 MiB of text. */
    @Test
    void aliasBombsAndOversizedTextAreRefused() {
        StringBuilder aliases = new StringBuilder("a: &a [1]\nset: {");
        for (int i = 0; i < 21; i++) {
            aliases.append(i == 0 ? "" : ", ").append("k").append(i).append(": *a");
        }
        aliases.append("}\n");
        assertThatThrownBy(() -> ScenarioReader.parse(aliases.toString(), "s.yaml", null))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("invalid YAML");
        String big = "model: m.ant\ndescription: " + "x".repeat(1 << 20) + "\n";
        assertThatThrownBy(() -> ScenarioReader.parse(big, "s.yaml", null))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("s.yaml: invalid YAML");
    }
}
