package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesPercentilesSummaryPlotAndPatients() throws Exception {
        Path out = dir.resolve("pop");
        Cli r = Cli.run("population", TestFiles.res("decay-population.yaml"), "--out", out.toString(), "--patients",
                "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("120 patients (local engine, 2 workers)").contains("120 succeeded, 0 failed");
        java.util.List<String> lines = Files.readAllLines(out.resolve("percentiles.csv"));
        assertThat(lines.get(0)).startsWith("time,output,p05,p25,p50,p75,p95");
        assertThat(lines).hasSize(10); // x on the grid 0, 0.5, ..., 4
        // Every patient starts at x = 2 (only k varies): all percentiles equal 2 at t = 0.
        assertThat(lines.get(1)).startsWith("0.0,x,2.0,2.0,2.0,2.0,2.0");
        for (String line : lines.subList(2, lines.size())) {
            String[] c = line.split(",");
            assertThat(Double.parseDouble(c[2])).isLessThan(Double.parseDouble(c[6]));
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("population.json").toFile());
        assertThat(summary.get("patients").asInt()).isEqualTo(120);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(Files.readAllLines(out.resolve("patients.csv"))).hasSize(121);
        TestFiles.png(out.resolve("percentiles.png"), 900, 600);
    }

    @Test
    void badSpecsAreUserErrorsWithFileAndLine() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "scenario: " + Path.of(TestFiles.res("decay.yaml")).toAbsolutePath()
                + "\nn: 10\nseed: 1\nparameters:\n  kay: {distribution: lognormal, cv: 0.5}\noutputs: [x]\n");
        Cli r = Cli.run("population", spec.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:5:8: unknown parameter 'kay' (did you mean 'k'?)").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("o").resolve("percentiles.csv"))).isFalse();
    }

    @Test
    void sparkEngineWithoutTheModuleSaysWhereItIs() {
        Cli r = Cli.run("population", TestFiles.res("decay-population.yaml"), "--out", dir.resolve("s").toString(),
                "--engine", "spark");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the Spark engine is in the osteon-spark module");
    }
}
