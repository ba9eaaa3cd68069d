package org.osteon.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;
import org.osteon.text.ModelSyntaxException;
import org.osteon.text.SourceLines;

/**
 * The dimensional analysis never fails on real models: BioModels entries as libAntimony writes them.
 * The default build runs the 31-model sample of the test resources (text/biomodels); the whole corpus of
 * 945 runs on demand with {@code -Dosteon.antimonyCorpus=/work/shared/antimony/biomodels} (numbers in
 * docs/units.md). Inconsistent models are counted, not failed: they are the published models' own units.
 */
class UnitsCorpusTest {
    record Tally(int read, int unreadable, int checked, int inconsistent, int withUndeclared, int fullyDeclared, long inconsistencies) {
    }

    static Tally run(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt") || p.getFileName().toString().endsWith(".ant"))
                    .sorted().toList();
        }
        int read = 0;
        int unreadable = 0;
        int inconsistent = 0;
        int withUndeclared = 0;
        int fullyDeclared = 0;
        long inconsistencies = 0;
        List<String> examples = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Model m;
            try {
                m = AntimonyReader.parse(text, f.getFileName().toString());
            } catch (ModelSyntaxException e) {
                unreadable++;
                continue;
            }
            read++;
            DimensionalAnalysis.Report r = DimensionalAnalysis.check(m); // must not throw
            SourceLines.of(text); // nor the line index
            if (!r.consistent()) {
                inconsistent++;
                inconsistencies += r.inconsistencies().size();
                if (examples.size() < 5) {
                    examples.add(f.getFileName() + ": " + r.inconsistencies().get(0));
                }
            }
            if (r.undeclared().isEmpty()) {
                fullyDeclared++;
            } else {
                withUndeclared++;
            }
        }
        Tally t = new Tally(read, unreadable, read, inconsistent, withUndeclared, fullyDeclared, inconsistencies);
        System.out.println("units corpus " + dir + ": " + t);
        examples.forEach(e -> System.out.println("  e.g. " + e));
        return t;
    }

    @Test
    void theBioModelsSampleIsAnalysedWithoutFailure() throws Exception {
        Tally t = run(Path.of(UnitsCorpusTest.class.getResource("/text/biomodels").toURI()));
        assertThat(t.read()).isEqualTo(31);
    }

    @Test
    void theWholeCorpusOnDemand() throws Exception {
        String dir = System.getProperty("osteon.antimonyCorpus");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "set -Dosteon.antimonyCorpus=DIR to run the whole corpus");
        Tally t = run(Path.of(dir));
        assertThat(t.read()).isPositive();
    }
}
