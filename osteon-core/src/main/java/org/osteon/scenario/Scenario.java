package org.osteon.scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model plus what is done to it, kept apart from the model (YAML on disk): the time span and
 * output step, solver settings, value overrides, held-parameter windows, doses and the outputs
 * to keep. Values not given are {@code null} (use the defaults).
 *
 * @param model     a built-in model id or a path to a model file (relative to {@code baseDir})
 * @param baseDir   directory relative paths are resolved against, or {@code null}
 * @param source    where the scenario was read from (for messages), or {@code null}
 * @param positions line/column of each key, by path such as {@code interventions[0].set}
 * @param tolerances per-state tolerances by state name ({@code tolerances: {OCa: {atol: 1e-15}}})
 */
public record Scenario(String name, String description, String model, Path baseDir, Double start, Double until,
                       Double step, String solver, Double rtol, Double atol, Map<String, Double> set,
                       List<Intervention> interventions, List<Dose> doses, List<String> outputs, String source,
                       Map<String, Position> positions, Map<String, Tolerance> tolerances) {

    public Scenario(String name, String description, String model, Path baseDir, Double start, Double until,
                    Double step, String solver, Double rtol, Double atol, Map<String, Double> set,
                    List<Intervention> interventions, List<Dose> doses, List<String> outputs, String source,
                    Map<String, Position> positions) {
        this(name, description, model, baseDir, start, until, step, solver, rtol, atol, set, interventions, doses, outputs,
                source, positions, Map.of());
    }

    public Scenario {
        tolerances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tolerances));
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        interventions = List.copyOf(interventions);
        doses = List.copyOf(doses);
        outputs = List.copyOf(outputs);
        positions = Map.copyOf(positions);
    }

    /** A scenario that just runs a model with its defaults. */
    public static Scenario ofModel(String model) {
        return new Scenario(model, null, model, null, null, null, null, null, null, null, Map.of(), List.of(), List.of(),
                List.of(), null, Map.of());
    }

    /** A parameter held at {@code value} on [from, to], both ends included, then restored. */
    public record Intervention(String target, double value, double from, double to) {
    }

    /** A bolus added to a state: at {@code at}, then {@code count - 1} more every {@code every}. */
    public record Dose(String target, double amount, double at, double every, int count) {
        /** Times of all administrations. */
        public double[] times() {
            double[] t = new double[count];
            for (int i = 0; i < count; i++) {
                t[i] = at + i * every;
            }
            return t;
        }
    }

    /** Tolerances for one state (either may be null: the scenario's scalar one applies). */
    public record Tolerance(Double rtol, Double atol) {
    }

    /** A 1-based line and column in the scenario file. */
    public record Position(int line, int column) {
    }

    /** "file:line:column: " for the key at {@code path}, or the file name alone. */
    public String where(String path) {
        Position pos = positions.get(path);
        String file = source == null ? "scenario" : source;
        return pos == null ? file + ": " : file + ":" + pos.line() + ":" + pos.column() + ": ";
    }

    public Scenario withModel(String m) {
        return new Scenario(name, description, m, baseDir, start, until, step, solver, rtol, atol, set, interventions,
                doses, outputs, source, positions, tolerances);
    }

    /** Copy with command-line style overrides; null arguments keep the scenario's value. */
    public Scenario withOverrides(Double newUntil, Double newStep, String newSolver, Double newRtol, Double newAtol,
                                  Map<String, Double> extraSet) {
        Map<String, Double> merged = new LinkedHashMap<>(set);
        merged.putAll(extraSet);
        return new Scenario(name, description, model, baseDir, start, newUntil != null ? newUntil : until,
                newStep != null ? newStep : step, newSolver != null ? newSolver : solver,
                newRtol != null ? newRtol : rtol, newAtol != null ? newAtol : atol, merged, interventions, doses,
                outputs, source, positions, tolerances);
    }
}
