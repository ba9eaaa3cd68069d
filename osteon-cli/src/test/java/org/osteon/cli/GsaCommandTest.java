package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GsaCommandTest {
    @TempDir
    Path dir;

    @Test
    void sobolTableAndPlots() throws Exception {
        Path out = dir.resolve("gsa");
        Cli r = Cli.run("gsa", TestFiles.res("decay-gsa.yaml"), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("sobol.csv"));
        assertThat(lines.get(0)).isEqualTo("output,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("at2(x),k,");
        TestFiles.png(out.resolve("sensitivity-at2_x_.png"));
        TestFiles.png(out.resolve("sensitivity-auc_x_.png"));
        assertThat(r.out()).contains("256 runs (local engine)");
    }

    @Test
    void morrisFromTheCommandLineOverrides() throws Exception {
        Path spec = dir.resolve("m.yaml");
        Files.writeString(spec, Files.readString(Path.of(TestFiles.res("decay-gsa.yaml")))
                .replace("scenario: decay.yaml", "scenario: " + Path.of(TestFiles.res("decay.yaml")).toAbsolutePath())
                .replace("method: sobol", "method: morris"));
        Cli r = Cli.run("gsa", spec.toString(), "--out", dir.resolve("m").toString(), "--n", "10", "--seed", "3");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("m").resolve("morris.csv"));
        assertThat(lines.get(0)).isEqualTo("output,parameter,mu,mu_star,mu_star_low,mu_star_high,sigma");
        assertThat(r.out()).contains("30 runs");
    }

    @Test
    void scanFromEachPointsSteadyState() throws Exception {
        // decay has its steady state at x = 0 whatever k is: every point starts (and stays) there.
        Cli r = Cli.run("scan", TestFiles.res("decay.yaml"), "--param", "k", "--from", "0.1", "--to", "1", "--points", "3",
                "--outputs", "x", "--summary", "max", "--initial", "steady-state", "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.Csv csv = TestFiles.csv(r.out(), ',');
        for (double v : csv.values("max(x)")) {
            assertThat(v).isCloseTo(0, within(1e-12));
        }
        Cli bad = Cli.run("scan", TestFiles.res("decay.yaml"), "--param", "k", "--from", "0.1", "--to", "1",
                "--outputs", "x", "--initial", "steady");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--initial steady: unknown initial state");
    }
}
