package org.osteon.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osteon.scenario.Scenario;
import org.osteon.solve.Integrators;
import picocli.CommandLine.Option;

/** Options that change how a scenario is simulated; shared by run, compare, scan and sensitivity. */
final class SimulationOptions {
    @Option(names = "--until", paramLabel = "T", description = "End time (model time unit, days by default).")
    Double until;

    @Option(names = "--step", paramLabel = "DT", description = "Output grid spacing.")
    Double step;

    @Option(names = "--solver", paramLabel = "NAME", description = "auto (default), dopri5, dop853, rodas5p, bdf.")
    String solver;

    @Option(names = "--rtol", paramLabel = "X", description = "Relative tolerance (default 1e-6).")
    Double rtol;

    @Option(names = "--atol", paramLabel = "X", description = "Absolute tolerance (default 1e-12).")
    Double atol;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a parameter or initial value (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    /** The scenario with these overrides; bad values are reported by option name before anything runs. */
    Scenario apply(Scenario s) {
        double start = s.start() != null ? s.start() : 0;
        if (until != null && !(until > start && Double.isFinite(until))) {
            throw new UserException("--until " + until + ": the end time must be finite and after the start (" + start + ")");
        }
        positive("--step", step);
        positive("--rtol", rtol);
        positive("--atol", atol);
        if (solver != null) {
            try {
                Integrators.byName(solver);
            } catch (IllegalArgumentException e) {
                throw new UserException("--solver " + solver + ": " + e.getMessage());
            }
        }
        return s.withOverrides(until, step, solver, rtol, atol, parseSet(set));
    }

    /** These options as recipe overrides (checked by {@link #apply} first). */
    org.osteon.analysis.batch.ScenarioRecipe.Overrides overrides() {
        return new org.osteon.analysis.batch.ScenarioRecipe.Overrides(until, step, solver, rtol, atol,
                new java.util.LinkedHashMap<>(parseSet(set)));
    }

    private static void positive(String option, Double v) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new UserException(option + " " + v + ": must be a positive number");
        }
    }

    static Map<String, Double> parseSet(Map<String, String> raw) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            try {
                out.put(e.getKey().trim(), org.osteon.util.FiniteNumbers.parse(e.getValue()));
            } catch (org.osteon.util.FiniteNumbers.NotFinite ex) {
                throw new UserException("--set " + e.getKey() + "=" + e.getValue() + ": the value " + ex.getMessage());
            }
        }
        return out;
    }
}
