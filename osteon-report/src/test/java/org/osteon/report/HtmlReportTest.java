package org.osteon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.trajectory.Trajectory;
import org.w3c.dom.Document;

class HtmlReportTest {
    private static final Trajectory BASE = Synthetic.remodelling(0.2);
    private static final Trajectory TREATED = Synthetic.remodelling(1);
    private static final List<NamedTrajectory> RUNS =
            List.of(new NamedTrajectory("baseline", BASE), new NamedTrajectory("denosumab", TREATED));
    private static final ModelSummary MODEL = new ModelSummary("pivonka2008", "Pivonka et al. bone cell model",
            "Pivonka P et al. (2008) Bone 43:249-263", List.of("OBp", "OBa", "OCa", "BV"),
            List.of("k_res", "D_OBu", "pi_C"), List.of("RANKL_free = RANKL - OPG_bound"), List.of());

    @TempDir
    Path dir;

    private static HtmlReport fullReport() {
        return HtmlReport.titled("Denosumab vs baseline")
                .description("Two years of treatment.\n\nSecond paragraph.")
                .model(MODEL)
                .figure("Time courses", Plots.timeSeries(RUNS, PlotSpec.titled("Time courses")))
                .figure("Bone volume as PNG", Plots.timeSeries(RUNS, PlotSpec.titled("BV").withSeries("BV")
                        .withSize(600, 300)), HtmlReport.Embed.PNG)
                .outputs(RUNS)
                .solverStatistics(RUNS)
                .section("Sensitivity", new Table(List.of("Parameter", "Coefficient"),
                        List.of(List.of("k_res", Table.number(-0.4321)), List.of("pi_C", Table.number(0.12)))))
                .section("Notes", "Free text for other commands.")
                .section("Ranking", "", Plots.bar(List.of(new Bar("k_res", -0.43), new Bar("pi_C", 0.12)), "S",
                        PlotSpec.titled("").withSize(600, 300)));
    }

    @Test
    void reportIsWellFormedAndHoldsEverySection() {
        String html = fullReport().render();
        Document doc = Images.parseXml(html);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        List<String> headings = new ArrayList<>();
        var h2 = doc.getElementsByTagName("h2");
        for (int i = 0; i < h2.getLength(); i++) {
            headings.add(h2.item(i).getTextContent());
        }
        assertThat(headings).containsExactly("Model", "Plots", "Outputs", "Solver statistics", "Sensitivity", "Notes",
                "Ranking");
        assertThat(html).contains("<p>Two years of treatment.</p>", "<p>Second paragraph.</p>");
    }

    @Test
    void plotsAreEmbeddedNotLinked() {
        String html = fullReport().render();
        assertThat(html).contains("<svg");
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        BufferedImage png = Images.decode(Base64.getDecoder().decode(m.group(1)));
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(600);
    }

    @Test
    void nothingIsLoadedFromElsewhere() {
        String html = fullReport().render();
        String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=\"[^\"]*\"", "");
        assertThat(withoutNamespaces).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(http");
        assertThat(Pattern.compile("src=\"(?!data:)").matcher(html).find()).isFalse();
    }

    @Test
    void inlineSvgIdsAreUniqueInThePage() {
        String html = fullReport().render();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> ids = new HashSet<>();
        while (m.find()) {
            assertThat(ids.add(m.group(1))).as("duplicate id %s", m.group(1)).isTrue();
        }
        assertThat(ids).hasSizeGreaterThan(3);
    }

    @Test
    void solverStatisticsTableHasEveryCounter() {
        String html = fullReport().render();
        assertThat(html).contains(">rodas5p<", ">1e-8<", ">1e-12<", ">1234<", ">56<", ">7890<", ">12<", ">34<", ">3<",
                ">yes<", ">42.5<", "Solve time [ms]", "Function evaluations", "Jacobian evaluations", "Restarts",
                "Events fired", "Switched to stiff method");
    }

    @Test
    void outputsTableHasFinalMinimumAndMaximumWithTimesAndUnits() {
        String html = fullReport().render();
        assertThat(html).contains("<h3>baseline</h3>", "<h3>denosumab</h3>", "at time [day]", ">pM<", ">%<",
                ">Osteoprotegerin (OPG)<");
        assertThat(html).contains(">" + Table.number(TREATED.last("OPG")) + "<",
                ">" + Table.number(TREATED.max("OPG")) + "<", ">" + Table.number(TREATED.timeOfMax("RANKL")) + "<",
                ">" + Table.number(TREATED.min("OCa")) + "<");
        assertThat(html).doesNotContain("J_form", ">k_res (");
    }

    @Test
    void modelSummaryShowsCountsCitationAndNames() {
        String html = fullReport().render();
        assertThat(html).contains(">pivonka2008<", "Pivonka P et al. (2008) Bone 43:249-263", ">State variables<",
                "<td>4</td>", "<td>3</td>", "<td>1</td>", "<td>0</td>", "<code>D_OBu</code>");
    }

    @Test
    void allTextIsEscaped() {
        String evil = "<script>alert('x')</script> & \"quotes\"";
        String html = HtmlReport.titled(evil).description(evil)
                .model(new ModelSummary(evil, evil, evil, List.of(evil), List.of(), List.of(), List.of()))
                .figure(evil, Plots.timeSeries(List.of(new NamedTrajectory(evil, Synthetic.decayAndOscillation())),
                        PlotSpec.titled(evil)))
                .outputs(List.of(new NamedTrajectory(evil, Synthetic.decayAndOscillation())))
                .section(evil, evil)
                .section(evil, new Table(List.of(evil), List.of(List.of(evil))))
                .render();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&quot;quotes&quot;");
        Images.parseXml(html);
    }

    @Test
    void unknownOutputFailsWhenAdded() {
        assertThatThrownBy(() -> HtmlReport.titled("t").outputs(RUNS.get(0), List.of("OPGX")))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("OPG");
    }

    @Test
    void tableRowsMustMatchTheHeader() {
        assertThatThrownBy(() -> new Table(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
    }

    @Test
    void writeProducesTheRenderedFile() throws Exception {
        Path file = dir.resolve("out/report.html");
        HtmlReport report = HtmlReport.titled("Small").description("d").solverStatistics(RUNS);
        // The writer does not create directories silently (issue 13): a missing one is an error naming it.
        assertThatThrownBy(() -> report.write(file)).isInstanceOf(org.osteon.trajectory.OutputFileException.class)
                .hasMessageContaining("directory " + file.getParent() + " does not exist");
        Files.createDirectory(file.getParent());
        report.write(file);
        assertThat(Files.readString(file)).isEqualTo(report.render());
        assertThat(leftovers(file.getParent())).isEmpty();
    }

    static List<Path> leftovers(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
