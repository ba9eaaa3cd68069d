package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The population and sensitivity examples of docs/pharmacometrics.md: each {@code osteon population}
 * and {@code osteon gsa} line of an {@code sh} block runs through the real entry point (its
 * {@code --out} into a temporary directory), and each {@code yaml} block that starts with
 * {@code # examples/NAME} is exactly the start of that example file.
 */
class PharmacometricsDocsTest {
    static final Path DOC = Path.of("../docs/pharmacometrics.md");

    @TempDir
    static Path dir;

    record Block(String language, String text) {
    }

    static List<Block> blocks() throws IOException {
        List<Block> out = new ArrayList<>();
        String language = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("```")) {
                if (language == null) {
                    language = line.substring(3).trim();
                    text.setLength(0);
                } else {
                    out.add(new Block(language, text.toString()));
                    language = null;
                }
            } else if (language != null) {
                text.append(line).append('\n');
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> commandsRun() throws IOException {
        List<String> commands = new ArrayList<>();
        for (Block b : blocks()) {
            if (b.language().equals("sh")) {
                b.text().lines().filter(l -> l.startsWith("./osteon population ") || l.startsWith("./osteon gsa "))
                        .forEach(commands::add);
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(2);
        return commands.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            String[] words = c.substring("./osteon ".length()).split("\\s+");
            for (int i = 0; i < words.length; i++) {
                if (words[i].startsWith("examples/")) {
                    words[i] = Path.of("..").resolve(words[i]).toString();
                } else if (i > 0 && words[i - 1].equals("--out")) {
                    words[i] = dir.resolve(words[i]).toString();
                }
            }
            Cli r = Cli.run(words);
            assertThat(r.code()).as(c + "\n" + r.err()).isZero();
        }));
    }

    @Test
    void specsShownAreTheExampleFiles() throws IOException {
        int checked = 0;
        for (Block b : blocks()) {
            if (b.language().equals("yaml") && b.text().startsWith("# examples/")) {
                String name = b.text().lines().findFirst().orElseThrow().substring(2).trim();
                String shown = b.text().substring(b.text().indexOf('\n') + 1);
                assertThat(Files.readString(Path.of("..").resolve(name))).as(name).isEqualTo(shown);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }
}
