package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.model.Model;

/**
 * parse(write(m)) == m for generated models, and writing is stable. Two things the writer changes for
 * libAntimony are not generated, each tested in LibAntimonyRulesTest: a unit named twice in one
 * definition (one factor with the summed power) and a unit with the name of a symbol (renamed).
 */
class RoundTripTest {

    static LongStream seeds() {
        return LongStream.range(0, 600);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void writtenModelReadsBackEqual(long seed) {
        Model model = RandomModels.model(seed);
        String text = AntimonyWriter.write(model);
        Model back;
        try {
            back = AntimonyReader.parse(text, "seed" + seed + ".ant");
        } catch (ModelSyntaxException e) {
            throw new AssertionError(e.getMessage() + "\n--- text ---\n" + text, e);
        }
        assertThat(back).as("model read from:\n%s", text).isEqualTo(model);
        assertThat(AntimonyWriter.write(back)).isEqualTo(text);
    }
}
