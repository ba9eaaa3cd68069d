package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code osteon ...} line of the {@code sh} blocks in docs/cli.md through the real entry
 * point, so the documentation cannot drift from the program. Paths under {@code examples/} point to
 * the repository's examples; files the commands write go to a temporary directory.
 */
class DocsExamplesTest {
    static final Path DOC = Path.of("../docs/cli.md");
    private static final Set<String> FILE_OPTIONS = Set.of("--out", "--plot", "--report");

    @TempDir
    static Path dir;

    /** The fenced blocks of the document with their language tag. */
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

    static List<String> commands() throws IOException {
        List<String> out = new ArrayList<>();
        for (Block b : blocks()) {
            if (b.language().equals("sh")) {
                b.text().lines().filter(l -> l.startsWith("./osteon ")).forEach(out::add);
            }
        }
        return out;
    }

    private static String[] arguments(String command) {
        String[] words = command.substring("./osteon ".length()).trim().split("\\s+");
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("examples/")) {
                w = "../" + w;
            } else if (i > 0 && FILE_OPTIONS.contains(words[i - 1]) && !w.equals("-")) {
                w = dir.resolve(w).toString();
            }
            args.add(w);
        }
        return args.toArray(new String[0]);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() throws IOException {
        List<String> commands = commands();
        assertThat(commands).hasSizeGreaterThan(15);
        return commands.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            String[] args = arguments(c);
            Cli r = Cli.run(args);
            assertThat(r.code()).as(c + "\n" + r.err()).isZero();
            for (int i = 1; i < args.length; i++) {
                if (FILE_OPTIONS.contains(args[i - 1]) && !args[i].equals("-")) {
                    Path written = Path.of(args[i]);
                    String stem = written.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                    try (var files = Files.list(written.getParent())) {
                        // The file itself, or one per output (FILE-<output>.ext).
                        assertThat(files.map(p -> p.getFileName().toString()))
                                .as("written by: " + c).anyMatch(n -> n.equals(written.getFileName().toString())
                                        || n.startsWith(stem + "-"));
                    }
                }
            }
        }));
    }

    @Test
    void sampleOutputsAreWhatTheCommandsPrint() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String c : commands()) {
            all.append(Cli.run(arguments(c)).out());
        }
        for (Block b : blocks()) {
            if (b.language().equals("text")) {
                assertThat(all.toString()).as("sample output in docs/cli.md").contains(b.text());
            }
        }
    }

    /**
     * Issue 13: the docs wrote {@code osteon ...}, which nothing puts on the PATH. Every command line
     * in a shell block of the README and docs/ starts with {@code ./osteon}, the launcher in the
     * checkout.
     */
    @Test
    void everyDocumentedCommandLineUsesTheLauncher() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("../README.md")));
        try (Stream<Path> docs = Files.list(Path.of("../docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        int lines = 0;
        for (Path page : pages) {
            String language = null;
            for (String line : Files.readAllLines(page)) {
                if (line.startsWith("```")) {
                    language = language == null ? line.substring(3).trim() : null;
                } else if (language != null && Set.of("sh", "bash", "shell").contains(language)) {
                    assertThat(line).as(page + ": a command without ./").doesNotStartWith("osteon ");
                    lines += line.startsWith("./osteon ") ? 1 : 0;
                }
            }
        }
        assertThat(lines).isGreaterThan(20);
    }

    @Test
    void everyCommandIsDocumentedWithAnExample() throws IOException {
        String doc = Files.readString(DOC);
        List<String> commands = commands();
        for (String name : List.of("models", "scenarios", "describe", "run", "steady", "compare", "scan", "sensitivity", "validate", "explain", "pathway")) {
            assertThat(doc).as("a section on osteon " + name).containsPattern("## .*`osteon " + name + "`");
            assertThat(commands).as("an example of osteon " + name).anyMatch(c -> c.startsWith("./osteon " + name + " ")
                    || c.equals("./osteon " + name));
        }
    }
}
