package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.UnitDefinition;

/** The Lemaire et al. (2004) bone model as a realistic, hand-written Antimony file. */
class LemaireModelTest {
    private static String text;
    private static Model model;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = LemaireModelTest.class.getResourceAsStream("/text/lemaire2004.ant")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        model = AntimonyReader.parse(text, "lemaire2004.ant");
    }

    @Test
    void hasTheExpectedElements() {
        assertThat(model.id()).isEqualTo("lemaire2004");
        assertThat(model.units()).extracting(UnitDefinition::id).containsExactly("pM", "per_day", "time_unit");
        assertThat(model.timeUnit()).isEqualTo("day");
        assertThat(model.rules()).hasSize(8);
        assertThat(model.rules()).filteredOn(r -> r instanceof Rule.Rate).extracting(Rule::variable)
                .containsExactly("R", "B", "C");
        assertThat(model.rules()).filteredOn(r -> r instanceof Rule.Assignment).extracting(Rule::variable)
                .containsExactly("piC", "P", "piP", "O", "piL");
        // 3 states, 5 signals, 20 constants, 6 inputs
        assertThat(model.parameters()).hasSize(34);
        assertThat(model.species()).isEmpty();
        assertThat(model.reactions()).isEmpty();
        assertThat(model.initialAssignments()).isEmpty();
    }

    @Test
    void parametersKeepTextOrderValuesUnitsAndConstness() {
        assertThat(model.parameters().subList(0, 9)).extracting(Parameter::id)
                .containsExactly("R", "B", "C", "piC", "P", "piP", "O", "piL", "D_R");
        assertThat(model.parameter("R").orElseThrow())
                .isEqualTo(new Parameter("R", 7.734e-4, false, new Metadata("responding osteoblasts", "pM", java.util.Map.of())));
        assertThat(model.parameter("D_R").orElseThrow())
                .isEqualTo(new Parameter("D_R", 7e-4, true, new Metadata(null, "per_day", java.util.Map.of())));
        assertThat(model.parameter("K_LP").orElseThrow().value()).isEqualTo(3e6);
        assertThat(model.parameter("piL").orElseThrow())
                .satisfies(p -> assertThat(p.value()).isNaN())
                .satisfies(p -> assertThat(p.constant()).isFalse());
        for (String input : List.of("I_P", "I_O", "I_L", "I_R", "I_B", "I_C")) {
            assertThat(model.parameter(input).orElseThrow()).isEqualTo(new Parameter(input, 0, false, Metadata.EMPTY));
        }
    }

    @Test
    void modelMetadata() {
        assertThat(model.metadata().attribute("citation")).startsWith("Lemaire et al. (2004)");
        assertThat(model.metadata().attribute("doi")).isEqualTo("10.1016/j.jtbi.2004.03.023");
        assertThat(model.parameter("piL").orElseThrow().metadata().description()).contains("RANKL");
    }

    @Test
    void roundTrips() {
        String written = AntimonyWriter.write(model);
        assertThat(AntimonyReader.parse(written, "written.ant")).isEqualTo(model);
        assertThat(written)
                .contains("model *lemaire2004()")
                .contains("  unit pM = 1.0e-12 mole / litre\n")
                .contains("  R' = D_R * piC - D_B * R / piC + I_R\n")
                .contains("  piL := k3 / k4 * K_LP * piP * B / (1 + k3 / k4 * K + k1 / k2 * O) * (1 + I_L / r_L)\n")
                .contains("  var I_P = 0\n")
                .contains("  R has pM\n");
    }
}
