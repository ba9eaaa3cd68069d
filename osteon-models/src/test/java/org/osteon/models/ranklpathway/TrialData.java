package org.osteon.models.ranklpathway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;

/**
 * The digitized trial data of {@code rankl-pathway/calibration/} and the model's error against
 * them: each data group is a trial arm with its own scenario ({@code arms/<group>.yaml}), run on the
 * built-in model with optional parameter overrides (to show that a perturbed model fails).
 */
final class TrialData {
    static final String DIR = "/org/osteon/models/rankl-pathway/calibration/";
    static final List<String> DATA_FILES = List.of("denosumab-training.csv", "denosumab-heldout.csv",
            "teriparatide-training.csv", "teriparatide-heldout.csv", "menopause-training.csv", "zoledronate-training.csv");

    /** One data point: a trial mean at a time (days) for an output, with its fitting weight. */
    record Observation(String group, double time, String output, double value, double sd, String file) {
    }

    /** A row of acceptance.csv: the pooled RMSE over {@code groups} for {@code output} must not exceed the bound. */
    record Criterion(String set, List<String> groups, String output, double bound, boolean asserted) {
        String label() {
            return set + " " + String.join("+", groups) + " " + output;
        }
    }

    private static final List<Observation> ALL = load();
    private static final Map<String, Trajectory> DEFAULT_RUNS = new ConcurrentHashMap<>();

    private TrialData() {
    }

    static String text(String name) {
        try (InputStream in = TrialData.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Observation> load() {
        List<Observation> out = new ArrayList<>();
        for (String file : DATA_FILES) {
            List<String> lines = text(file).lines().toList();
            if (!lines.get(0).equals("time,output,value,sd,group")) {
                throw new IllegalStateException(file + ": unexpected header " + lines.get(0));
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                out.add(new Observation(f[4], Double.parseDouble(f[0]), f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), file));
            }
        }
        return List.copyOf(out);
    }

    static List<Observation> observations() {
        return ALL;
    }

    static List<Criterion> criteria() {
        List<String> lines = text("acceptance.csv").lines().toList();
        List<Criterion> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new Criterion(f[0], Arrays.asList(f[1].split(" ")), f[2], Double.parseDouble(f[3]), f[4].equals("yes")));
        }
        return out;
    }

    /** A documented miss: a criterion the calibrated model does not meet, the error it must stay under, and why. */
    record KnownMiss(String check, double ceiling, String reason) {
    }

    /** calibration/known-misses.csv, by check label (a criterion's label or a literature check's name). */
    static Map<String, KnownMiss> knownMisses() {
        Map<String, KnownMiss> out = new java.util.LinkedHashMap<>();
        List<String> lines = text("known-misses.csv").lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\\|");
            out.put(f[0], new KnownMiss(f[0], Double.parseDouble(f[1]), f[2]));
        }
        return out;
    }

    /** The arm's scenario as shipped. */
    static Scenario arm(String group) {
        return ScenarioReader.parse(text("arms/" + group + ".yaml"), DIR + "arms/" + group + ".yaml", null);
    }

    /** Runs an arm (all columns) with parameter overrides; runs without overrides are cached. */
    static Trajectory run(String group, Map<String, Double> overrides) {
        if (overrides.isEmpty()) {
            return DEFAULT_RUNS.computeIfAbsent(group, g -> solve(g, Map.of()));
        }
        return solve(group, overrides);
    }

    private static Trajectory solve(String group, Map<String, Double> overrides) {
        Scenario s = arm(group);
        Map<String, Double> set = new LinkedHashMap<>(s.set());
        set.putAll(overrides);
        Scenario withSet = new Scenario(s.name(), s.description(), s.model(), s.baseDir(), s.start(), s.until(), s.step(),
                s.solver(), s.rtol(), s.atol(), set, s.interventions(), s.doses(), List.of(), s.source(), s.positions(),
                s.tolerances());
        var model = Outcome.RUNNER.model(withSet);
        return Simulator.solve(Outcome.RUNNER.problem(withSet, model), Outcome.RUNNER.settings(withSet));
    }

    /** Pooled root-mean-square error of the model over the criterion's groups and output. */
    static double rmse(Criterion c, Map<String, Double> overrides) {
        double sum = 0;
        int n = 0;
        for (String g : c.groups()) {
            Trajectory tr = run(g, overrides);
            for (Observation o : ALL) {
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
