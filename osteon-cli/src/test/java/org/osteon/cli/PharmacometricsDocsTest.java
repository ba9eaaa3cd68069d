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
 * The examples of docs/pharmacometrics.md run through the real entry point, so the page cannot
 * drift from the program: every scenario YAML block is validated and run with the files of
 * examples/ beside it; every {@code osteon population} and {@code osteon gsa} line of an {@code sh}
 * block runs (its {@code --out} into a temporary directory); and every YAML block that starts with
 * {@code # examples/NAME} is exactly the start of that example file (population and GSA specs).
 */
class PharmacometricsDocsTest {
    static final Path DOC = Path.of("../docs/pharmacometrics.md");
    static final String EXAMPLE_FILE_MARK = "# examples/";

    @TempDir
    static Path dir;

    static List<DocsExamplesTest.Block> blocksOf(Path doc) throws IOException {
        List<DocsExamplesTest.Block> out = new ArrayList<>();
        String language = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("```")) {
                if (language == null) {
                    language = line.substring(3).trim();
                    text.setLength(0);
                } else {
                    out.add(new DocsExamplesTest.Block(language, text.toString()));
                    language = null;
                }
            } else if (language != null) {
                text.append(line).append('\n');
            }
        }
        return out;
    }

    /**
     * Scenario examples: YAML blocks that are neither copies of population or GSA spec files nor
     * fragments of such specs (which have a top-level {@code parameters:} key, scenarios never do).
     */
    static List<String> scenarioBlocks() throws IOException {
        List<String> out = new ArrayList<>();
        for (DocsExamplesTest.Block b : blocksOf(DOC)) {
            if (b.language().equals("yaml") && !b.text().startsWith(EXAMPLE_FILE_MARK)
                    && b.text().lines().noneMatch(l -> l.startsWith("parameters:"))) {
                out.add(b.text());
            }
        }
        return out;
    }

    static Path withExamples(Path into) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, into.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioExampleValidatesAndRuns() throws IOException {
        withExamples(dir);
        List<String> blocks = scenarioBlocks();
        assertThat(blocks).as("scenario examples in " + DOC).hasSizeGreaterThanOrEqualTo(4);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String yaml = blocks.get(i);
            String name = yaml.lines().filter(l -> l.startsWith("name:")).findFirst().orElse("example " + i);
            Path file = dir.resolve("doc-example-" + i + ".yaml");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Files.writeString(file, yaml);
                Cli validate = Cli.run("validate", file.toString());
                assertThat(validate.code()).as(validate.err()).isZero();
                Cli run = Cli.run("run", file.toString(), "--out", dir.resolve("out-" + file.getFileName() + ".csv").toString());
                assertThat(run.code()).as(run.err()).isZero();
            }));
        }
        return tests.stream();
    }

    @Test
    void sixtyMilligramsIsSixtyMillionNanogramsInTheDenosumabDepot() throws IOException {
        withExamples(dir);
        String yaml = scenarioBlocks().stream().filter(b -> b.contains("menopause-denosumab-mg")).findFirst().orElseThrow();
        Path mg = dir.resolve("mg.yaml");
        Path ng = dir.resolve("ng.yaml");
        Files.writeString(mg, yaml);
        Files.writeString(ng, yaml.replace("amount: 60 mg", "amount: 6.0e7").replace("at: 1 year", "at: 365.25")
                .replace("every: 6 months", "every: 182.625").replace("until: 5 years", "until: 1826.25").replace("step: 1 week", "step: 7"));
        Path a = dir.resolve("mg.csv");
        Path b = dir.resolve("ng.csv");
        assertThat(Cli.run("run", mg.toString(), "--out", a.toString()).code()).isZero();
        assertThat(Cli.run("run", ng.toString(), "--out", b.toString()).code()).isZero();
        assertThat(Files.readAllLines(a)).isEqualTo(Files.readAllLines(b));
    }

    @TestFactory
    Stream<DynamicTest> populationAndGsaCommandsRun() throws IOException {
        List<String> commands = new ArrayList<>();
        for (DocsExamplesTest.Block b : blocksOf(DOC)) {
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
        for (DocsExamplesTest.Block b : blocksOf(DOC)) {
            if (b.language().equals("yaml") && b.text().startsWith(EXAMPLE_FILE_MARK)) {
                String name = b.text().lines().findFirst().orElseThrow().substring(2).trim();
                String shown = b.text().substring(b.text().indexOf('\n') + 1);
                assertThat(Files.readString(Path.of("..").resolve(name))).as(name).isEqualTo(shown);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }
}
