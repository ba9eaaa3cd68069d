package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.fit.DataSet;
import org.osteon.analysis.fit.ErrorModel;
import org.osteon.analysis.fit.Observation;
import org.osteon.analysis.fit.SyntheticData;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;

/** {@code osteon fit} end to end on synthetic data of a one-compartment oral PK model, and every bad input. */
class FitCommandTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = "model: pk1.ant\nuntil: 2 d\ndoses:\n  - {target: C, amount: 100 mg, route: oral, at: 0}\n";

    @BeforeEach
    void files() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/cli/fit/pk1.ant")) {
            Files.writeString(dir.resolve("pk1.ant"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("arm.yaml"), SCENARIO);
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario s = ScenarioReader.read(dir.resolve("arm.yaml"));
        DataSet d = SyntheticData.generate(runner, s, List.of("ka", "ke", "V"), new double[] {1, 0.1, 20}, List.of("C"),
                new double[] {0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48}, ErrorModel.proportional(0.1), 7);
        StringBuilder csv = new StringBuilder("time,output,value\n");
        for (Observation o : d.rows()) {
            csv.append(o.time()).append(',').append(o.output()).append(',').append(o.value()).append('\n');
        }
        Files.writeString(dir.resolve("data.csv"), csv.toString());
    }

    private Path spec(String extra) throws Exception {
        Path p = dir.resolve("fit.yaml");
        Files.writeString(p, "model: arm.yaml\ndata: data.csv\nestimate:\n"
                + "  - {name: ka, initial: 0.5, lower: 0.01, upper: 20, scale: log}\n"
                + "  - {name: ke, initial: 0.2, lower: 0.001, upper: 5, scale: log}\n"
                + "  - {name: V, initial: 10, lower: 1, upper: 500}\n"
                + "error: {proportional: 0.1}\n" + extra);
        return p;
    }

    @Test
    void fitsWritesEveryFileAndRecoversTheTruth() throws Exception {
        Path out = dir.resolve("out");
        Cli r = Cli.run("fit", spec("profile: [V]\n").toString(), "--out", out.toString(), "--threads", "1");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("Converged").contains("ka").contains("wrote");
        List<String> est = Files.readAllLines(out.resolve("estimates.csv"));
        assertThat(est.get(0)).startsWith("parameter,estimate,se,ci_low,ci_high");
        assertThat(est).hasSize(4);
        for (String line : est.subList(1, 4)) {
            String[] f = line.split(",");
            double truth = f[0].equals("ka") ? 1 : f[0].equals("ke") ? 0.1 : 20;
            assertThat(Double.parseDouble(f[3])).as(line).isLessThan(truth);
            assertThat(Double.parseDouble(f[4])).as(line).isGreaterThan(truth);
        }
        assertThat(est.get(3)).startsWith("V,");
        assertThat(est.get(3).split(",")[10]).isNotEqualTo("NaN"); // the profile interval was computed
        assertThat(Files.readAllLines(out.resolve("residuals.csv"))).hasSize(13);
        assertThat(Files.readString(out.resolve("fit.json"))).contains("\"objective\"").contains("forward sensitivity equations");
        assertThat(Files.readString(out.resolve("correlation.csv"))).startsWith("parameter,ka,ke,V");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Data and fit").contains("Weighted residuals");
    }

    @Test
    void badDataIsAUserErrorNamingFileAndLine() throws Exception {
        String[][] cases = {
            {"time,output,value\n1,C,2\n2,Cx,3\n", "data.csv:3: unknown output 'Cx'"},
            {"time,output,value\n1,C,2\n2,C,three\n", "data.csv:3: value must be a number, found 'three'"},
            {"time,output,value,sd\n1,C,2,0.1\n2,C,3,-1\n", "data.csv:3: sd must be positive"},
            {"time,output,value\n1,C,2\n900,C,3\n", "data.csv:3: time 900.0 is outside the run"},
            {"time,output,value\n1,C,2\n2,C\n", "data.csv:3: expected 3 values"},
            {"time,quantity,value\n1,C,2\n", "data.csv:1: no 'output' column"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("data.csv"), c[0]);
            Cli r = Cli.run("fit", spec("").toString(), "--out", dir.resolve("bad").toString());
            assertThat(r.code()).as(c[1] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains(c[1]);
        }
        Files.writeString(dir.resolve("data.csv"), "time,output,value,group\n1,C,2,A\n2,C,3,B\n");
        Cli r = Cli.run("fit", spec("groups: {A: arm.yaml}\n").toString(), "--out", dir.resolve("bad").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("data.csv:3: group 'B' has no scenario");
    }

    @Test
    void badSpecsNameTheLine() throws Exception {
        Cli r = Cli.run("fit", spec("stratgy: fast\n").toString(), "--out", dir.resolve("bad").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fit.yaml:8:1: unknown key 'stratgy'");
        Path p = dir.resolve("fit2.yaml");
        Files.writeString(p, "model: arm.yaml\ndata: data.csv\nestimate:\n  - {name: kk, initial: 1}\nerror: {additive: 1}\n");
        r = Cli.run("fit", p.toString(), "--out", dir.resolve("bad").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fit2.yaml:4:12: cannot estimate 'kk'").contains("did you mean 'ka'");
        Files.writeString(p, "model: arm.yaml\ndata: data.csv\nestimate:\n  - {name: ka, initial: 50, upper: 20}\nerror: {additive: 1}\n");
        r = Cli.run("fit", p.toString(), "--out", dir.resolve("bad").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("outside its bounds");
        Files.writeString(p, "model: arm.yaml\ndata: missing.csv\nestimate:\n  - {name: ka}\nerror: {additive: 1}\n");
        r = Cli.run("fit", p.toString(), "--out", dir.resolve("bad").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fit2.yaml:2:7:").contains("data file not found");
    }
}
