package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.text.antlr.AntimonyLexer;

/**
 * Whatever the input, the reader returns a model or throws {@link ModelSyntaxException} with
 * positioned, readable problems: never another exception, never a hang.
 */
class GarbageInputTest {
    private static final String[] TOKENS = {
        "model", "end", "function", "external", "unit", "species", "compartment", "const", "var", "substanceOnly",
        "in", "is", "has", "at", "after", "and", "or", "not", "inf", "NaN", "time", "piecewise", "t0", "priority",
        "persistent", "fromTrigger", "true", "false", ":", ":=", "'", "=", ".", ",", "(", ")", "$", "->", "=>",
        "+", "-", "*", "/", "^", "**", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", ";", "\n", "\n", "\n",
        "A", "B", "k1", "J1", "E1", "C", "m", "_x", "0", "2", "0.5", "1e-3", "2.5E6", "1e", "\"text\"",
        "\"unterminated", "// comment", "# comment", "/* block */", "/*", "@", "\t", " ", " ", " "
    };
    private static final String ALPHABET = "abcAZ_09 \t\n\n\r;:=-+*/^().,'\"$<>!&|#@\\{}[]~?%e µ\u0000\u00a0\ufeff";

    static Stream<Arguments> randomCharacters() {
        return IntStream.range(0, 400).mapToObj(seed -> {
            Random r = new Random(seed);
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(200); i > 0; i--) {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            return Arguments.of(seed, sb.toString());
        });
    }

    static Stream<Arguments> tokenSoups() {
        return IntStream.range(0, 400).mapToObj(seed -> {
            Random r = new Random(1_000_000L + seed);
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "model m()\n" : "");
            for (int i = r.nextInt(80); i > 0; i--) {
                sb.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextInt(3) == 0 ? "" : " ");
            }
            if (r.nextBoolean()) {
                sb.append("\nend\n");
            }
            return Arguments.of(seed, sb.toString());
        });
    }

    static Stream<Arguments> truncations() {
        return IntStream.range(0, 300).mapToObj(seed -> {
            Random r = new Random(2_000_000L + seed);
            String valid = validText(r);
            return Arguments.of(seed, valid.substring(0, r.nextInt(valid.length() + 1)));
        });
    }

    static Stream<Arguments> mutations() {
        String interesting = "();:=,.$\"'#/*-+^<>!\n @0e";
        return IntStream.range(0, 400).mapToObj(seed -> {
            Random r = new Random(3_000_000L + seed);
            StringBuilder sb = new StringBuilder(validText(r));
            int at = r.nextInt(sb.length());
            char c = interesting.charAt(r.nextInt(interesting.length()));
            switch (r.nextInt(3)) {
                case 0 -> sb.setCharAt(at, c);
                case 1 -> sb.insert(at, c);
                default -> sb.deleteCharAt(at);
            }
            return Arguments.of(seed, sb.toString());
        });
    }

    private static String validText(Random r) {
        if (r.nextInt(4) == 0) {
            return lemaire();
        }
        return AntimonyWriter.write(RandomModels.model(r.nextLong()));
    }

    private static String lemaire() {
        try (InputStream in = GarbageInputTest.class.getResourceAsStream("/text/lemaire2004.ant")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "characters {0}")
    @MethodSource("randomCharacters")
    void randomCharacters(int seed, String text) {
        readsOrReports(text);
    }

    @ParameterizedTest(name = "tokens {0}")
    @MethodSource("tokenSoups")
    void tokenSoups(int seed, String text) {
        readsOrReports(text);
    }

    @ParameterizedTest(name = "truncation {0}")
    @MethodSource("truncations")
    void truncatedModels(int seed, String text) {
        readsOrReports(text);
    }

    @ParameterizedTest(name = "mutation {0}")
    @MethodSource("mutations")
    void mutatedModels(int seed, String text) {
        readsOrReports(text);
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "x := " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "\n";
        String signs = "x := " + "-".repeat(50_000) + "1\n";
        String powers = "x := 2" + "^2".repeat(50_000) + "\n";
        for (String text : List.of(deep, signs, powers)) {
            List<SyntaxProblem> problems = readsOrReports(text);
            assertThat(problems).isNotEmpty();
            assertThat(problems.get(0).message()).startsWith("expression nested too deeply");
        }
    }

    /** @return the problems reported, empty when the text was read */
    private static List<SyntaxProblem> readsOrReports(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                AntimonyReader.parse(text, "garbage.ant");
                return List.of();
            } catch (ModelSyntaxException e) {
                List<SyntaxProblem> problems = new ArrayList<>(e.problems());
                assertThat(problems).isNotEmpty();
                for (SyntaxProblem p : problems) {
                    assertThat(p.line()).as("line of %s", p).isGreaterThanOrEqualTo(1);
                    assertThat(p.column()).as("column of %s", p).isGreaterThanOrEqualTo(1);
                    assertThat(p.file()).isEqualTo("garbage.ant");
                    assertThat(p.message()).isNotBlank();
                    assertPlainWords(p.message(), text);
                }
                return problems;
            }
        });
    }

    /** No ANTLR wording or internal token names may reach the user. */
    static void assertPlainWords(String message, String input) {
        assertThat(message).doesNotContain("mismatched input", "extraneous input", "no viable alternative",
                "expecting", "<missing", "<EOF>", "token recognition");
        if (!input.contains("{")) {
            assertThat(message).as("ANTLR token set").doesNotContain("{");
        }
        for (int type = 1; type <= AntimonyLexer.VOCABULARY.getMaxTokenType(); type++) {
            String symbolic = AntimonyLexer.VOCABULARY.getSymbolicName(type);
            if (symbolic != null && !input.contains(symbolic)) {
                assertThat(message).as("message names token %s", symbolic).doesNotContain(symbolic);
            }
        }
    }
}
