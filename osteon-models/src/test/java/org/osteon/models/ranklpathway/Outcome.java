package org.osteon.models.ranklpathway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.models.BuiltInCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;

/** Runs shipped rankl-pathway scenarios (all columns, default solver settings) and reads outcomes. */
final class Outcome {
    static final BuiltInCatalog CATALOG = new BuiltInCatalog();
    static final ScenarioRunner RUNNER = new ScenarioRunner(CATALOG);
    private static final Map<String, Trajectory> CACHE = new ConcurrentHashMap<>();

    private Outcome() {
    }

    /** The full trajectory of shipped scenario {@code rankl-pathway-<name>}. */
    static Trajectory run(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            Scenario s = CATALOG.scenario(RanklPathwayModel.ID + "-" + n).orElseThrow();
            var model = RUNNER.model(s);
            return Simulator.solve(RUNNER.problem(s, model), RUNNER.settings(s));
        });
    }

    /** Mean of a column over [from, to] on the output grid. */
    static double mean(Trajectory tr, String id, double from, double to) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < tr.size(); i++) {
            if (tr.time(i) >= from && tr.time(i) <= to) {
                sum += tr.value(id, i);
                n++;
            }
        }
        return sum / n;
    }

    /** Maximum of a column over [from, to]. */
    static double max(Trajectory tr, String id, double from, double to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tr.size(); i++) {
            if (tr.time(i) >= from && tr.time(i) <= to) {
                m = Math.max(m, tr.value(id, i));
            }
        }
        return m;
    }

    /** Minimum of a column over [from, to]. */
    static double min(Trajectory tr, String id, double from, double to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < tr.size(); i++) {
            if (tr.time(i) >= from && tr.time(i) <= to) {
                m = Math.min(m, tr.value(id, i));
            }
        }
        return m;
    }

    static double at(Trajectory tr, String id, double t) {
        return tr.valueAt(id, t);
    }
}
