package org.osteon.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.batch.Engine;
import org.osteon.analysis.batch.IndexedTask;
import org.osteon.analysis.population.PatientResult;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.analysis.population.PopulationResult;
import org.osteon.analysis.population.PopulationSpec;
import org.osteon.scenario.ModelCatalogs;

/**
 * The {@code spark} engine: the same jobs as the local engine, with their items spread over a
 * Spark cluster. Executors receive recipes (texts), not compiled models; each executor JVM
 * rebuilds and compiles a job once, and each partition runs its items on one reusable
 * {@link org.osteon.simulation.SimulationWorkspace} ({@link PartitionRuns}). Results are identical to the local engine's for the same
 * inputs: every item depends only on its index, {@link #map} collects in index order, and
 * population sketches merge exactly whatever the partitioning.
 */
public final class SparkEngine implements Engine {
    /** Patients per Spark element, as in the local engine. */
    static final int BLOCK = 32;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final boolean owned;

    private SparkEngine(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.owned = owned;
    }

    /**
     * A session on {@code master}; without one, spark-submit's master if there is one, else
     * {@code local[*]}. The engine stops the session when closed.
     */
    public static SparkEngine start(String master) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // The command line's SLF4J provider would print Spark's INFO lines on the terminal.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        SparkConf conf = new SparkConf(); // reads the spark.* properties spark-submit sets
        SparkSession.Builder b = SparkSession.builder().appName("osteon").config("spark.ui.showConsoleProgress", "false");
        String m = master != null ? master : conf.contains("spark.master") ? conf.get("spark.master") : "local[*]";
        b.master(m);
        if (m.startsWith("local")) {
            b.config("spark.ui.enabled", "false");
        }
        // A session that already runs in this JVM (a notebook, a test) is used, and left running.
        boolean existed = SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
        return new SparkEngine(b.getOrCreate(), !existed);
    }

    /** An engine on a session someone else owns (and stops). */
    public static SparkEngine on(SparkSession session) {
        return new SparkEngine(session, false);
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int parallelism() {
        return jsc.defaultParallelism();
    }

    @Override
    public <T extends Serializable> List<T> map(IndexedTask<T> task, int n, Monitor monitor) {
        List<Integer> indices = IntStream.range(0, n).boxed().collect(Collectors.toList());
        int slices = Math.max(1, Math.min(n, parallelism() * 4));
        // each partition runs its items with one workspace (PartitionRuns), in index order
        return cancellable(monitor, () -> jsc.parallelize(indices, slices)
                .mapPartitions(it -> PartitionRuns.items(task, it)).collect());
    }

    @Override
    public PopulationResult population(PopulationRecipe recipe, Path dir, String format, Monitor monitor) {
        if (!format.equals("csv") && !format.equals("parquet")) {
            throw new IllegalArgumentException("per-patient files are csv or parquet, not " + format);
        }
        PopulationJob job = recipe.job(ModelCatalogs.discover()); // checks the spec here, before any executor does
        PopulationSpec spec = job.spec();
        int blocks = (spec.n() + BLOCK - 1) / BLOCK;
        List<Integer> indices = IntStream.range(0, blocks).boxed().collect(Collectors.toList());
        int slices = Math.max(1, Math.min(blocks, parallelism() * 4));
        JavaRDD<Integer> rdd = jsc.parallelize(indices, slices);
        long start = System.nanoTime();
        Partial total = cancellable(monitor, () -> {
            if (!spec.savePatients() && !spec.saveTrajectories()) {
                return rdd.mapPartitions(it -> List.of(Partial.simulate(recipe.job(ModelCatalogs.discover()), it, BLOCK))
                        .iterator()).collect().stream().reduce(Partial::merge).orElseThrow();
            }
            // Simulated once, kept (spilling to disk: memory stays bounded), then written and summarised.
            JavaRDD<PatientResult> results = rdd.mapPartitions(it -> PartitionRuns.patients(
                    recipe.job(ModelCatalogs.discover()), it, BLOCK)).persist(StorageLevel.MEMORY_AND_DISK_SER());
            try {
                if (spec.savePatients()) {
                    write(patients(results, spec), dir.resolve("patients." + format), format);
                }
                if (spec.saveTrajectories()) {
                    write(trajectories(results, job), dir.resolve("trajectories." + format), format);
                }
                return results.mapPartitions(it -> List.of(Partial.of(recipe.job(ModelCatalogs.discover()), it)).iterator())
                        .collect().stream().reduce(Partial::merge).orElseThrow();
            } finally {
                results.unpersist(false);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PopulationResult(spec.name(), job.outputs(), job.times(), job.timeUnit(), total.sketches, total.failures,
                spec.n(), seconds, "spark", parallelism(),
                total.cpuSeconds > 0 ? total.cpuSeconds : Double.NaN);
    }

    private Dataset<Row> patients(JavaRDD<PatientResult> results, PopulationSpec spec) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("patient", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        for (String v : spec.variables().names()) {
            fields.add(DataTypes.createStructField(v, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("message", DataTypes.StringType, true));
        JavaRDD<Row> rows = results.map(r -> {
            Object[] cells = new Object[r.variables().length + 3];
            cells[0] = r.patient();
            cells[1] = r.succeeded() ? "ok" : "failed";
            for (int i = 0; i < r.variables().length; i++) {
                cells[2 + i] = r.variables()[i];
            }
            cells[cells.length - 1] = r.failure();
            return RowFactory.create(cells);
        });
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    private Dataset<Row> trajectories(JavaRDD<PatientResult> results, PopulationJob job) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("patient", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("time", DataTypes.DoubleType, false));
        for (String o : job.outputs()) {
            fields.add(DataTypes.createStructField(o, DataTypes.DoubleType, false));
        }
        double[] times = job.times();
        JavaRDD<Row> rows = results.filter(PatientResult::succeeded).flatMap(r -> {
            List<Row> out = new ArrayList<>(times.length);
            for (int t = 0; t < times.length; t++) {
                Object[] cells = new Object[2 + r.values().length];
                cells[0] = r.patient();
                cells[1] = times[t];
                for (int o = 0; o < r.values().length; o++) {
                    cells[2 + o] = r.values()[o][t];
                }
                out.add(RowFactory.create(cells));
            }
            return out.iterator();
        });
        StructType schema = DataTypes.createStructType(fields);
        return spark.createDataFrame(rows, schema);
    }

    private static void write(Dataset<Row> rows, Path target, String format) {
        rows.write().mode(SaveMode.Overwrite).option("header", "true").format(format).save(target.toString());
    }

    /** Runs a Spark action that a Ctrl-C (the monitor) can cancel. */
    private <T> T cancellable(Monitor monitor, java.util.function.Supplier<T> action) {
        String group = "osteon-" + UUID.randomUUID();
        jsc.setJobGroup(group, "osteon", true);
        Thread watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (monitor.cancelled()) {
                        jsc.cancelJobGroup(group);
                        return;
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "osteon-spark-cancel");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (monitor.cancelled()) {
                throw new CancellationException("interrupted");
            }
            throw e;
        } finally {
            watcher.interrupt();
            jsc.clearJobGroup();
        }
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
