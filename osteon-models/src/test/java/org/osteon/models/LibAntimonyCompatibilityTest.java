package org.osteon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;
import org.osteon.text.AntimonyWriter;
import org.osteon.text.LibAntimonyRules;

/**
 * Every built-in model file, and the writer's text of every built-in model, follows what
 * libAntimony 2.14 reads (LibAntimonyRules; tools/libantimony/check.sh runs the real converter on
 * demand, results in docs/sbml.md).
 */
class LibAntimonyCompatibilityTest {
    static Stream<String> models() {
        return BuiltInModels.all().stream().map(BuiltInModel::id);
    }

    private static String text(String id) throws IOException {
        try (InputStream in = BuiltInModels.class.getResourceAsStream(BuiltInModel.resourceOf(id))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theModelFileFollowsLibAntimonysRules(String id) throws IOException {
        assertThat(LibAntimonyRules.problems(text(id))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theWrittenModelFollowsThemAndReadsBack(String id) throws IOException {
        Model m = AntimonyReader.parse(text(id), id + ".ant");
        String written = AntimonyWriter.write(m);
        assertThat(written).doesNotStartWith("// Renamed");
        assertThat(LibAntimonyRules.problems(written)).isEmpty();
        assertThat(AntimonyReader.parse(written, id + "-written.ant")).isEqualTo(m);
    }
}
