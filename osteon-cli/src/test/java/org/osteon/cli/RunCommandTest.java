package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code osteon run} and {@code osteon steady} through the real entry point. */
class RunCommandTest {
    static final Path EXAMPLE = Path.of("../examples/pivonka2008-pth.yaml");
    static final Path MODEL = Path.of("../examples/pivonka2008.ant");

    @TempDir
    Path dir;

    @Test
    void runsScenarioAndWritesCsvThatParsesBack() throws IOException {
        Path out = dir.resolve("pth.csv");
        Cli r = Cli.run("run", EXAMPLE.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("time,OBp,OBa,OCa,PTH,OPG,RANKL");
        assertThat(lines).hasSize(142);
        String[] at10 = lines.get(11).split(",");
        // Reference: spec section 7, Pivonka case 1 at t = 10: OCa = 1.817473e-3 pM (default tolerances: 1e-3 of peak).
        assertThat(Double.parseDouble(at10[0])).isEqualTo(10.0);
        assertThat(Double.parseDouble(at10[3])).isCloseTo(1.817473e-3, org.assertj.core.data.Offset.offset(2e-6));
    }

    @Test
    void overridesFromTheCommandLine() throws IOException {
        Path out = dir.resolve("o.json");
        Cli r = Cli.run("run", MODEL.toString(), "--until", "10", "--step", "2", "--solver", "rodas5p",
                "--rtol", "1e-8", "--atol", "1e-14", "--set", "I_P=1000", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("time")).hasSize(6);
        assertThat(json.get("run").get("method").asText()).isEqualTo("rodas5p");
        JsonNode pth = null;
        for (JsonNode c : json.get("columns")) {
            if (c.get("id").asText().equals("PTH")) {
                pth = c;
            }
        }
        assertThat(pth.get("values").get(0).asDouble()).isCloseTo((250 + 1000) / 86.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** Issue 13: long runs in weeks (or months, years) and units in the CSV header or a row. */
    @Test
    void timeUnitAndUnitsInTheHeader() {
        Cli r = Cli.run("run", TestFiles.res("decay.yaml"), "--time-unit", "week", "--units", "header", "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        java.util.List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("time [week],x [pM]");
        // decay.yaml: step 0.5 day to 4 days; the row of day 3.5 is week 0.5, x = 2 exp(-0.5 * 3.5) (rtol 1e-10)
        String[] row = lines.get(8).split(",");
        assertThat(Double.parseDouble(row[0])).isEqualTo(0.5);
        assertThat(Double.parseDouble(row[1])).isCloseTo(2 * Math.exp(-0.5 * 3.5), org.assertj.core.data.Offset.offset(1e-8));

        Cli unitsRow = Cli.run("run", TestFiles.res("decay.yaml"), "--units", "row", "--format", "tsv", "--out", "-");
        assertThat(unitsRow.out()).startsWith("time\tx\nday\tpM\n0.0\t2.0\n");
        Cli bad = Cli.run("run", TestFiles.res("decay.yaml"), "--time-unit", "fortnight", "--out", "-");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--time-unit fortnight: use one of second, minute, hour, day, week, month, year");
        assertThat(Cli.run("run", TestFiles.res("decay.yaml"), "--units", "footer", "--out", "-").err()).contains("--units footer");
    }

    @Test
    void stdoutFormats() {
        Cli csv = Cli.run("run", MODEL.toString(), "--until", "2", "--out", "-");
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("time,OBp,OBa,OCa,");
        Cli tsv = Cli.run("run", MODEL.toString(), "--until", "2", "--out", "-", "--format", "tsv");
        assertThat(tsv.out().lines().findFirst().orElseThrow()).startsWith("time\tOBp\tOBa");
    }

    @Test
    void repeatPrintsMedianSolveTime() {
        Cli r = Cli.run("run", EXAMPLE.toString(), "--out", dir.resolve("x.csv").toString(), "--repeat", "5");
        assertThat(r.code()).isZero();
        assertThat(r.err()).containsPattern("solve_ms_median=[0-9]+\\.[0-9]+");
    }

    @Test
    void userErrorsExitTwoWithoutStackTrace() throws IOException {
        Path bad = dir.resolve("bad.ant");
        Files.writeString(bad, "model m()\n  x' = -k*x\n  x = 1\nend\n");
        Cli[] cases = {
            Cli.run("run", "no-such-thing"),
            Cli.run("run", EXAMPLE.toString(), "--set", "K_D9=1"),
            Cli.run("run", EXAMPLE.toString(), "--solver", "rk99"),
            Cli.run("run", EXAMPLE.toString(), "--until", "-5"),
            Cli.run("run", bad.toString()),
            Cli.run("run", EXAMPLE.toString(), "--out", dir.resolve("x.xlsx").toString()),
            Cli.run("run", EXAMPLE.toString(), "--bogus"),
        };
        for (Cli c : cases) {
            assertThat(c.code()).as(c.err()).isEqualTo(2);
            assertThat(c.err()).startsWith("osteon: ").doesNotContain("\tat org.", "Exception:");
        }
        assertThat(cases[4].err()).contains("undefined symbol 'k'");
        assertThat(Files.exists(dir.resolve("x.xlsx"))).isFalse();
    }

    @Test
    void solverFailureExitsOneAndLeavesNoFile() throws IOException {
        Path model = dir.resolve("blowup.ant");
        Files.writeString(model, "model blowup()\n  y' = y^2\n  y = 1\nend\n");
        Path out = dir.resolve("blowup.csv");
        Cli r = Cli.run("run", model.toString(), "--until", "3", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("simulation failed").contains("'y'");
        assertThat(Files.exists(out)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("blowup.csv"));
        }
    }

    @Test
    void steadyPrintsStateEigenvaluesAndStability() {
        Cli r = Cli.run("steady", MODEL.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // Spec section 3: OBa = 5.583931899642794e-4 pM at steady state.
        assertThat(r.out()).contains("OBa").contains("0.0005583931900").contains("eigenvalues").contains("stability: stable");
    }
}
