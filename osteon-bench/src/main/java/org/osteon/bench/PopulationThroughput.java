package org.osteon.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.population.LocalPopulation;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.analysis.population.PopulationResult;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;

/**
 * Population throughput (a benchmark tool, not a unit test): patients per second of wall time on
 * the given threads, and CPU milliseconds per patient (the machine-load-independent measure), for
 * 10-year populations of pivonka2008 and rankl-pathway with monthly output. A warm-up population
 * is run first so that the JIT has compiled the model code.
 *
 * <pre>
 * mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am
 * java -cp osteon-bench/target/benchmarks.jar org.osteon.bench.PopulationThroughput [patients=2000] [threads=2] [model ...]
 * </pre>
 */
public final class PopulationThroughput {
    private PopulationThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String[] models = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"pivonka2008", "rankl-pathway"};
        ModelCatalog catalog = ModelCatalogs.discover();
        System.out.printf(Locale.ROOT, "%-14s %8s %7s %9s %12s %14s %8s%n", "model", "patients", "threads", "wall s",
                "patients/s", "CPU ms/patient", "failed");
        for (String model : models) {
            String yaml;
            try (InputStream in = PopulationThroughput.class.getResourceAsStream("population/" + model + ".yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            PopulationRecipe recipe = PopulationRecipe.of(yaml, model + ".yaml", null, catalog);
            LocalPopulation.run(recipe.with(Math.max(200, n / 10), 99L).job(catalog), threads, Monitor.NONE,
                    org.osteon.analysis.population.PatientSink.NONE); // warm-up
            PopulationJob job = recipe.with(n, null).job(catalog);
            PopulationResult r = LocalPopulation.run(job, threads, Monitor.NONE,
                    org.osteon.analysis.population.PatientSink.NONE);
            System.out.printf(Locale.ROOT, "%-14s %8d %7d %9.2f %12.1f %14.3f %8d%n", model, n, threads, r.seconds(),
                    r.patientsPerSecond(), 1000 * r.cpuSeconds() / n, r.failures().count());
        }
    }
}
