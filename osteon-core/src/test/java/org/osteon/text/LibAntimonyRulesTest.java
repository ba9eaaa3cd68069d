package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer's output against what libAntimony 2.14 rejects or misreads (found with
 * tools/libantimony/check.sh, which runs the real converter on demand).
 */
class LibAntimonyRulesTest {

    @Test
    void theRulesFindWhatLibAntimonyRejected() {
        // each line is a form libAntimony 2.14 refused or read otherwise (check.sh, December 2026)
        assertThat(LibAntimonyRules.problems(String.join("\n",
                "external function psi(f)",
                "model *m()",
                "  unit cm3 = 1e-6 metre^3",
                "  gamma = 2",
                "  k = 1",
                "  k.description = \"rate\"",
                "  k is \"back\\\\slash\"",
                "  m is \"inside\"",
                "  µ = 1",
                "  unit L = litre", // Peterson-Riggs 2010: the unit L and the state L (RANKL), check.sh December 2026
                "  L' = -k*L; L = 1; L has L",
                "  unit mol_per_s2 = mole / second / second", // Peterson-Riggs 2010's pmol / hour / hour became an empty unit
                "end",
                "psi has second",
                ""))).extracting(p -> p.substring(0, p.indexOf(':', p.indexOf(':') + 1)))
                .containsExactly("1:1", "3:14", "4:3", "6:3", "7:8", "8:3", "9:3", "12:37", "14:1", "10:8");
    }

    @Test
    void whatTheWriterWritesForLibAntimonyPasses() {
        assertThat(LibAntimonyRules.problems(String.join("\n",
                "function f(x)", "  2*x", "end",
                "model *m()",
                "  unit cm3 = 1.0e-6 * metre^3",
                "  unit pM = 1.0e-12 mole / litre",
                "  gamma_ = 2",
                "  k = exp(time) + pi + gamma(1, 2)",
                "  k notes \"description: rate &lt; 2&#10;or less\"",
                "  k is ```back\\slash```",
                "  k.sboTerm = 9",
                "  model notes \"citation: x\"",
                "end",
                "m is \"the model µ\"",
                "f is \"double\"",
                ""))).isEmpty();
    }

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void writerOutputFollowsTheRules(long seed) {
        org.osteon.model.Model m = RandomModels.model(seed);
        // external (Java) functions are Osteon's own: the text declares them, libAntimony cannot
        org.junit.jupiter.api.Assumptions.assumeTrue(m.functions().stream().noneMatch(f -> f.isExternal()));
        String text = AntimonyWriter.write(m);
        assertThat(LibAntimonyRules.problems(text)).as(text).isEmpty();
    }

    @Test
    void aUnitWithTheNameOfASymbolIsWrittenUnderAnotherNameAndRepeatedFactorsAsOnePower() {
        org.osteon.model.Model m = AntimonyReader.parse(String.join("\n",
                "model m()", "  unit L = litre", "  unit L_unit = 2 litre", "  unit per_s2 = 1 / second / second",
                "  L' = -k*L; L = 1; k = 1", "  L has L", "  V = 3; V has L_unit", "end", ""),
                "units.ant");
        String text = AntimonyWriter.write(m);
        assertThat(LibAntimonyRules.problems(text)).as(text).isEmpty();
        assertThat(text).contains("unit L_unit2 = litre", "L has L_unit2", "V has L_unit", "unit per_s2 = 1 / second^2");
        org.osteon.model.Model back = AntimonyReader.parse(text, "back.ant");
        assertThat(back.symbol("L").orElseThrow().metadata().unit()).isEqualTo("L_unit2");
    }
}
