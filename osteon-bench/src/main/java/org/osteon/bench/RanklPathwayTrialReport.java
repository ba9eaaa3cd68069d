package org.osteon.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.osteon.dosing.Regimen;
import org.osteon.models.BuiltInCatalog;
import org.osteon.models.ranklpathway.RanklPathwayTrials;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;
import org.osteon.units.Quantity;

/**
 * Model against the trial data of {@code rankl-pathway/calibration/}, per arm: a figure per drug
 * (one panel per arm and output: model line, OpenBoneMin's line in grey where it applies,
 * data points; training arms marked) and a Markdown
 * table of root-mean-square errors, training and held-out marked, with OpenBoneMin's error beside
 * ours where it applies (lumbar spine and CTX of the denosumab arms, when the built-in
 * {@code petersonriggs2010} model, the OpenBoneMin port, is present). Writes the figures into the
 * given directory (docs/models/img) and the table to standard output.
 *
 * <pre>
 * mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am
 * java -cp osteon-bench/target/benchmarks.jar org.osteon.bench.RanklPathwayTrialReport docs/models/img
 * </pre>
 */
public final class RanklPathwayTrialReport {
    static final String OPENBONEMIN = "petersonriggs2010";
    private static final int PANEL_W = 360;
    private static final int PANEL_H = 260;
    /** The figures' month: a Julian year over 12. */
    private static final double DAYS_PER_MONTH = 30.4375;
    /** OpenBoneMin's time unit is the hour. */
    private static final double HOURS_PER_DAY = 24;

    private record Point(String group, double time, String output, double value, boolean training) {
    }

    private final BuiltInCatalog catalog = new BuiltInCatalog();
    private final ScenarioRunner runner = new ScenarioRunner(catalog);
    private final Map<String, Trajectory> runs = new LinkedHashMap<>();

    private static List<Point> points() {
        return RanklPathwayTrials.observations(RanklPathwayTrials.DATA_FILES).stream()
                .map(o -> new Point(o.group(), o.time(), o.output(), o.value(), o.training())).toList();
    }

    private Trajectory run(String group) {
        return runs.computeIfAbsent(group, g -> RanklPathwayTrials.run(runner, g, Map.of()));
    }

    /**
     * OpenBoneMin's prediction for a denosumab arm: the same doses into its depot, its time in hours,
     * its lumbar-spine BMD for denosumab (BMDlsDENchange) and its CTX surrogate (OCchange).
     */
    private Optional<Trajectory> openBoneMin(String group) {
        if (!group.startsWith("den-") || catalog.compiled(OPENBONEMIN).isEmpty()) {
            return Optional.empty();
        }
        Scenario s = RanklPathwayTrials.arm(group);
        // the same regimen into OpenBoneMin's depot (ng, like Den_depot); the dosing layer converts the
        // mg and the calendar times into its units (hours); a time without a unit was in days here
        List<Regimen> doses = s.doses().stream()
                .map(d -> new Regimen("DENSC", d.amount(), d.route(), inDays(d.start()), inDays(d.interval()), d.count(),
                        inDays(d.span()), inDays(d.duration()), d.rate(), d.origin())).toList();
        Scenario obm = new Scenario(s.name(), s.description(), OPENBONEMIN, null, null, s.until() * HOURS_PER_DAY, HOURS_PER_DAY, null, null, null,
                Map.of(), List.of(), doses, List.of(), null, Map.of());
        return Optional.of(Simulator.solve(runner.problem(obm, runner.model(obm)), runner.settings(obm)));
    }

    private static Quantity inDays(Quantity q) {
        return q == null || q.hasUnit() ? q : Quantity.of(q.value(), "d");
    }

    private static double rmse(List<Point> pts, java.util.function.ToDoubleFunction<Point> model) {
        double sum = 0;
        for (Point p : pts) {
            double r = model.applyAsDouble(p) - p.value();
            sum += r * r;
        }
        return Math.sqrt(sum / pts.size());
    }

    private static String label(String output) {
        return switch (output) {
            case "BMD_LS_change" -> "lumbar spine BMD, %";
            case "BMD_TH_change" -> "total hip BMD, %";
            case "BMD_FN_change" -> "femoral neck BMD, %";
            case "CTX" -> "CTX, % of baseline";
            case "ALP" -> "ALP (data: BSAP), % of baseline";
            default -> output;
        };
    }

    /** OpenBoneMin's output compared with one of ours: its lumbar-spine BMD for denosumab and its CTX surrogate; null for the others. */
    private static String openBoneMinColumn(String output) {
        return switch (output) {
            case "BMD_LS_change" -> "BMDlsDENchange";
            case "CTX" -> "OCchange";
            default -> null;
        };
    }

    /** Times in months of {@value #DAYS_PER_MONTH} days, from times in units of which {@code unitsPerDay} make a day. */
    private static double[] inMonths(double[] times, double unitsPerDay) {
        double[] months = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            months[i] = times[i] / unitsPerDay / DAYS_PER_MONTH;
        }
        return months;
    }

    /** One panel: our line, OpenBoneMin's (grey; a dash pattern would not show on lines of daily points) where it has the output, and the data points. */
    private BufferedImage panel(String group, String output, List<Point> pts, Optional<Trajectory> obm) {
        Trajectory tr = run(group);
        boolean training = pts.stream().anyMatch(Point::training);
        XYChart chart = new XYChartBuilder().width(PANEL_W).height(PANEL_H)
                .title(group + (training ? " (training)" : " (held out)")).xAxisTitle("month").yAxisTitle(label(output)).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(11f));
        XYSeries line = chart.addSeries("Osteon", inMonths(tr.times(), 1), tr.column(output));
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(0x1f77b4));
        String obmColumn = openBoneMinColumn(output);
        if (obm.isPresent() && obmColumn != null) {
            Trajectory b = obm.get();
            XYSeries theirs = chart.addSeries("OpenBoneMin", inMonths(b.times(), HOURS_PER_DAY), b.column(obmColumn));
            theirs.setMarker(SeriesMarkers.NONE);
            theirs.setLineColor(Color.GRAY);
            theirs.setLineWidth(1.5f);
        }
        double[] px = pts.stream().mapToDouble(p -> p.time() / DAYS_PER_MONTH).toArray();
        double[] py = pts.stream().mapToDouble(Point::value).toArray();
        XYSeries data = chart.addSeries("data", px, py);
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(training ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        data.setMarkerColor(training ? Color.BLACK : new Color(0xd62728));
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void tile(List<BufferedImage> panels, int columns, Path file) throws IOException {
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(columns * PANEL_W, rows * PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), (i % columns) * PANEL_W, (i / columns) * PANEL_H, null);
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    void write(Path imageDir) throws IOException {
        List<Point> all = points();
        Map<String, Map<String, List<Point>>> byGroup = new LinkedHashMap<>();
        for (Point p : all) {
            byGroup.computeIfAbsent(p.group(), g -> new LinkedHashMap<>()).computeIfAbsent(p.output(), o -> new ArrayList<>()).add(p);
        }
        Map<String, List<BufferedImage>> figures = new LinkedHashMap<>();
        Map<PoolKey, Pooled> pooled = new LinkedHashMap<>();
        System.out.println("| set | arm | output | n | Osteon RMSE | OpenBoneMin RMSE |");
        System.out.println("|---|---|---|---|---|---|");
        for (var g : byGroup.entrySet()) {
            String group = g.getKey();
            Optional<Trajectory> obm = openBoneMin(group);
            for (var o : g.getValue().entrySet()) {
                List<Point> pts = o.getValue();
                Trajectory tr = run(group);
                double ours = rmse(pts, p -> tr.valueAt(p.output(), p.time()));
                double obmError = Double.NaN;
                String obmColumn = openBoneMinColumn(o.getKey());
                if (obm.isPresent() && obmColumn != null) {
                    Trajectory b = obm.get();
                    obmError = rmse(pts, p -> b.valueAt(obmColumn, p.time() * HOURS_PER_DAY));
                }
                String set = pts.stream().anyMatch(Point::training) ? "training" : "held out";
                if (!Double.isNaN(obmError)) {
                    for (String scope : List.of("all", set)) {
                        pooled.computeIfAbsent(new PoolKey(scope, o.getKey()), k -> new Pooled()).add(pts.size(), ours, obmError);
                    }
                }
                String theirs = Double.isNaN(obmError) ? "–" : String.format(Locale.ROOT, "%.2f", obmError);
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %.2f | %s |%n", set, group, o.getKey(), pts.size(), ours, theirs);
                String family = group.startsWith("den-") ? "denosumab" : group.startsWith("teri-") ? "teriparatide" : "other";
                if (!o.getKey().equals("ALP") || family.equals("denosumab")) {
                    figures.computeIfAbsent(family, f -> new ArrayList<>()).add(panel(group, o.getKey(), pts, obm));
                }
            }
        }
        for (var e : pooled.entrySet()) {
            Pooled p = e.getValue();
            System.out.printf(Locale.ROOT, "| pooled, %s | the %d arms where both apply (Osteon closer on %d) | %s | %d | %.2f | %.2f |%n",
                    e.getKey().scope(), p.arms, p.oursCloser, e.getKey().output(), p.n, Math.sqrt(p.ours / p.n),
                    Math.sqrt(p.theirs / p.n));
        }
        for (var f : figures.entrySet()) {
            Path file = imageDir.resolve("rankl-pathway-trials-" + f.getKey() + ".png");
            tile(f.getValue(), 4, file);
            System.out.println("wrote " + file);
        }
    }

    /** Which arms a pooled row covers ({@code all}, {@code training} or {@code held out}) and for which output. */
    private record PoolKey(String scope, String output) {
    }

    /**
     * Errors pooled over the arms where OpenBoneMin has the output: the root-mean-square error over
     * all their points (each arm weighted by its number of points), and on how many arms Osteon's
     * own error is the smaller.
     */
    private static final class Pooled {
        int arms;
        int oursCloser;
        int n;
        double ours;
        double theirs;

        void add(int points, double oursRmse, double theirsRmse) {
            arms++;
            if (oursRmse <= theirsRmse) {
                oursCloser++;
            }
            n += points;
            ours += points * oursRmse * oursRmse;
            theirs += points * theirsRmse * theirsRmse;
        }
    }

    public static void main(String[] args) throws IOException {
        new RanklPathwayTrialReport().write(Path.of(args.length > 0 ? args[0] : "docs/models/img"));
    }
}
