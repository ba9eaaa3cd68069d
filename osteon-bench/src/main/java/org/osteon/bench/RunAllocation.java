package org.osteon.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.osteon.analysis.Axis;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.Scan;
import org.osteon.analysis.Summary;
import org.osteon.analysis.population.PatientResult;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.compile.CompiledModel;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.SolverSettings;

/**
 * Bytes allocated per run of the repeated-run analyses (a benchmark tool, not a unit test), on one
 * thread, with {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}: a virtual
 * patient of the population benchmark's pivonka2008 and rankl-pathway specs (10 years, monthly
 * output, 3 outputs kept), each with the scenario's method and with {@code bdf}, and a point of
 * a pivonka2008-pth scan (140 days, 2 maxima kept). Each
 * case is warmed up first, then {@code runs} runs are measured; the figure printed is the mean
 * per run, next to the size of the output the run keeps. Patients run as a {@code LocalPopulation}
 * worker runs them (one {@link SimulationWorkspace} for the thread), scan points through
 * {@link Scan} on one thread.
 *
 * <pre>
 * mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am
 * java -cp osteon-bench/target/benchmarks.jar org.osteon.bench.RunAllocation [runs=2000]
 * </pre>
 */
public final class RunAllocation {
    private RunAllocation() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ModelCatalog catalog = ModelCatalogs.discover();
        System.out.printf(Locale.ROOT, "%-28s %7s %14s %14s %12s%n", "case", "runs", "bytes/run", "kept bytes/run", "CPU ms/run");
        for (String model : List.of("pivonka2008", "rankl-pathway")) {
            for (String solver : new String[] {null, "bdf"}) {
                PopulationJob job = population(model, solver, catalog, runs);
                int outputs = job.outputs().size() * job.times().length;
                SimulationWorkspace workspace = new SimulationWorkspace(); // as each LocalPopulation worker has
                measure("population " + model + (solver == null ? "" : " " + solver), runs, outputs * 8L, i -> {
                    PatientResult r = job.simulate(i, workspace);
                    if (!r.succeeded()) {
                        throw new IllegalStateException(r.failure());
                    }
                });
            }
        }
        ScenarioRunner runner = new ScenarioRunner(catalog);
        Scenario scenario = catalog.scenario("pivonka2008-pth").orElseThrow();
        CompiledModel compiled = runner.model(scenario);
        ProblemFactory problems = ProblemFactory.of(runner, scenario, compiled);
        SolverSettings settings = runner.settings(scenario);
        int points = 100;
        Axis axis = Axis.logarithmic("K_D8", 1, 20, points);
        Scan scan = new Scan(problems, settings, 1);
        measure("scan pivonka2008-pth (point)", runs / points * points, 2 * 8L, new IntConsumer() {
            @Override
            public void accept(int i) {
                if (i % points == 0) {
                    scan.run(axis, null, List.of("OCa", "OBa"), Summary.MAX, Monitor.NONE);
                }
            }
        });
    }

    /** The population benchmark's spec for {@code model}, solved with {@code solver} (null: the scenario's method). */
    static PopulationJob population(String model, String solver, ModelCatalog catalog, int n) throws Exception {
        String yaml;
        try (InputStream in = RunAllocation.class.getResourceAsStream("population/" + model + ".yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (solver != null) {
            yaml += "\nsolver: " + solver + "\n";
        }
        return PopulationRecipe.of(yaml, model + ".yaml", null, catalog).with(2 * n, 1L).job(catalog);
    }

    /** Warm-up with the same number of runs, then the mean allocation and thread CPU time per run. */
    static void measure(String name, int runs, long kept, IntConsumer run) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            run.accept(runs + i);
        }
        long a0 = mx.getCurrentThreadAllocatedBytes();
        long c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            run.accept(i);
        }
        long bytes = mx.getCurrentThreadAllocatedBytes() - a0;
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        System.out.printf(Locale.ROOT, "%-28s %7d %14d %14d %12.3f%n", name, runs, bytes / runs, kept, cpu / 1e6 / runs);
    }
}
