package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.compile.CompileOptions;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;

/**
 * BioModels entries as libAntimony writes them (text/biomodels, see its README): each reads
 * and compiles, as {@code osteon validate} requires. The whole corpus of 945 is measured on
 * demand (docs/sbml.md); this sample keeps the rate from falling in the default build.
 */
class BioModelsSampleTest {
    static Stream<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(BioModelsSampleTest.class.getResource("/text/biomodels").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("BIOMD")).sorted().toList().stream();
        }
    }

    @Test
    void theSampleIsComplete() throws Exception {
        assertThat(files().count()).isEqualTo(31);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsAndCompiles(Path file) throws IOException {
        AntimonyReading reading = AntimonyReader.readWithWarnings(file);
        Model model = reading.model();
        // the static checks are the same for both backends; the interpreter skips code generation
        CompiledModel compiled = ModelCompiler.compile(model,
                CompileOptions.DEFAULT.withBackend(CompileOptions.Backend.INTERPRETER));
        assertThat(compiled).isNotNull();
        // the writer's text reads back to the same model, and libAntimony would read it
        String written = AntimonyWriter.write(model);
        assertThat(AntimonyReader.parse(written, "rewritten.ant")).isEqualTo(model);
        assertThat(LibAntimonyRules.problems(written)).isEmpty();
    }
}
