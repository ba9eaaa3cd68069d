package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void absoluteValuesInColumnsPerScenarioAndSymbol() throws Exception {
        Path out = dir.resolve("cmp.csv");
        Cli r = Cli.run("compare", TestFiles.res("decay.yaml"), TestFiles.res("decay-fast.yaml"), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.Csv csv = TestFiles.csv(out);
        assertThat(csv.header()).containsExactly("time", "decay-base.x", "decay-fast.x");
        double[] t = csv.values("time");
        double[] base = csv.values("decay-base.x");
        double[] fast = csv.values("decay-fast.x");
        for (int i = 0; i < t.length; i++) {
            // x = 2 exp(-k t) with k = 0.5 and 1 (rtol 1e-10 in both scenarios).
            assertThat(base[i]).isCloseTo(2 * Math.exp(-0.5 * t[i]), within(1e-8));
            assertThat(fast[i]).isCloseTo(2 * Math.exp(-1.0 * t[i]), within(1e-8));
        }
        // The summary on stdout: final values and the largest change from the baseline.
        assertThat(r.out()).containsPattern("x +0\\.270671 +0\\.0366313 +-86\\.47% at t=4");
    }

    @Test
    void theLargestChangeOfAPercentageIsInPercentagePoints() throws Exception {
        // p = 100 (x/x0 - 1) is a percentage (label "[%]"); x = 2 exp(-k t) with k = 0.5 and 1. The change
        // of the fast run is 100 (exp(-t) - exp(-t/2)) percentage points, largest on the 0.5-day grid at
        // t = 1.5: 100 (exp(-1.5) - exp(-0.75)) = -24.92 pp (not a % of a %).
        Files.writeString(dir.resolve("pct.ant"), "model pct()\n  x' = -k*x\n  x = 2\n  k = 0.5\n"
                + "  p := 100*(x/2 - 1)\n  p is \"change of x [%]\"\nend\n");
        String common = "model: pct.ant\nuntil: 4\nstep: 0.5\nrtol: 1e-10\natol: 1e-14\noutputs: [x, p]\n";
        Files.writeString(dir.resolve("base.yaml"), "name: base\n" + common);
        Files.writeString(dir.resolve("fast.yaml"), "name: fast\n" + common + "set: {k: 1.0}\n");
        Cli r = Cli.run("compare", dir.resolve("base.yaml").toString(), dir.resolve("fast.yaml").toString(), "--out",
                dir.resolve("c.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\bp +[-0-9.e]+ +[-0-9.e]+ +-24\\.92 pp at t=1\\.5");
        // x is not a percentage: its change stays relative, 100 (exp(-t/2) - 1) = -86.47 % at t = 4.
        assertThat(r.out()).containsPattern("\\bx +[-0-9.e]+ +[-0-9.e]+ +-86\\.47% at t=4");
    }

    @Test
    void percentChangeFromAChosenBaseline() throws Exception {
        Path out = dir.resolve("pct.csv");
        Cli r = Cli.run("compare", TestFiles.res("decay.yaml"), TestFiles.res("decay-fast.yaml"), "--change", "percent",
                "--baseline", "decay-fast", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.Csv csv = TestFiles.csv(out);
        // In % mode the baseline (0 % by definition) has no columns.
        assertThat(csv.header()).containsExactly("time", "decay-base.x");
        double[] t = csv.values("time");
        double[] pct = csv.values("decay-base.x");
        for (int i = 0; i < t.length; i++) {
            // 100 (exp(-0.5 t) / exp(-t) - 1) = 100 (exp(0.5 t) - 1)
            assertThat(pct[i]).isCloseTo(100 * (Math.exp(0.5 * t[i]) - 1), within(1e-5));
        }
    }

    @Test
    void pivonkaPercentChangeOfPth() throws Exception {
        Path out = dir.resolve("pth.json");
        Cli r = Cli.run("compare", TestFiles.example("pivonka2008-baseline.yaml"), TestFiles.example("pivonka2008-pth.yaml"),
                "--change", "percent", "--outputs", "PTH,OCa", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toFile());
        assertThat(rows).hasSize(141);
        // PTH = (beta_PTH + I_P)/D_PTH: (250 + 1000)/(250) - 1 = +400 % while I_P is on (days 0-100), 0 after.
        assertThat(rows.get(0).get("pivonka2008-pth.PTH").asDouble()).isCloseTo(400, within(1e-9));
        assertThat(rows.get(50).get("pivonka2008-pth.PTH").asDouble()).isCloseTo(400, within(1e-9));
        assertThat(rows.get(120).get("pivonka2008-pth.PTH").asDouble()).isCloseTo(0, within(1e-9));
        // OCa: at t = 10, 1.817473e-3 (spec section 7) against the steady state 8.069635e-4: +125.2 %.
        assertThat(rows.get(10).get("pivonka2008-pth.OCa").asDouble())
                .isCloseTo(100 * (1.817473e-3 / 8.069635262731931e-4 - 1), within(0.5));
    }

    @Test
    void differentGridsAreResampledWithANote() throws Exception {
        Path out = dir.resolve("grid.csv");
        Path coarse = dir.resolve("coarse.yaml");
        Files.writeString(coarse, Files.readString(Path.of(TestFiles.res("decay-fast.yaml")))
                .replace("step: 0.5", "step: 1").replace("model: decay.ant", "model: " + Path.of(TestFiles.res("decay.ant")).toAbsolutePath()));
        Cli r = Cli.run("compare", TestFiles.res("decay.yaml"), coarse.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: the runs have different time grids; decay-fast resampled onto the grid of decay-base");
        TestFiles.Csv csv = TestFiles.csv(out);
        assertThat(csv.rows()).hasSize(9); // the baseline's 0, 0.5, ..., 4
        // At t = 0.5 the coarse run is interpolated between t = 0 and 1: (2 + 2 exp(-1)) / 2.
        assertThat(csv.values("decay-fast.x")[1]).isCloseTo((2 + 2 * Math.exp(-1)) / 2, within(1e-8));
        Cli same = Cli.run("compare", TestFiles.res("decay.yaml"), coarse.toString(), "--step", "0.5", "--out", out.toString());
        assertThat(same.err()).doesNotContain("resampled");
    }

    @Test
    void plotAndReport() throws Exception {
        Path png = dir.resolve("cmp.png");
        Path html = dir.resolve("cmp.html");
        Cli r = Cli.run("compare", TestFiles.example("pivonka2008-baseline.yaml"), TestFiles.example("pivonka2008-pth.yaml"),
                TestFiles.example("pivonka2008-pth-low.yaml"), "--change", "percent", "--plot", png.toString(),
                "--plot-outputs", "OCa,OBa", "--report", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.png(png, 900, 600);
        TestFiles.xml(html);
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "Comparison: pivonka2008-baseline, pivonka2008-pth, pivonka2008-pth-low",
                "Runs", "largest change pivonka2008-pth-low", "Solver statistics", "% change from pivonka2008-baseline");
    }

    @Test
    void aFailingRunExitsOneNamingTheRun() throws Exception {
        Path out = dir.resolve("fail.csv");
        Cli r = Cli.run("compare", TestFiles.res("blowup.ant"), TestFiles.res("blowup.ant"), "--set", "c=1", "--until", "3",
                "--out", out.toString());
        // y = 1/(1 - t) blows up at t = 1.
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("osteon: simulation failed: blowup").doesNotContain("\tat ");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void badInput() {
        String a = TestFiles.res("decay.yaml");
        String b = TestFiles.res("decay-fast.yaml");
        Cli baseline = Cli.run("compare", a, b, "--baseline", "decay-fats");
        assertThat(baseline.code()).isEqualTo(2);
        assertThat(baseline.err()).contains("--baseline decay-fats: not one of the runs (did you mean 'decay-fast'?)");
        Cli change = Cli.run("compare", a, b, "--change", "relative");
        assertThat(change.code()).isEqualTo(2);
        assertThat(change.err()).contains("--change relative: use absolute or percent");
        Cli output = Cli.run("compare", a, b, "--outputs", "y");
        assertThat(output.code()).isEqualTo(2);
        assertThat(output.err()).contains("--outputs: 'y' is not an output of every run");
        Cli one = Cli.run("compare", a);
        assertThat(one.code()).isEqualTo(2);
        Cli missing = Cli.run("compare", a, "nope.yaml");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: scenario file not found");
    }
}
