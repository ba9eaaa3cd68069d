package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code osteon run --plot/--report}: the files are decoded and parsed back. */
class RunPlotReportTest {
    @TempDir
    Path dir;

    @Test
    void pngPlotOfTheScenarioOutputs() throws Exception {
        Path png = dir.resolve("pth.png");
        Cli r = Cli.run("run", TestFiles.example("pivonka2008-pth.yaml"), "--plot", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // Six outputs: the figure grows to keep each panel readable (600 + 100 per output beyond 3).
        TestFiles.png(png, 900, 900);
        assertThat(r.out()).contains("wrote " + png);
        // Only a plot was asked for: no trajectory file appears next to it.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pth.png");
        }
    }

    @Test
    void svgPlotWithChosenOutputsAndLogAxisIsXml() throws Exception {
        Path svg = dir.resolve("sub/pth.svg");
        Cli r = Cli.run("run", TestFiles.example("pivonka2008-pth.yaml"), "--plot", svg.toString(),
                "--plot-outputs", "OCa,OBa", "--log-y");
        assertThat(r.code()).as(r.err()).isZero();
        Document doc = TestFiles.xml(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        String text = Files.readString(svg);
        // Legend entries are real text: display name and id, for both outputs asked for and no others.
        assertThat(text).contains("active osteoclasts (OCa)", "active osteoblasts (OBa)").doesNotContain("(OBp)");
    }

    /**
     * The run records only what it writes or draws: the scenario's outputs go to the table, and a
     * plotted rule that is not among them (pi_act_OCa, read through TGFb) is still drawn.
     */
    @Test
    void aPlottedRuleOutsideTheScenarioOutputsIsDrawnButNotWritten() throws Exception {
        Path svg = dir.resolve("pth.svg");
        Path csv = dir.resolve("pth.csv");
        Cli r = Cli.run("run", TestFiles.example("pivonka2008-pth.yaml"), "--plot", svg.toString(), "--out", csv.toString(),
                "--plot-outputs", "pi_act_OCa,OCa");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("time,OBp,OBa,OCa,PTH,OPG,RANKL");
        assertThat(Files.readString(svg)).contains(">pi_act_OCa<", "active osteoclasts (OCa)").doesNotContain("(OBp)");
    }

    @Test
    void reportHasModelPlotOutputsSolverAndScenario() throws Exception {
        Path html = dir.resolve("pth.html");
        Path csv = dir.resolve("pth.csv");
        Cli r = Cli.run("run", TestFiles.example("pivonka2008-pth.yaml"), "--report", html.toString(), "--out", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.xml(html);
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "pivonka2008-pth", "PTH injection of 1000 pM/day")
                .contains("Pivonka P et al. (2008)", "Outputs", "Solver statistics", "Scenario")
                .contains("I_P = 1000 from 0 to 100")
                .contains("<th scope=\"row\">Accepted steps</th>")
                .doesNotContain("<script", "src=\"http", "href=\"http"); // only XML namespace names are URLs
        // Final, minimum and maximum values: OCa peaks at 1.817473e-3 pM on day 10 (spec section 7, Pivonka case 1),
        // shown to 4 significant digits.
        assertThat(page).containsPattern("active osteoclasts \\(OCa\\)</th><td>pM</td>(<td class=\"num\">[0-9.e-]+</td>){3}"
                + "<td class=\"num\">0\\.001817</td><td class=\"num\">10</td>");
        assertThat(TestFiles.csv(csv).rows()).hasSize(141);
    }

    @Test
    void dataOnStdoutKeepsAnnouncementsOnStderr() throws Exception {
        Path png = dir.resolve("p.png");
        Cli r = Cli.run("run", TestFiles.res("decay.yaml"), "--out", "-", "--format", "tsv", "--plot", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.Csv tsv = TestFiles.csv(r.out(), '\t');
        assertThat(tsv.header()).containsExactly("time", "x");
        // x(4) = 2 exp(-2) (rtol 1e-10 in the scenario).
        assertThat(tsv.values("x")[8]).isCloseTo(2 * Math.exp(-2), org.assertj.core.data.Offset.offset(1e-8));
        assertThat(r.err()).contains("wrote " + png);
        TestFiles.png(png);
    }

    @Test
    void badPlotRequestsAreUserErrors() {
        Cli ext = Cli.run("run", TestFiles.res("decay.yaml"), "--plot", dir.resolve("p.gif").toString());
        assertThat(ext.code()).isEqualTo(2);
        assertThat(ext.err()).contains("--plot").contains("use .png, .svg");
        Cli name = Cli.run("run", TestFiles.res("decay.yaml"), "--plot", dir.resolve("p.png").toString(), "--plot-outputs", "xx");
        assertThat(name.code()).isEqualTo(2);
        assertThat(name.err()).contains("--plot-outputs: model 'decay' has no symbol 'xx'").contains("did you mean 'x'?");
        Cli constant = Cli.run("run", TestFiles.res("decay.yaml"), "--plot", dir.resolve("p.png").toString(), "--plot-outputs", "k");
        assertThat(constant.code()).isEqualTo(2);
        assertThat(constant.err()).contains("constant parameter");
        Cli report = Cli.run("run", TestFiles.res("decay.yaml"), "--report", dir.resolve("r.pdf").toString());
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("--report");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
