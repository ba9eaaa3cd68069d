package org.osteon.spark;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;
import org.osteon.analysis.population.PatientResult;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.scenario.ModelCatalogs;

/**
 * Bytes allocated per virtual patient inside Spark partitions (a measurement tool, not a test),
 * local mode: the partitions' runs with one reused workspace ({@link PartitionRuns}, what the
 * engine does) against each run allocating its own ({@code PopulationJob.simulate(i)}, what it did
 * before). Counted with {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes} on
 * the executor thread around each partition's loop, summed over partitions, divided by patients;
 * Spark's own task overhead is outside the count. The specs are osteon-bench's population
 * benchmark specs (10 years, monthly output, 3 outputs). Each case is run once untimed first.
 *
 * <pre>
 * mvn -q -o -DskipTests package -pl osteon-spark -am
 * java $(spark options, see osteon-spark/osteon) -cp osteon-spark/target/test-classes:osteon-spark/target/osteon-spark.jar:$(cat osteon-spark/target/spark.classpath) \
 *   org.osteon.spark.SparkRunAllocation [patients=2000]
 * </pre>
 */
public final class SparkRunAllocation {
    private static final String PIVONKA = """
            scenario: pivonka2008-pth
            until: 3652.5
            step: 30.4375
            seed: 1
            parameters:
              K_D8: {distribution: lognormal, cv: 0.3}
              A_OCa: {distribution: lognormal, cv: 0.2}
              D_OCp: {distribution: lognormal, cv: 0.2}
            outputs: [OCa, OBa, OBp]
            """;
    private static final String RANKL = """
            scenario: rankl-pathway-menopause-denosumab
            until: 3652.5
            step: 30.4375
            seed: 1
            covariates:
              weight: {distribution: lognormal, median: 66, cv: 0.18, min: 40, max: 120}
            parameters:
              V_c_den: {distribution: lognormal, cv: 0.25, covariates: {weight: {power: 1.0, reference: 66}}}
              CL_den: {distribution: lognormal, cv: 0.3}
              K_D8: {distribution: lognormal, cv: 0.2}
            outputs: [BV_change, CTX, P1NP]
            """;

    private SparkRunAllocation() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        SparkSession spark = SparkSession.builder().master("local[1]").appName("osteon-allocation")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            System.out.printf(Locale.ROOT, "%-34s %7s %14s %14s%n", "case", "runs", "reused ws", "ws per run");
            String[][] cases = {{"pivonka2008", PIVONKA, null}, {"pivonka2008 bdf", PIVONKA, "bdf"},
                {"rankl-pathway", RANKL, null}, {"rankl-pathway bdf", RANKL, "bdf"}};
            for (String[] c : cases) {
                String yaml = c[1] + "n: " + n + "\n" + (c[2] == null ? "" : "solver: " + c[2] + "\n");
                PopulationRecipe recipe = PopulationRecipe.of(yaml, c[0] + ".yaml", null, ModelCatalogs.discover());
                long[] reused = null;
                long[] fresh = null;
                for (int round = 0; round < 2; round++) { // the first round warms up
                    reused = measure(jsc, recipe, n, true);
                    fresh = measure(jsc, recipe, n, false);
                }
                System.out.printf(Locale.ROOT, "%-34s %7d %14d %14d%n", "population " + c[0], reused[1],
                        reused[0] / reused[1], fresh[0] / fresh[1]);
            }
        } finally {
            spark.stop();
        }
    }

    /** {bytes allocated in the partitions' loops, patients run}. */
    private static long[] measure(JavaSparkContext jsc, PopulationRecipe recipe, int n, boolean reuse) {
        int blocks = (n + SparkEngine.BLOCK - 1) / SparkEngine.BLOCK;
        List<Integer> indices = IntStream.range(0, blocks).boxed().collect(Collectors.toList());
        JavaRDD<Integer> rdd = jsc.parallelize(indices, 4);
        FlatMapFunction<Iterator<Integer>, long[]> partition = it -> {
            PopulationJob job = recipe.job(ModelCatalogs.discover());
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long a0 = mx.getCurrentThreadAllocatedBytes();
            long count = 0;
            if (reuse) {
                Iterator<PatientResult> runs = PartitionRuns.patients(job, it, SparkEngine.BLOCK);
                while (runs.hasNext()) {
                    check(runs.next());
                    count++;
                }
            } else {
                while (it.hasNext()) {
                    int b = it.next();
                    for (int i = b * SparkEngine.BLOCK; i < Math.min(job.size(), (b + 1) * SparkEngine.BLOCK); i++) {
                        check(job.simulate(i));
                        count++;
                    }
                }
            }
            return List.of(new long[] {mx.getCurrentThreadAllocatedBytes() - a0, count}).iterator();
        };
        long[] total = new long[2];
        for (long[] p : rdd.mapPartitions(partition).collect()) {
            total[0] += p[0];
            total[1] += p[1];
        }
        return total;
    }

    private static void check(PatientResult r) {
        if (!r.succeeded()) {
            throw new IllegalStateException("patient " + r.patient() + ": " + r.failure());
        }
    }
}
