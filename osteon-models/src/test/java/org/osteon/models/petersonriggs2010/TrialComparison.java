package org.osteon.models.petersonriggs2010;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.osteon.models.BoneModelVerification;
import org.osteon.report.Figure;
import org.osteon.report.Plots;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.trajectory.Trajectory;

/**
 * Simulates trial arms with the full model and compares them with the digitized data: LS-BMD
 * against BMD_LS_change (Osteon) and BMDlsDENchange (OpenBoneMin's published denosumab fit), serum
 * CTX against OCchange and BSAP against OBchange (OpenBoneMin's surrogates, the same in both). Used
 * by the data tests; {@code main()} prints the tables of docs/models/petersonriggs2010.md.
 */
final class TrialComparison {
    /** Output step (h) of the arm simulations; model values at data times are interpolated on it. */
    static final double STEP_H = 6;

    /** One observation with the model's values at its time. */
    record Row(double time, double data, double osteon, double openBoneMin) {
        double error() {
            return osteon - data;
        }

        double openBoneMinError() {
            return openBoneMin - data;
        }
    }

    record Result(TrialArms.Arm arm, Map<TrialArms.Measure, List<Row>> rows, Trajectory trajectory) {
        double rmse(TrialArms.Measure m, boolean openBoneMin) {
            List<Row> r = rows.getOrDefault(m, List.of());
            double ss = 0;
            for (Row x : r) {
                double e = openBoneMin ? x.openBoneMinError() : x.error();
                ss += e * e;
            }
            return r.isEmpty() ? Double.NaN : Math.sqrt(ss / r.size());
        }
    }

    private TrialComparison() {
    }

    static Result compare(TrialArms.Arm arm) {
        var s = arm.scenario(STEP_H);
        Trajectory tr = BoneModelVerification.run(s, new ScenarioRunner(BoneModelVerification.CATALOG).settings(s));
        Map<TrialArms.Measure, List<Row>> rows = new EnumMap<>(TrialArms.Measure.class);
        arm.data().forEach((m, points) -> {
            List<Row> out = new ArrayList<>();
            for (TrialArms.Point p : points) {
                double t = p.time();
                switch (m) {
                    case LS_BMD -> out.add(new Row(t, p.percent() - 100, tr.valueAt("BMD_LS_change", t), tr.valueAt("BMDlsDENchange", t)));
                    case CTX -> out.add(new Row(t, p.percent(), tr.valueAt("OCchange", t), tr.valueAt("OCchange", t)));
                    case BSAP -> out.add(new Row(t, p.percent(), tr.valueAt("OBchange", t), tr.valueAt("OBchange", t)));
                    default -> throw new IllegalStateException();
                }
            }
            if (!out.isEmpty()) {
                rows.put(m, out);
            }
        });
        return new Result(arm, rows, tr);
    }

    /** Root mean square of the errors of all rows of one measure over several arms. */
    static double pooledRmse(List<Result> results, TrialArms.Measure m, boolean openBoneMin) {
        double ss = 0;
        int n = 0;
        for (Result r : results) {
            for (Row x : r.rows().getOrDefault(m, List.of())) {
                double e = openBoneMin ? x.openBoneMinError() : x.error();
                ss += e * e;
                n++;
            }
        }
        return Math.sqrt(ss / n);
    }

    /**
     * One PNG per arm: a panel per measure, the data as points, Osteon's BMD_LS and OpenBoneMin's
     * BMDlsDEN (LS-BMD) or OpenBoneMin's surrogates OCchange (CTX) and OBchange (BSAP) as lines, in
     * 28-day months.
     */
    static void figure(Result r, Path dir) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        double[] months = new double[r.trajectory().size()];
        for (int i = 0; i < months.length; i++) {
            months[i] = r.trajectory().time(i) / TrialArms.MONTH_H;
        }
        r.rows().forEach((m, rows) -> {
            XYChart c = new XYChartBuilder().width(720).height(260).xAxisTitle("month (28 d)")
                    .yAxisTitle(m == TrialArms.Measure.LS_BMD ? "LS-BMD change (%)" : m + " (% of baseline)").build();
            c.getStyler().setMarkerSize(7);
            if (m == TrialArms.Measure.LS_BMD) {
                line(c, "Osteon BMD_LS_change", months, r.trajectory().column("BMD_LS_change"));
                line(c, "OpenBoneMin BMDlsDENchange", months, r.trajectory().column("BMDlsDENchange"));
            } else {
                String id = m == TrialArms.Measure.CTX ? "OCchange" : "OBchange";
                line(c, id + " (surrogate)", months, r.trajectory().column(id));
            }
            XYSeries data = c.addSeries(m + " data", rows.stream().mapToDouble(x -> x.time() / TrialArms.MONTH_H).toArray(),
                    rows.stream().mapToDouble(Row::data).toArray());
            data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            data.setMarker(SeriesMarkers.CIRCLE);
            charts.add(c);
        });
        Figure f = Figure.of(r.arm().id() + ": " + r.arm().label(), 900, 60 + 250 * charts.size(), charts);
        Plots.writePng(f, dir.resolve("petersonriggs2010-" + r.arm().id() + ".png"));
    }

    private static void line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Prints the tables; with a directory argument, also writes one figure per arm there. */
    public static void main(String[] args) throws IOException {
        List<TrialArms.Arm> arms = new ArrayList<>(TrialArms.denosumab());
        arms.addAll(TrialArms.teriparatide());
        arms.add(TrialArms.combination());
        System.out.println("| arm | regimen | set | LS-BMD points | LS-BMD RMSE Osteon BMD_LS (pp) | LS-BMD RMSE OpenBoneMin BMDlsDEN (pp) "
                + "| CTX points | CTX RMSE (pp) | BSAP points | BSAP RMSE (pp) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<Result> all = new ArrayList<>();
        for (TrialArms.Arm arm : arms) {
            Result r = compare(arm);
            all.add(r);
            if (args.length > 0) {
                figure(r, Path.of(args[0]));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %d | %s | %d | %s |%n", arm.id(), arm.label(),
                    BmdLayerFit.TRAINING.contains(arm.id()) ? "training" : "held out",
                    r.rows().getOrDefault(TrialArms.Measure.LS_BMD, List.of()).size(), f(r.rmse(TrialArms.Measure.LS_BMD, false)),
                    f(r.rmse(TrialArms.Measure.LS_BMD, true)), r.rows().getOrDefault(TrialArms.Measure.CTX, List.of()).size(),
                    f(r.rmse(TrialArms.Measure.CTX, false)), r.rows().getOrDefault(TrialArms.Measure.BSAP, List.of()).size(),
                    f(r.rmse(TrialArms.Measure.BSAP, false)));
        }
        System.out.println();
        for (Result r : all) {
            System.out.println();
            System.out.println("#### " + r.arm().id() + ": " + r.arm().label());
            System.out.println();
            System.out.println("![" + r.arm().id() + "](img/petersonriggs2010/petersonriggs2010-" + r.arm().id() + ".png)");
            System.out.println();
            System.out.println("| measure | month (28 d) | data | Osteon | OpenBoneMin |");
            System.out.println("|---|---|---|---|---|");
            r.rows().forEach((m, rows) -> {
                for (Row x : rows) {
                    System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", label(m), x.time() / TrialArms.MONTH_H,
                            x.data(), x.osteon(), x.openBoneMin());
                }
            });
        }
    }

    private static String label(TrialArms.Measure m) {
        return switch (m) {
            case LS_BMD -> "LS-BMD change % (BMD_LS_change / BMDlsDENchange)";
            case CTX -> "CTX % of baseline (OCchange)";
            case BSAP -> "BSAP % of baseline (OBchange)";
        };
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
