package org.osteon.scenario;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.osteon.dosing.DoseTable;
import org.osteon.dosing.Regimen;
import org.osteon.units.Calendar;
import org.osteon.units.Quantity;

/**
 * A model plus what is done to it, kept apart from the model (YAML on disk): the time span and
 * output step, solver settings, value overrides, held-parameter windows, doses and the outputs
 * to keep. Values not given are {@code null} (use the defaults).
 *
 * <p>Times may be given with a calendar unit ({@code until: 4 years}); those are kept in
 * {@code timeQuantities} (by key path, e.g. {@code until} or {@code interventions[0].from}) until
 * the model's time unit is known, and {@link #inModelTime} turns them into plain numbers.
 *
 * @param model          a built-in model id or a path to a model file (relative to {@code baseDir})
 * @param baseDir        directory relative paths are resolved against, or {@code null}
 * @param source         where the scenario was read from (for messages), or {@code null}
 * @param positions      line/column of each key, by path such as {@code interventions[0].set}
 * @param tolerances     per-state tolerances by state name ({@code tolerances: {OCa: {atol: 1e-15}}})
 * @param doses          dose regimens (amounts with units, routes, repeats; see {@link Regimen})
 * @param calendar       lengths of month and year ({@code month: 28 d})
 * @param covariates     patient covariates such as {@code weight: 70 kg} (per-body-weight doses use it)
 * @param doseTables     NONMEM/mrgsolve dosing-event tables replayed in the run
 * @param timeQuantities times given with a unit, by key path, not yet in the model's time unit
 */
public record Scenario(String name, String description, String model, Path baseDir, Double start, Double until,
                       Double step, String solver, Double rtol, Double atol, Map<String, Double> set,
                       List<Intervention> interventions, List<Regimen> doses, List<String> outputs, String source,
                       Map<String, Position> positions, Map<String, Tolerance> tolerances, Calendar calendar,
                       Map<String, Quantity> covariates, List<DoseTable> doseTables,
                       Map<String, Quantity> timeQuantities) {

    public Scenario(String name, String description, String model, Path baseDir, Double start, Double until,
                    Double step, String solver, Double rtol, Double atol, Map<String, Double> set,
                    List<Intervention> interventions, List<Regimen> doses, List<String> outputs, String source,
                    Map<String, Position> positions, Map<String, Tolerance> tolerances) {
        this(name, description, model, baseDir, start, until, step, solver, rtol, atol, set, interventions, doses, outputs,
                source, positions, tolerances, Calendar.DEFAULT, Map.of(), List.of(), Map.of());
    }

    public Scenario(String name, String description, String model, Path baseDir, Double start, Double until,
                    Double step, String solver, Double rtol, Double atol, Map<String, Double> set,
                    List<Intervention> interventions, List<Regimen> doses, List<String> outputs, String source,
                    Map<String, Position> positions) {
        this(name, description, model, baseDir, start, until, step, solver, rtol, atol, set, interventions, doses, outputs,
                source, positions, Map.of());
    }

    public Scenario {
        tolerances = Collections.unmodifiableMap(new LinkedHashMap<>(tolerances));
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        interventions = List.copyOf(interventions);
        doses = List.copyOf(doses);
        outputs = List.copyOf(outputs);
        positions = Map.copyOf(positions);
        calendar = calendar == null ? Calendar.DEFAULT : calendar;
        covariates = Collections.unmodifiableMap(new LinkedHashMap<>(covariates));
        doseTables = List.copyOf(doseTables);
        timeQuantities = Collections.unmodifiableMap(new LinkedHashMap<>(timeQuantities));
    }

    /** A scenario that just runs a model with its defaults. */
    public static Scenario ofModel(String model) {
        return new Scenario(model, null, model, null, null, null, null, null, null, null, Map.of(), List.of(), List.of(),
                List.of(), null, Map.of());
    }

    /** A parameter held at {@code value} on [from, to], both ends included, then restored. */
    public record Intervention(String target, double value, double from, double to) {
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

    /**
     * This scenario with every time given with a unit converted by {@code toModelTime} (a
     * quantity to a number in the model's time unit); the same scenario when there are none.
     */
    public Scenario inModelTime(ToDoubleFunction<Quantity> toModelTime) {
        if (timeQuantities.isEmpty()) {
            return this;
        }
        Map<String, Double> t = new LinkedHashMap<>();
        timeQuantities.forEach((k, q) -> {
            try {
                t.put(k, toModelTime.applyAsDouble(q));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(where(k) + "'" + k + "': " + e.getMessage());
            }
        });
        List<Intervention> ivs = new java.util.ArrayList<>();
        for (int i = 0; i < interventions.size(); i++) {
            Intervention iv = interventions.get(i);
            ivs.add(new Intervention(iv.target(), iv.value(), t.getOrDefault("interventions[" + i + "].from", iv.from()),
                    t.getOrDefault("interventions[" + i + "].to", iv.to())));
        }
        return new Scenario(name, description, model, baseDir, t.getOrDefault("start", start),
                t.getOrDefault("until", until), t.getOrDefault("step", step), solver, rtol, atol, set, ivs, doses, outputs,
                source, positions, tolerances, calendar, covariates, doseTables, Map.of());
    }

    public Scenario withModel(String m) {
        return new Scenario(name, description, m, baseDir, start, until, step, solver, rtol, atol, set, interventions,
                doses, outputs, source, positions, tolerances, calendar, covariates, doseTables, timeQuantities);
    }

    /** Copy with these doses instead of the scenario's own (dose tables are kept). */
    public Scenario withDoses(List<Regimen> newDoses) {
        return new Scenario(name, description, model, baseDir, start, until, step, solver, rtol, atol, set, interventions,
                newDoses, outputs, source, positions, tolerances, calendar, covariates, doseTables, timeQuantities);
    }

    /** Copy with these covariates added to (or replacing) the scenario's. */
    public Scenario withCovariates(Map<String, Quantity> extra) {
        Map<String, Quantity> merged = new LinkedHashMap<>(covariates);
        merged.putAll(extra);
        return new Scenario(name, description, model, baseDir, start, until, step, solver, rtol, atol, set, interventions,
                doses, outputs, source, positions, tolerances, calendar, merged, doseTables, timeQuantities);
    }

    /** Copy with command-line style overrides; null arguments keep the scenario's value. */
    public Scenario withOverrides(Double newUntil, Double newStep, String newSolver, Double newRtol, Double newAtol,
                                  Map<String, Double> extraSet) {
        Map<String, Double> merged = new LinkedHashMap<>(set);
        merged.putAll(extraSet);
        Map<String, Quantity> times = new LinkedHashMap<>(timeQuantities);
        if (newUntil != null) {
            times.remove("until");
        }
        if (newStep != null) {
            times.remove("step");
        }
        return new Scenario(name, description, model, baseDir, start, newUntil != null ? newUntil : until,
                newStep != null ? newStep : step, newSolver != null ? newSolver : solver,
                newRtol != null ? newRtol : rtol, newAtol != null ? newAtol : atol, merged, interventions, doses,
                outputs, source, positions, tolerances, calendar, covariates, doseTables, times);
    }
}
