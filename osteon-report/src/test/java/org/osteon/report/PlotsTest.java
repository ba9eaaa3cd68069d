package org.osteon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchart.XYChart;
import org.osteon.report.PlotSpec.Baseline;
import org.osteon.trajectory.Trajectory;
import org.w3c.dom.Document;

class PlotsTest {
    private static final List<NamedTrajectory> TWO_RUNS = List.of(
            new NamedTrajectory("baseline", Synthetic.remodelling(0.2)),
            new NamedTrajectory("denosumab", Synthetic.remodelling(1)));
    private static final List<NamedTrajectory> TOY =
            List.of(new NamedTrajectory("toy", Synthetic.decayAndOscillation()));

    @TempDir
    Path dir;

    @Test
    void testsRunHeadless() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"900, 600", "640, 400", "1600, 1000"})
    void timeSeriesPngHasTheRequestedSizeAndIsNotBlank(int width, int height) throws Exception {
        Figure f = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("Remodelling").withSize(width, height));
        Path file = dir.resolve("ts.png");
        Plots.writePng(f, file);

        BufferedImage image = Images.decode(Files.readAllBytes(file));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(Images.distinctColors(image)).isGreaterThan(50);
        assertThat(Images.inkInCentre(image)).isGreaterThan(0.01);
    }

    @Test
    void scaledPngKeepsTheLayoutAtHigherResolution() {
        Figure f = Plots.timeSeries(TOY, PlotSpec.titled("toy").withSize(600, 400));
        BufferedImage image = Images.decode(Plots.png(f, 2));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
    }

    @Test
    void everySeriesIsDrawnInItsPaletteColour() {
        Figure f = Plots.timeSeries(TOY, PlotSpec.titled("toy"));
        BufferedImage image = Images.decode(Plots.png(f));
        Map<String, Color> colors = Palette.assign(List.of("A", "B"));
        assertThat(colors.get("A")).isNotEqualTo(colors.get("B"));
        for (Color c : colors.values()) {
            // Far more pixels than the legend sample alone: the curve is there too.
            assertThat(Images.count(image, c)).isGreaterThan(200);
        }
    }

    @Test
    void renderingIsDeterministic() {
        PlotSpec spec = PlotSpec.titled("twice");
        byte[] first = Plots.png(Plots.timeSeries(TWO_RUNS, spec));
        byte[] second = Plots.png(Plots.timeSeries(TWO_RUNS, spec));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void svgIsWellFormedWithTitleAndLegendAsText() throws Exception {
        Figure f = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("Baseline vs denosumab"));
        Path file = dir.resolve("ts.svg");
        Plots.writeSvg(f, file);

        String svg = Files.readString(file);
        Document doc = Images.parseXml(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(Images.svgTexts(doc)).contains("Baseline vs denosumab", "Osteoprotegerin (OPG)",
                "Active osteoblasts (OBa)", "RANKL", "Bone volume (BV)", "baseline", "denosumab");
        assertThat(svg).doesNotContain("<!DOCTYPE").contains("sans-serif");
    }

    @Test
    void svgEscapesMarkupInLabels() {
        Figure f = Plots.timeSeries(TOY, PlotSpec.titled("<b>A & B</b>"));
        Document doc = Images.parseXml(Plots.svg(f));
        assertThat(Images.svgTexts(doc)).contains("<b>A & B</b>");
    }

    @Test
    void seriesOfVeryDifferentSizeGoToSeparatePanels() {
        Figure f = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSeries("OBa", "OPG").withSize(900, 600));
        assertThat(f.charts()).hasSize(2);
        assertThat(f.charts().get(0).getYAxisTitle()).isEqualTo("Active osteoblasts [pM]");
        assertThat(f.charts().get(1).getYAxisTitle()).isEqualTo("Osteoprotegerin [pM]");

        Figure similar = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSeries("OBa", "OBp", "OCa"));
        assertThat(similar.charts()).hasSize(1);
        assertThat(similar.charts().get(0).getYAxisTitle()).isEqualTo("concentration [pM]");
    }

    @Test
    void defaultSeriesAreStateNotParametersOrFluxes() {
        Figure f = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSize(900, 900));
        String svg = Plots.svg(f);
        assertThat(svg).contains("(OPG)", "(BV)").doesNotContain("k_res", "J_form");
    }

    @Test
    void tooManyMagnitudesForTheHeightFallBackToALogAxis() {
        Figure tall = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSize(900, 900));
        assertThat(tall.charts()).hasSize(4);
        assertThat(tall.notes()).isEmpty();

        Figure low = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSize(900, 400));
        assertThat(low.notes()).anyMatch(n -> n.startsWith("Log scale"));
        assertThat(low.charts().stream().filter(c -> ((XYChart) c).getStyler().isYAxisLogarithmic())).hasSize(1);
    }

    @Test
    void aRequestedLogAxisIsKeptEvenForARangeUnderOneDecade() {
        double[] x = {0, 1, 2, 3};
        Figure f = Plots.line("x", x, List.of(new Series("narrow", "narrow", "pM", new double[] {1, 1.5, 2, 2.5})),
                PlotSpec.titled("").withLogY(true));
        assertThat(((XYChart) f.charts().get(0)).getStyler().isYAxisLogarithmic()).as("--log-y honoured").isTrue();
        assertThat(f.notes()).noneMatch(n -> n.startsWith("Linear axis"));
    }

    @Test
    void logAxisLeavesOutNonPositiveValuesAndSaysSo() {
        Figure f = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSeries("OBa", "OPG").withLogY(true));
        assertThat(f.charts()).hasSize(1);
        assertThat(((XYChart) f.charts().get(0)).getStyler().isYAxisLogarithmic()).isTrue();

        Trajectory tr = Synthetic.decayAndOscillation();
        double[] t = tr.times();
        double[] a = tr.column("A");
        a[0] = 0;
        a[1] = -1;
        Trajectory withZero = new Trajectory("toy", "h", t, tr.columns(), new double[][] {a, tr.column("B")}, null);
        Figure clipped = Plots.timeSeries(List.of(new NamedTrajectory("r", withZero)),
                PlotSpec.titled("").withLogY(true));
        assertThat(clipped.notes()).anyMatch(n -> n.contains("≤ 0") && n.contains("A"));
        assertThat(Images.decode(Plots.png(clipped)).getWidth()).isEqualTo(PlotSpec.DEFAULT_WIDTH);
    }

    @Test
    void percentChangeFromInitialValue() {
        Trajectory tr = Synthetic.decayAndOscillation();
        double[] pct = TimeSeriesFigure.values(tr, "A", Baseline.INITIAL_VALUE, tr);
        assertThat(pct[0]).isEqualTo(0.0);
        // A = exp(-0.3 t): at t = 10 it is e^-3 of its start.
        assertThat(pct[100]).isCloseTo(100 * (Math.exp(-3) - 1), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void percentChangeAgainstTheFirstRun() {
        Trajectory base = Synthetic.remodelling(0.2);
        Trajectory treated = Synthetic.remodelling(1);
        double[] pct = TimeSeriesFigure.values(treated, "OPG", Baseline.FIRST_RUN, base);
        double expected = 100 * (treated.value("OPG", 200) / base.value("OPG", 200) - 1);
        assertThat(pct[200]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TimeSeriesFigure.values(base, "OPG", Baseline.FIRST_RUN, base)).containsOnly(0.0);

        Figure f = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withPercentChange(Baseline.FIRST_RUN));
        assertThat(f.charts().get(0).getYAxisTitle()).isEqualTo("change vs baseline [%]");
        assertThat(Plots.svg(f)).contains(">denosumab<");
    }

    @Test
    void zeroInitialValueHasNoPercentChange() {
        Trajectory tr = Synthetic.decayAndOscillation();
        double[] a = tr.column("A");
        a[0] = 0;
        Trajectory zero = new Trajectory("toy", "h", tr.times(), tr.columns(), new double[][] {a, tr.column("B")}, null);
        Figure f = Plots.timeSeries(List.of(new NamedTrajectory("r", zero)),
                PlotSpec.titled("").withPercentChange(Baseline.INITIAL_VALUE));
        assertThat(f.notes()).anyMatch(n -> n.contains("No % change") && n.contains("A"));
    }

    @Test
    void badRequestsFailWithClearMessages() {
        assertThatThrownBy(() -> Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSeries("OPGG")))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("OPG");
        assertThatThrownBy(() -> Plots.timeSeries(TOY, PlotSpec.titled("").withPercentChange(Baseline.FIRST_RUN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two runs");
        assertThatThrownBy(() -> PlotSpec.titled("").withLogY(true).withPercentChange(Baseline.INITIAL_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log");
        assertThatThrownBy(() -> PlotSpec.titled("").withSize(10, 10)).isInstanceOf(IllegalArgumentException.class);
        List<NamedTrajectory> mixedUnits = List.of(TOY.get(0), TWO_RUNS.get(0));
        assertThatThrownBy(() -> Plots.timeSeries(mixedUnits, PlotSpec.titled("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time unit");
    }

    @Test
    void stackedPlotAreasLineUpOnTheLeft() {
        Figure f = Plots.timeSeries(TWO_RUNS, PlotSpec.titled("").withSize(900, 900));
        Plots.png(f);
        List<Double> lefts = new ArrayList<>();
        for (var c : f.charts()) {
            lefts.add(((XYChart) c).getScreenXFromChart(0));
        }
        assertThat(lefts).hasSizeGreaterThan(1);
        double min = lefts.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = lefts.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1.0);
    }

    @Test
    void barChartRanksByMagnitudeAndColoursBySign() {
        List<Bar> bars = List.of(new Bar("small", 0.05), new Bar("big negative", -0.9), new Bar("medium", 0.4));
        Figure f = Plots.bar(bars, "sensitivity", PlotSpec.titled("Sensitivity").withSize(700, 400));
        BufferedImage image = Images.decode(Plots.png(f));
        assertThat(image.getWidth()).isEqualTo(700);
        assertThat(Images.count(image, BarPanel.NEGATIVE)).isGreaterThan(500);
        assertThat(Images.count(image, BarPanel.POSITIVE)).isGreaterThan(500);

        List<String> texts = Images.svgTexts(Images.parseXml(Plots.svg(f)));
        assertThat(texts).containsSubsequence("big negative", "medium", "small");
        assertThat(texts).contains("sensitivity", "−0.9", "0.4");
    }

    @Test
    void barChartShowsOnlyWhatFitsAndSaysSo() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            bars.add(new Bar("p" + i, i));
        }
        Figure f = Plots.bar(bars, "", PlotSpec.titled("").withSize(600, 400));
        assertThat(f.notes()).singleElement().asString().contains("largest").contains("of 100");
        List<String> texts = Images.svgTexts(Images.parseXml(Plots.svg(f)));
        assertThat(texts).contains("p99").doesNotContain("p0");
    }

    @Test
    void heatMapHasAColourBarWithItsLabelAndMarksMissingCells() {
        double[] x = {0.1, 0.3, 1, 3, 10};
        double[] y = {1, 2, 3};
        double[][] z = {{1, 2, 3, 4, 5}, {2, 4, 6, 8, Double.NaN}, {3, 6, 9, 12, 15}};
        Figure f = Plots.heatMap(new ScanGrid("k [1/day]", x, "dose [mg]", y, z, "BV [%]"),
                PlotSpec.titled("Scan").withSize(700, 500));
        BufferedImage image = Images.decode(Plots.png(f));
        assertThat(image.getWidth()).isEqualTo(700);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(Images.distinctColors(image)).isGreaterThan(30);
        assertThat(Images.count(image, Style.MISSING)).isGreaterThan(1000);
        assertThat(f.notes()).singleElement().asString().contains("Grey");
        assertThat(Images.svgTexts(Images.parseXml(Plots.svg(f)))).contains("BV [%]", "k [1/day]", "dose [mg]");
    }

    @Test
    void scanGridRejectsMismatchedShapes() {
        assertThatThrownBy(() -> new ScanGrid("x", new double[] {1, 2}, "y", new double[] {1}, new double[][] {{1}}, "z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> new ScanGrid("x", new double[] {1}, "y", new double[] {1, 2}, new double[][] {{1}}, "z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
    }

    @Test
    void lineChartOfAOneDimensionalScan() {
        double[] k = {0.1, 0.3, 1, 3, 10};
        List<Series> outputs = List.of(new Series("BV", "Bone volume", "%", new double[] {95, 97, 100, 103, 105}),
                new Series("OPG", null, "pM", new double[] {9000, 7000, 5000, 3000, 1000}));
        Figure f = Plots.line("k_OPG [1/day]", k, outputs, PlotSpec.titled("Scan").withLogX(true));
        assertThat(f.charts()).hasSize(2);
        BufferedImage image = Images.decode(Plots.png(f));
        assertThat(Images.inkInCentre(image)).isGreaterThan(0.01);
        Map<String, Color> colors = Palette.assign(List.of("BV", "OPG"));
        assertThat(Images.count(image, colors.get("BV"))).isGreaterThan(100);
        assertThat(Images.svgTexts(Images.parseXml(Plots.svg(f)))).contains("Bone volume (BV)", "OPG");
    }

    @Test
    void longLegendLabelsAreShortenedButKeepTheirId() {
        Trajectory tr = Synthetic.decayAndOscillation();
        List<org.osteon.trajectory.Column> cols = List.of(
                new org.osteon.trajectory.Column("A", org.osteon.compile.Variable.Kind.SPECIES, "nM",
                        "A species whose display name goes on and on well beyond any legend column"),
                tr.columnInfo("B"));
        Trajectory longNames = new Trajectory("toy", "h", tr.times(), cols,
                new double[][] {tr.column("A"), tr.column("B")}, null);
        Figure f = Plots.timeSeries(List.of(new NamedTrajectory("r", longNames)), PlotSpec.titled("").withSize(600, 400));
        assertThat(Images.svgTexts(Images.parseXml(Plots.svg(f))))
                .anyMatch(t -> t.startsWith("A species whose") && t.endsWith("… (A)"));
    }

    @Test
    void aSinglePointIsStillVisible() {
        List<org.osteon.trajectory.Column> cols = List.of(Synthetic.decayAndOscillation().columnInfo("A"));
        Trajectory one = new Trajectory("toy", "h", new double[] {0}, cols, new double[][] {{1}}, null);
        BufferedImage image = Images.decode(Plots.png(Plots.timeSeries(List.of(new NamedTrajectory("r", one)),
                PlotSpec.titled("").withSize(600, 400))));
        // The legend is on the right; the left two thirds hold only the plot, and the dot.
        assertThat(Images.count(image, Palette.preferred("A"), 400)).isGreaterThan(10);
    }

    @Test
    void nothingToPlotStillRenders() {
        Trajectory tr = Synthetic.decayAndOscillation();
        double[] nan = new double[tr.size()];
        java.util.Arrays.fill(nan, Double.NaN);
        Trajectory empty = new Trajectory("toy", "h", tr.times(), tr.columns(), new double[][] {nan, nan}, null);
        Figure f = Plots.timeSeries(List.of(new NamedTrajectory("r", empty)), PlotSpec.titled("empty"));
        assertThat(f.notes()).anyMatch(n -> n.startsWith("Not drawn"));
        assertThat(Images.svgTexts(Images.parseXml(Plots.svg(f)))).anyMatch(t -> t.startsWith("Nothing to plot"));
    }
}
