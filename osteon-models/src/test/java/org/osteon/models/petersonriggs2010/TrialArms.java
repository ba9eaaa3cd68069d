package org.osteon.models.petersonriggs2010;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.osteon.scenario.Scenario;

/**
 * The digitized trial arms (test resources {@code petersonriggs2010/observed}), each with its dosing
 * as a scenario of petersonriggs2010 and its observations in percent of baseline. Times are hours;
 * the trials count 28-day months (672 h).
 */
final class TrialArms {
    static final double MONTH_H = 672;

    /** What was measured: lumbar-spine BMD, serum CTX, bone-specific alkaline phosphatase. */
    enum Measure {
        LS_BMD, CTX, BSAP
    }

    /** One observation: time in hours and value in percent of baseline. */
    record Point(double time, double percent) {
    }

    /** A dose: hours, state, amount in the state's unit (ng for DENSC, pmol for TERISC). */
    record Dose(double time, String target, double amount) {
    }

    record Arm(String id, String drug, String label, List<Dose> doses, Map<Measure, List<Point>> data) {
        double lastObservation() {
            return data.values().stream().flatMap(List::stream).mapToDouble(Point::time).max().orElse(0);
        }

        /** The arm's dosing as a scenario, on a grid of {@code step} hours to the last observation. */
        Scenario scenario(double step) {
            double until = Math.ceil(lastObservation() / step) * step;
            StringBuilder yaml = new StringBuilder("until: " + until + "\nstep: " + step + "\nsolver: rodas5p\ndoses:\n");
            for (Dose d : doses) {
                if (d.time() <= until) {
                    yaml.append(String.format(Locale.ROOT, "  - {target: %s, amount: %s, at: %s}%n", d.target(), d.amount(), d.time()));
                }
            }
            return PetersonRiggs.scenario("arm-" + id, yaml.toString());
        }
    }

    private TrialArms() {
    }

    /** The 15 denosumab arms, ids "den1".."den15". */
    static List<Arm> denosumab() {
        Map<String, List<Map<String, String>>> byArm = group(csv("denosumab_observed_obm.csv"), "arm_id");
        List<Arm> arms = new ArrayList<>();
        byArm.forEach((arm, rows) -> {
            List<Dose> doses = new ArrayList<>();
            for (String item : rows.get(0).get("dose_schedule_mg_at_month28").split(";")) {
                String[] mgAt = item.trim().split("mg@");
                double mg = Double.parseDouble(mgAt[0]);
                double month = Double.parseDouble(mgAt[1].replace("mo28", ""));
                if (mg > 0) {
                    doses.add(new Dose(month * MONTH_H, "DENSC", mg * 1e6));
                }
            }
            Map<Measure, List<Point>> data = new LinkedHashMap<>();
            data.put(Measure.LS_BMD, points(rows, "time_h", "lsBMD_pct_of_baseline"));
            data.put(Measure.CTX, points(rows, "time_h", "CTX_pct_of_baseline"));
            data.put(Measure.BSAP, points(rows, "time_h", "BSAP_pct_of_baseline"));
            arms.add(new Arm("den" + arm, "denosumab", rows.get(0).get("dose_schedule_mg_at_month28"), doses, data));
        });
        return arms;
    }

    /**
     * The teriparatide 20 ug/day arms, ids "teri5".."teri37". Arm 30's two corrupted LS values
     * (8.324, see the data README) are left out.
     */
    static List<Arm> teriparatide() {
        Map<String, List<Map<String, String>>> byArm = group(csv("teriparatide_observed_obm.csv"), "arm_id");
        List<Arm> arms = new ArrayList<>();
        byArm.forEach((arm, rows) -> {
            int n = Integer.parseInt(rows.get(0).get("n_doses_in_arm"));
            double pmol = Double.parseDouble(rows.get(0).get("dose_pmol"));
            List<Dose> doses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                doses.add(new Dose(24.0 * i, "TERISC", pmol));
            }
            List<Point> ls = new ArrayList<>(points(rows, "time_h", "lsBMD"));
            ls.removeIf(p -> p.percent() < 50);
            arms.add(new Arm("teri" + arm, "teriparatide", n + " daily doses of 20 ug", doses, Map.of(Measure.LS_BMD, ls)));
        });
        return arms;
    }

    /** The DATA study's combination arm (Leder 2014): teriparatide 20 ug/day and denosumab 60 mg every 6 (28-day) months. */
    static Arm combination() {
        List<Map<String, String>> rows = csv("teriparatide_DATA_arm_leder2014_obm.csv");
        List<Dose> doses = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            doses.add(new Dose(24.0 * i, "TERISC", PetersonRiggs.TERIPARATIDE_20UG_PMOL));
        }
        doses.add(new Dose(0, "DENSC", 60e6));
        doses.add(new Dose(6 * MONTH_H, "DENSC", 60e6));
        Map<Measure, List<Point>> data = new LinkedHashMap<>();
        data.put(Measure.LS_BMD, points(rows, "time", "lsBMD"));
        data.put(Measure.CTX, points(rows, "time", "CTX"));
        return new Arm("combo", "teriparatide + denosumab", "DATA combination arm (Leder 2014)", doses, data);
    }

    private static List<Point> points(List<Map<String, String>> rows, String time, String column) {
        List<Point> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String v = r.get(column);
            if (v != null && !v.isBlank() && !v.equals(".")) {
                out.add(new Point(Double.parseDouble(r.get(time)), Double.parseDouble(v)));
            }
        }
        return out;
    }

    private static Map<String, List<Map<String, String>>> group(List<Map<String, String>> rows, String key) {
        Map<Integer, List<Map<String, String>>> sorted = new TreeMap<>();
        for (Map<String, String> r : rows) {
            sorted.computeIfAbsent(Integer.parseInt(r.get(key)), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        sorted.forEach((k, v) -> out.put(Integer.toString(k), v));
        return out;
    }

    /** A small CSV reader: the files have no quoted fields. */
    static List<Map<String, String>> csv(String name) {
        String text;
        try (InputStream in = TrialArms.class.getResourceAsStream("/petersonriggs2010/observed/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource missing: " + name, e);
        }
        String[] lines = text.split("\r?\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], c < cells.length ? cells[c] : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
