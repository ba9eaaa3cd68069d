package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioReaderTest {

    @Test
    void readsEveryKey() {
        Scenario s = ScenarioReader.parse("""
                name: pth
                description: continuous PTH
                model: pivonka2008
                start: 0
                until: 140
                step: 0.5
                solver: rodas5p
                rtol: 1e-8
                atol: 1e-14
                set: {K_D8: 4.5, OBa: 6e-4}
                interventions:
                  - {set: I_P, value: 1000, from: 0, to: 100}
                  - {set: I_O, value: 5, from: 10}
                doses:
                  - {target: OCa, amount: 1e-4, at: 20, every: 10, count: 3}
                outputs: [OBa, OCa]
                tolerances: {OCa: {atol: 1e-15}, OBa: {rtol: 1e-9, atol: 1e-14}}
                """, "s.yaml", null);
        assertThat(s.model()).isEqualTo("pivonka2008");
        assertThat(s.until()).isEqualTo(140.0);
        assertThat(s.step()).isEqualTo(0.5);
        assertThat(s.rtol()).isEqualTo(1e-8);
        assertThat(s.set()).containsEntry("K_D8", 4.5).containsEntry("OBa", 6e-4);
        assertThat(s.interventions()).containsExactly(new Scenario.Intervention("I_P", 1000, 0, 100),
                new Scenario.Intervention("I_O", 5, 10, Double.POSITIVE_INFINITY));
        org.osteon.dosing.Regimen dose = s.doses().get(0);
        assertThat(dose.target()).isEqualTo("OCa");
        assertThat(dose.amount()).isEqualTo(org.osteon.units.Quantity.of(1e-4));
        assertThat(dose.start()).isEqualTo(org.osteon.units.Quantity.of(20));
        assertThat(dose.interval()).isEqualTo(org.osteon.units.Quantity.of(10));
        assertThat(dose.count()).isEqualTo(3);
        assertThat(s.outputs()).containsExactly("OBa", "OCa");
        assertThat(s.tolerances()).containsEntry("OCa", new Scenario.Tolerance(null, 1e-15))
                .containsEntry("OBa", new Scenario.Tolerance(1e-9, 1e-14));
        assertThat(s.where("interventions[0].set")).isEqualTo("s.yaml:12:11: ");
    }

    @Test
    void reportsAllProblemsAtOnce() {
        assertThatThrownBy(() -> ScenarioReader.parse("model: m\nuntil: x\nstep: y\nfoo: 1\n", "s.yaml", null))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    static Stream<Path> malformed() throws IOException, URISyntaxException {
        Path dir = Path.of(ScenarioReaderTest.class.getResource("/scenario/malformed").toURI());
        return Files.list(dir).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedScenarioNamesKeyLineAndExpectation(Path file) throws IOException {
        String name = file.getFileName().toString();
        String expected = Files.readString(file.resolveSibling(name.replace(".yaml", ".expected"))).strip();
        assertThatThrownBy(() -> ScenarioReader.parse(Files.readString(file), name, null))
                .isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.problems().get(0)).isEqualTo(expected));
    }
}
