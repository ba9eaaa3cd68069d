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
 * Every YAML example of docs/pharmacometrics.md is validated and run through the real entry point
 * with the files of examples/ beside it, so the page cannot drift from the program.
 */
class PharmacometricsDocsTest {
    static final Path DOC = Path.of("../docs/pharmacometrics.md");

    @TempDir
    static Path dir;

    static List<String> yamlBlocks() throws IOException {
        List<String> out = new ArrayList<>();
        for (DocsExamplesTest.Block b : blocksOf(DOC)) {
            if (b.language().equals("yaml")) {
                out.add(b.text());
            }
        }
        return out;
    }

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

    static Path withExamples(Path into) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            for (Path f : files.toList()) {
                Files.copy(f, into.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return into;
    }

    @TestFactory
    Stream<DynamicTest> everyYamlExampleValidatesAndRuns() throws IOException {
        withExamples(dir);
        List<String> blocks = yamlBlocks();
        assertThat(blocks).as("YAML examples in " + DOC).hasSizeGreaterThanOrEqualTo(4);
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
        String yaml = yamlBlocks().stream().filter(b -> b.contains("menopause-denosumab-mg")).findFirst().orElseThrow();
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
}
