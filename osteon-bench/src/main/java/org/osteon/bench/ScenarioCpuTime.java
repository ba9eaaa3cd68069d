package org.osteon.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.osteon.models.BuiltInCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;

/**
 * The CPU time of the solving thread for shipped scenarios, for regression checks on a machine
 * whose cores other processes share (where JMH's wall-clock scores scatter by an order of
 * magnitude). Same work as {@link PublishedModelsBenchmark}: the model compiled and the problem
 * built once, then one full {@link Simulator#solve} per measurement with the scenario's settings.
 * Usage: {@code java -cp benchmarks.jar org.osteon.bench.ScenarioCpuTime WARMUP_RUNS RUNS ID...};
 * prints {@code id cpu_median_us cpu_min_us} per scenario.
 */
public final class ScenarioCpuTime {
    private ScenarioCpuTime() {
    }

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BuiltInCatalog catalog = new BuiltInCatalog();
        ScenarioRunner runner = new ScenarioRunner(catalog);
        for (int a = 2; a < args.length; a++) {
            Scenario s = catalog.scenario(args[a]).orElseThrow(() -> new IllegalArgumentException("no scenario"));
            SimulationProblem problem = runner.problem(s, runner.model(s));
            SolverSettings settings = runner.settings(s);
            for (int w = 0; w < warmup; w++) {
                Simulator.solve(problem, settings);
            }
            double[] us = new double[runs];
            for (int r = 0; r < runs; r++) {
                long c = threads.getCurrentThreadCpuTime();
                Simulator.solve(problem, settings);
                us[r] = (threads.getCurrentThreadCpuTime() - c) / 1e3;
            }
            Arrays.sort(us);
            System.out.printf(Locale.ROOT, "%s cpu_median_us=%.1f cpu_min_us=%.1f%n", args[a], us[runs / 2], us[0]);
        }
    }
}
