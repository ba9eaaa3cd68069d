package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written broken models under {@code text/malformed/}: each {@code NN-name.ant} must fail
 * with the first problem exactly as written in {@code NN-name.expected}.
 */
class MalformedModelsTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(MalformedModelsTest.class.getResource("/text/malformed").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".ant")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreEnoughCases() throws Exception {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheExpectedProblemFirst(Path file) throws IOException {
        String name = file.getFileName().toString();
        String expected = Files.readString(file.resolveSibling(name.replace(".ant", ".expected")),
                StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        String text = Files.readString(file, StandardCharsets.UTF_8);

        ModelSyntaxException e = catchThrowableOfType(ModelSyntaxException.class,
                () -> AntimonyReader.parse(text, name));

        assertThat(e).as("%s must be rejected", name).isNotNull();
        assertThat(e.getMessage().lines().findFirst()).hasValue(expected);
        assertThat(e.problems().get(0).toString()).isEqualTo(expected);
        e.problems().forEach(p -> GarbageInputTest.assertPlainWords(p.message(), text));
    }

    @Test
    void reportsEveryBrokenLineAtOnce() {
        String text = String.join("\n",
                "model m()",
                "  k1 = 2 @ 3",
                "  J1: A -> B; k1*A k3",
                "  speceis X",
                "  J2: A -> B",
                "  ok = 1",
                "  x := (a + b",
                "end", "");

        ModelSyntaxException e = catchThrowableOfType(ModelSyntaxException.class,
                () -> AntimonyReader.parse(text, "many.ant"));

        assertThat(e.getMessage().lines().toList()).containsExactly(
                "many.ant:2:10: illegal character '@'",
                "many.ant:3:20: expected ';' or a new line after the rate law, found 'k3'",
                "many.ant:4:3: unknown keyword 'speceis' (did you mean 'species'?)",
                "many.ant:5:13: missing rate law: expected ';' and a rate law after 'B', found the end of the line",
                "many.ant:7:14: expected ')' to close the '(' at line 7, column 8, found the end of the line");
    }

    @Test
    void reportsSemanticProblemsTogetherInTextOrder() {
        String text = String.join("\n",
                "model m()",
                "  species A",
                "  J1: A -> B; k",
                "  J1: B -> A; k",
                "  compartment A",
                "  E3: at time > 1, t1=false: k = 1",
                "end", "");

        ModelSyntaxException e = catchThrowableOfType(ModelSyntaxException.class,
                () -> AntimonyReader.parse(text, "sem.ant"));

        assertThat(e.problems()).extracting(SyntaxProblem::line).containsExactly(4, 5, 6);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("sem.ant"));
    }

    @Test
    void problemFormatIsFileLineColumnMessage() {
        SyntaxProblem p = new SyntaxProblem("a.ant", 3, 7, "expected a string after 'is', found 'x'");
        assertThat(p).hasToString("a.ant:3:7: expected a string after 'is', found 'x'");
        assertThat(new ModelSyntaxException(List.of(p, p)).getMessage()).isEqualTo(p + "\n" + p);
    }
}
