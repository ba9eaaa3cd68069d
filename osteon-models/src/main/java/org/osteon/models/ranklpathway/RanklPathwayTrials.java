package org.osteon.models.ranklpathway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;

/**
 * The clinical trial data {@code rankl-pathway} is calibrated and validated on
 * ({@code rankl-pathway/calibration/}, see its README): observations in the long format
 * {@code time,output,value,sd,group}, one scenario per trial arm ({@code arms/<group>.yaml}).
 * Used by the data-comparison tests, the calibration and the trial report.
 */
public final class RanklPathwayTrials {
    public static final String DIR = "/org/osteon/models/rankl-pathway/calibration/";
    /** Every data file, training and held out. */
    public static final List<String> DATA_FILES = List.of("denosumab-training.csv", "denosumab-heldout.csv",
            "teriparatide-training.csv", "teriparatide-heldout.csv", "menopause-training.csv", "zoledronate-training.csv");

    /** A trial mean at a time (days) for an output, with its fitting weight and the file it comes from. */
    public record Observation(String group, double time, String output, double value, double sd, String file) {
        public boolean training() {
            return file.contains("training");
        }
    }

    private RanklPathwayTrials() {
    }

    /** A file of the calibration directory as text. */
    public static String text(String name) {
        try (InputStream in = RanklPathwayTrials.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The observations of the given data files, in file order. */
    public static List<Observation> observations(List<String> files) {
        List<Observation> out = new ArrayList<>();
        for (String file : files) {
            List<String> lines = text(file).lines().toList();
            if (!lines.get(0).equals("time,output,value,sd,group")) {
                throw new IllegalStateException(DIR + file + ": unexpected header " + lines.get(0));
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                out.add(new Observation(f[4], Double.parseDouble(f[0]), f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), file));
            }
        }
        return List.copyOf(out);
    }

    /** The arm's scenario as shipped. */
    public static Scenario arm(String group) {
        return ScenarioReader.parse(text("arms/" + group + ".yaml"), DIR + "arms/" + group + ".yaml", null);
    }

    /** Runs an arm (all columns) with parameter overrides added to its own {@code set} values. */
    public static Trajectory run(ScenarioRunner runner, String group, Map<String, Double> overrides) {
        Scenario s = arm(group);
        Map<String, Double> set = new LinkedHashMap<>(s.set());
        set.putAll(overrides);
        Scenario withSet = new Scenario(s.name(), s.description(), s.model(), s.baseDir(), s.start(), s.until(), s.step(),
                s.solver(), s.rtol(), s.atol(), set, s.interventions(), s.doses(), List.of(), s.source(), s.positions(),
                s.tolerances());
        return Simulator.solve(runner.problem(withSet, runner.model(withSet)), runner.settings(withSet));
    }
}
