package org.osteon.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.Axis;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.ScanResult;
import org.osteon.analysis.Summary;
import org.osteon.analysis.batch.LocalEngine;
import org.osteon.analysis.batch.ScanTask;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.gsa.Evaluation;
import org.osteon.analysis.gsa.GsaFiles;
import org.osteon.analysis.gsa.GsaJob;
import org.osteon.analysis.gsa.GsaRecipe;
import org.osteon.analysis.population.PopulationFiles;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.analysis.population.PopulationResult;
import org.osteon.cli.Osteon;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;

/**
 * The Spark engine in local[2] mode gives exactly the local engine's results: the same
 * percentiles byte for byte, the same patients, the same sensitivity tables and scans. One Spark
 * session for the whole class (starting one takes seconds).
 */
class SparkEngineTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static SparkEngine engine;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("osteon-test").config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        engine = SparkEngine.on(spark);
        try (InputStream in = SparkEngineTest.class.getResourceAsStream("decay.ant")) {
            Files.copy(in, dir.resolve("decay.ant"));
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void populationIsIdenticalToTheLocalEngine() throws IOException {
        PopulationRecipe recipe = PopulationRecipe.read(write("pop.yaml", """
                model: decay.ant
                until: 20
                step: 2
                n: 120
                seed: 12
                covariates:
                  w: {distribution: lognormal, median: 70, cv: 0.2, parameter: BW}
                parameters:
                  k: {distribution: lognormal, cv: 0.4, covariates: {w: {power: -0.5, reference: 70}}}
                  a: {distribution: normal, mean: 2, sd: 1}
                outputs: [x, scaled, root_a]
                save: [patients]
                """), ModelCatalog.EMPTY);
        PopulationResult local = new LocalEngine(2).population(recipe, dir.resolve("local"), "csv", Monitor.NONE);
        PopulationResult distributed = engine.population(recipe, dir.resolve("spark"), "parquet", Monitor.NONE);
        PopulationFiles.writePercentiles(local, dir.resolve("local").resolve("percentiles.csv"));
        PopulationFiles.writePercentiles(distributed, dir.resolve("spark").resolve("percentiles.csv"));
        assertThat(Files.readAllBytes(dir.resolve("spark").resolve("percentiles.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve("percentiles.csv")));
        // Some patients draw a < 0, so root_a = sqrt(a) x is NaN: both engines count the same failures.
        assertThat(local.failures().count()).isPositive();
        assertThat(distributed.failures().count()).isEqualTo(local.failures().count());
        assertThat(distributed.failures().examples()).isEqualTo(local.failures().examples());
        assertThat(distributed.succeeded()).isEqualTo(local.succeeded());
        // The Parquet rows are the CSV rows.
        List<String> csv = Files.readAllLines(dir.resolve("local").resolve(PopulationFiles.PATIENTS));
        List<Row> rows = spark.read().parquet(dir.resolve("spark").resolve("patients.parquet").toString())
                .orderBy("patient").collectAsList();
        assertThat(rows).hasSize(120);
        List<String> fromParquet = new ArrayList<>();
        fromParquet.add("patient,status," + String.join(",", recipe.job(ModelCatalog.EMPTY).spec().variables().names())
                + ",message");
        for (Row r : rows) {
            StringBuilder b = new StringBuilder().append(r.getInt(0)).append(',').append(r.getString(1));
            for (int i = 2; i < r.length() - 1; i++) {
                b.append(',').append(r.getDouble(i));
            }
            b.append(',');
            if (!r.isNullAt(r.length() - 1)) {
                b.append('"').append(r.getString(r.length() - 1)).append('"');
            }
            fromParquet.add(b.toString());
        }
        assertThat(fromParquet).isEqualTo(csv);
    }

    @Test
    void sensitivityAnalysisIsIdenticalToTheLocalEngine() throws IOException {
        GsaRecipe recipe = GsaRecipe.read(write("gsa.yaml", """
                model: decay.ant
                until: 10
                method: sobol
                n: 64
                seed: 5
                bootstrap: 100
                parameters:
                  k: {distribution: uniform, min: 0.05, max: 0.5}
                  x0: {distribution: lognormal, median: 10, omega: 0.3}
                outputs: [x:at:5, x:auc]
                """), ModelCatalog.EMPTY);
        GsaJob job = recipe.job(ModelCatalog.EMPTY);
        List<Evaluation> local = new LocalEngine(2).map(k -> recipe.job(ModelCatalog.EMPTY).evaluate(k),
                job.evaluations(), Monitor.NONE);
        List<Evaluation> distributed = engine.map(k -> recipe.job(ModelCatalog.EMPTY).evaluate(k), job.evaluations(),
                Monitor.NONE);
        assertThat(GsaFiles.table(job.analyse(distributed, 0, "spark")))
                .isEqualTo(GsaFiles.table(job.analyse(local, 0, "local")));
    }

    @Test
    void scanIsIdenticalToTheLocalEngine() throws IOException {
        ScenarioRecipe recipe = ScenarioRecipe.of(dir.resolve("decay.ant").toString(), ModelCatalog.EMPTY,
                ScenarioRecipe.Overrides.NONE);
        ScanTask task = new ScanTask(recipe, Axis.logarithmic("k", 0.01, 1, 7), Axis.linear("x0", 1, 3, 3), List.of("x"),
                Summary.MEAN, InitialState.SCENARIO);
        ScanResult local = task.run(new LocalEngine(2), Monitor.NONE);
        ScanResult distributed = task.run(engine, Monitor.NONE);
        assertThat(distributed.grid("x")).isDeepEqualTo(local.grid("x"));
    }

    @Test
    void commandLineRunsOnTheSparkEngine() throws IOException {
        Path spec = write("cli.yaml", "scenario: pivonka2008-pth\nn: 40\nseed: 3\nuntil: 30\n"
                + "parameters:\n  K_D8: {distribution: lognormal, cv: 0.3}\noutputs: [OCa]\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Osteon.execute(new String[] {"population", spec.toString(), "--out", dir.resolve("cli").toString(),
                "--engine", "spark", "--master", "local[2]"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("40 patients (spark engine");
        assertThat(ModelCatalogs.discover().scenarioIds()).contains("pivonka2008-pth");
        assertThat(Files.readAllLines(dir.resolve("cli").resolve("percentiles.csv"))).hasSize(32);
        assertThat(spark.sparkContext().isStopped()).as("the CLI leaves a session it did not start running").isFalse();
    }
}
