package org.osteon.models.ranklpathway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.trajectory.Trajectory;

/**
 * The acceptance criteria of {@code rankl-pathway/calibration/} and the model's error against the
 * trial data they judge: each data group is a trial arm with its own scenario, run on the built-in
 * model with optional parameter overrides (to show that a perturbed model fails).
 */
final class TrialData {
    /** A row of acceptance.csv: the pooled RMSE over {@code groups} for {@code output} must not exceed the bound. */
    record Criterion(String set, List<String> groups, String output, double bound, boolean asserted) {
        String label() {
            return set + " " + String.join("+", groups) + " " + output;
        }
    }

    /** A documented miss: a criterion the calibrated model does not meet, the error it must stay under, and why. */
    record KnownMiss(String check, double ceiling, String reason) {
    }

    private static final List<RanklPathwayTrials.Observation> ALL = RanklPathwayTrials.observations(RanklPathwayTrials.DATA_FILES);
    private static final Map<String, Trajectory> DEFAULT_RUNS = new ConcurrentHashMap<>();

    private TrialData() {
    }

    static List<RanklPathwayTrials.Observation> observations() {
        return ALL;
    }

    static List<Criterion> criteria() {
        List<String> lines = RanklPathwayTrials.text("acceptance.csv").lines().toList();
        List<Criterion> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new Criterion(f[0], Arrays.asList(f[1].split(" ")), f[2], Double.parseDouble(f[3]), f[4].equals("yes")));
        }
        return out;
    }

    /** calibration/known-misses.csv, by check label (a criterion's label or a literature check's name). */
    static Map<String, KnownMiss> knownMisses() {
        Map<String, KnownMiss> out = new LinkedHashMap<>();
        List<String> lines = RanklPathwayTrials.text("known-misses.csv").lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\\|");
            out.put(f[0], new KnownMiss(f[0], Double.parseDouble(f[1]), f[2]));
        }
        return out;
    }

    static org.osteon.scenario.Scenario arm(String group) {
        return RanklPathwayTrials.arm(group);
    }

    /** Runs an arm (all columns) with parameter overrides; runs without overrides are cached. */
    static Trajectory run(String group, Map<String, Double> overrides) {
        if (overrides.isEmpty()) {
            return DEFAULT_RUNS.computeIfAbsent(group, g -> RanklPathwayTrials.run(Outcome.RUNNER, g, Map.of()));
        }
        return RanklPathwayTrials.run(Outcome.RUNNER, group, overrides);
    }

    /** Pooled root-mean-square error of the model over the criterion's groups and output. */
    static double rmse(Criterion c, Map<String, Double> overrides) {
        double sum = 0;
        int n = 0;
        for (String g : c.groups()) {
            Trajectory tr = run(g, overrides);
            for (RanklPathwayTrials.Observation o : ALL) {
                if (o.group().equals(g) && o.output().equals(c.output())) {
                    double r = tr.valueAt(o.output(), o.time()) - o.value();
                    sum += r * r;
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new IllegalStateException("no data for " + c.label());
        }
        return Math.sqrt(sum / n);
    }
}
