package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityCommandTest {
    @TempDir
    Path dir;

    @Test
    void coefficientsMatchClosedFormWithHonestErrors() throws Exception {
        Path out = dir.resolve("s.csv");
        Cli r = Cli.run("sensitivity", TestFiles.res("decay.yaml"), "--outputs", "x", "--params", "k,x", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("output,parameter,rank,S,error,parameter_value,output_value,problem");
        // x(T) = x0 exp(-k T), T = 4, k = 0.5: S_k = -k T = -2 (ranked first), S_x0 = 1.
        String[] first = lines.get(1).split(",", -1);
        String[] second = lines.get(2).split(",", -1);
        assertThat(first[1]).isEqualTo("k");
        assertThat(Double.parseDouble(first[3])).isCloseTo(-2, within(1e-6));
        assertThat(second[1]).isEqualTo("x");
        assertThat(Double.parseDouble(second[3])).isCloseTo(1, within(1e-6));
        for (String[] row : new String[][] {first, second}) {
            double exact = row[1].equals("k") ? -2 : 1;
            double error = Double.parseDouble(row[4]);
            assertThat(error).isGreaterThanOrEqualTo(Math.abs(Double.parseDouble(row[3]) - exact)).isLessThan(1e-5);
        }
        assertThat(Double.parseDouble(first[6])).isCloseTo(2 * Math.exp(-2), within(1e-9));
        // The ranked table on stdout too.
        assertThat(r.out()).contains("Sensitivity of final(x) (decay-base), relative step 0.001, rtol 1e-10")
                .containsPattern("k +-2(\\.0+)? ");
    }

    @Test
    void allParametersWithPlotAndReport() throws Exception {
        Path png = dir.resolve("bars.png");
        Path html = dir.resolve("s.html");
        Cli r = Cli.run("sensitivity", TestFiles.example("pivonka2008-pth.yaml"), "--outputs", "OCa", "--summary", "max",
                "--plot", png.toString(), "--report", html.toString(), "--out", "-", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        // Every constant, non-zero parameter of the model: 25 (the 7 inputs I_* are 0 or set by the scenario).
        assertThat(rows).hasSize(25);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(Math.abs(rows.get(i).get("S").asDouble())).isLessThanOrEqualTo(Math.abs(rows.get(i - 1).get("S").asDouble()));
            assertThat(rows.get(i).get("error").asDouble()).isLessThan(1e-5);
        }
        TestFiles.png(png);
        TestFiles.xml(html);
        assertThat(Files.readString(html)).contains("<svg", "Coefficients for max(OCa)", "K_D8", "Richardson");
        assertThat(r.err()).contains("wrote " + png);
    }

    @Test
    void twoOutputsGiveTwoBarCharts() throws Exception {
        Path png = dir.resolve("bars.svg");
        Cli r = Cli.run("sensitivity", TestFiles.res("decay.yaml"), "--outputs", "x,half_life", "--summary", "mean",
                "--plot", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.xml(dir.resolve("bars-x.svg"));
        TestFiles.xml(dir.resolve("bars-half_life.svg"));
        // half_life = ln 2 / k: S_k = -1 exactly, whatever the summary.
        assertThat(r.out()).containsPattern("(?s)mean\\(half_life\\).*k +-1(\\.0+)? ");
    }

    @Test
    void badInput() {
        String s = TestFiles.res("decay.yaml");
        Cli time = Cli.run("sensitivity", s, "--outputs", "x", "--summary", "time-of-max");
        assertThat(time.code()).isEqualTo(2);
        assertThat(time.err()).contains("--summary time-of-max").contains("use 'osteon scan'");
        Cli param = Cli.run("sensitivity", s, "--outputs", "x", "--params", "kk");
        assertThat(param.code()).isEqualTo(2);
        assertThat(param.err()).contains("--params: model 'decay' has no parameter 'kk' (did you mean 'k'?)");
        Cli step = Cli.run("sensitivity", s, "--outputs", "x", "--fd-step", "0.5");
        assertThat(step.code()).isEqualTo(2);
        assertThat(step.err()).contains("--fd-step 0.5");
        Cli noOutputs = Cli.run("sensitivity", s);
        assertThat(noOutputs.code()).isEqualTo(2);
        assertThat(noOutputs.err()).contains("--outputs");
    }
}
