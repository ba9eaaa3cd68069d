package org.osteon.analysis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.batch.LocalEngine;
import org.osteon.analysis.batch.SpecFiles;
import org.osteon.scenario.ModelCatalog;

/**
 * The population's files read back: every patient's drawn values and outputs exactly as
 * {@link PopulationJob#simulate(int)} gives them (Java's shortest round-trip decimal), the
 * percentile table exactly as the sketches give it with minimum and maximum equal to the exact
 * extremes of the trajectories file, NaN written as an empty field, and the summary document.
 */
class PopulationFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() {
        SpecFiles.decayModel(dir);
    }

    private static final String BASE = """
            model: decay.ant
            until: 20
            step: 5
            n: 70
            seed: 3
            parameters:
              k: {distribution: lognormal, cv: 0.4}
              x0: {distribution: normal, mean: 10, sd: 1, min: 5}
            outputs: [x, root_a]
            """;

    private static final String SMALL = BASE.replace("n: 70", "n: 10");

    private PopulationRecipe recipe(String text) {
        return PopulationRecipe.read(SpecFiles.write(dir, "pop.yaml", text), ModelCatalog.EMPTY);
    }

    private static List<String[]> rows(Path file) throws IOException {
        // split with limit -1 keeps trailing empty fields (the message of a patient that succeeded)
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void patientsTrajectoriesAndPercentilesReadBackExactly() throws IOException {
        PopulationRecipe recipe = recipe(BASE + "save: [patients, trajectories]\n");
        PopulationJob job = recipe.job(ModelCatalog.EMPTY);
        Path out = dir.resolve("out");
        PopulationResult r = new LocalEngine(2).population(recipe, out, "csv", Monitor.NONE);
        double[] times = {0, 5, 10, 15, 20};
        assertThat(r.times()).containsExactly(times);
        assertThat(r.outputs()).containsExactly("x", "root_a");
        assertThat(Files.readAllLines(out.resolve(PopulationFiles.PATIENTS)).get(0)).isEqualTo("patient,status,k,x0,message");
        assertThat(Files.readAllLines(out.resolve(PopulationFiles.TRAJECTORIES)).get(0)).isEqualTo("patient,time,x,root_a");
        List<String[]> patients = rows(out.resolve(PopulationFiles.PATIENTS));
        List<String[]> trajectories = rows(out.resolve(PopulationFiles.TRAJECTORIES));
        assertThat(patients).hasSize(70);
        assertThat(trajectories).hasSize(70 * 5);
        double[][][] all = new double[2][5][70];
        for (int i = 0; i < 70; i++) {
            PatientResult p = job.simulate(i);
            assertThat(patients.get(i)).containsExactly(String.valueOf(i), "ok", Double.toString(p.variables()[0]),
                    Double.toString(p.variables()[1]), "");
            for (int t = 0; t < 5; t++) {
                String[] row = trajectories.get(5 * i + t);
                assertThat(Integer.parseInt(row[0])).isEqualTo(i);
                assertThat(Double.parseDouble(row[1])).isEqualTo(times[t]);
                for (int o = 0; o < 2; o++) {
                    assertThat(Double.parseDouble(row[2 + o])).isEqualTo(p.values()[o][t]);
                    all[o][t][i] = Double.parseDouble(row[2 + o]);
                }
            }
        }
        PopulationFiles.writePercentiles(r, out.resolve(PopulationFiles.PERCENTILES));
        List<String> lines = Files.readAllLines(out.resolve(PopulationFiles.PERCENTILES));
        assertThat(lines.get(0)).isEqualTo("time,output,p05,p25,p50,p75,p95,min,max");
        assertThat(lines).hasSize(1 + 2 * 5);
        for (int o = 0; o < 2; o++) {
            for (int t = 0; t < 5; t++) {
                String[] row = lines.get(1 + 5 * o + t).split(",", -1);
                assertThat(Double.parseDouble(row[0])).isEqualTo(times[t]);
                assertThat(row[1]).isEqualTo(r.outputs().get(o));
                double[] q = r.percentiles().quantiles(o, t);
                double[] sorted = all[o][t].clone();
                Arrays.sort(sorted);
                for (int j = 0; j < 5; j++) {
                    assertThat(Double.parseDouble(row[2 + j])).isEqualTo(q[j]);
                    // the documented accuracy: within 1e-3 |x| of the order statistic of rank floor(q (n - 1))
                    double exact = sorted[(int) Math.floor(PercentileSketches.QUANTILES[j] * 69)];
                    assertThat(Math.abs(q[j] - exact)).isLessThanOrEqualTo(1e-3 * Math.abs(exact));
                }
                assertThat(Double.parseDouble(row[7])).isEqualTo(sorted[0]);
                assertThat(Double.parseDouble(row[8])).isEqualTo(sorted[69]);
            }
        }
    }

    @Test
    void failedPatientsHaveAQuotedMessageAndNoTrajectoryRows() throws IOException {
        PopulationRecipe recipe = recipe(BASE.replace("outputs: [x, root_a]",
                "  a: {distribution: normal, mean: 0.5, sd: 1}\noutputs: [root_a]") + "save: [patients, trajectories]\n");
        PopulationJob job = recipe.job(ModelCatalog.EMPTY);
        Path out = dir.resolve("f");
        PopulationResult r = new LocalEngine(1).population(recipe, out, "csv", Monitor.NONE);
        List<String> patients = Files.readAllLines(out.resolve(PopulationFiles.PATIENTS));
        int failed = 0;
        for (int i = 0; i < 70; i++) {
            PatientResult p = job.simulate(i);
            if (p.variables()[2] < 0) {
                failed++;
                assertThat(p.succeeded()).isFalse();
                assertThat(patients.get(1 + i)).startsWith(i + ",failed,").endsWith(",\"" + p.failure() + "\"");
            }
        }
        assertThat(failed).isBetween(5, 40);
        assertThat(r.failures().count()).isEqualTo(failed);
        assertThat(Files.readAllLines(out.resolve(PopulationFiles.TRAJECTORIES))).hasSize(1 + 5 * (70 - failed));
        assertThat(PopulationFiles.patientRow(new PatientResult(3, new double[] {1.5, Double.NaN}, null,
                "line \"one\"\nline two"))).isEqualTo("3,failed,1.5,,\"line \"\"one\"\" line two\"\n");
    }

    @Test
    void aPopulationWhosePatientsAllFailHasEmptyPercentiles() throws IOException {
        PopulationRecipe recipe = recipe(BASE.replace("n: 70", "n: 3").replace("outputs: [x, root_a]",
                "  a: {distribution: uniform, min: -2, max: -1}\noutputs: [root_a]"));
        Path out = dir.resolve("none");
        PopulationResult r = new LocalEngine(1).population(recipe, out, "csv", Monitor.NONE);
        assertThat(r.succeeded()).isZero();
        assertThat(out).doesNotExist(); // nothing saved per patient: no directory made
        PopulationFiles.writePercentiles(r, dir.resolve("p.csv"));
        assertThat(Files.readAllLines(dir.resolve("p.csv"))).containsExactly("time,output,p05,p25,p50,p75,p95,min,max",
                "0.0,root_a,,,,,,,", "5.0,root_a,,,,,,,", "10.0,root_a,,,,,,,", "15.0,root_a,,,,,,,", "20.0,root_a,,,,,,,");
    }

    @Test
    void eachFileIsWrittenOnlyWhenAskedFor() throws IOException {
        Path patientsOnly = dir.resolve("p");
        new LocalEngine(1).population(recipe(SMALL + "save: [patients]\n"), patientsOnly, "csv", Monitor.NONE);
        assertThat(patientsOnly.resolve(PopulationFiles.PATIENTS)).exists();
        assertThat(patientsOnly.resolve(PopulationFiles.TRAJECTORIES)).doesNotExist();
        Path trajectoriesOnly = dir.resolve("t");
        PopulationRecipe r = recipe(SMALL + "save: [trajectories]\n");
        new LocalEngine(1).population(r, trajectoriesOnly, "csv", Monitor.NONE);
        assertThat(trajectoriesOnly.resolve(PopulationFiles.PATIENTS)).doesNotExist();
        List<String> traj = Files.readAllLines(trajectoriesOnly.resolve(PopulationFiles.TRAJECTORIES));
        assertThat(traj).hasSize(1 + 10 * 5);
        PatientResult p9 = r.job(ModelCatalog.EMPTY).simulate(9);
        assertThat(traj.get(traj.size() - 1)).isEqualTo("9,20.0," + p9.values()[0][4] + "," + p9.values()[1][4]);
        // the local engine writes csv only, but parquet is no problem when nothing is written
        assertThatThrownBy(() -> new LocalEngine(1).population(r, dir.resolve("q"), "parquet", Monitor.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the local engine writes per-patient files as csv; parquet needs the Spark engine (--engine"
                        + " spark, in the osteon-spark module)");
        assertThatThrownBy(() -> new LocalEngine(1).population(r.saving(false, null), dir.resolve("q"), "parquet",
                Monitor.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LocalEngine(1).population(r.saving(false, false), dir.resolve("q"), "parquet", Monitor.NONE)
                .succeeded()).isEqualTo(10);
    }

    @Test
    void theSummaryDocumentNamesTheRunAndEachVariable() throws IOException {
        PopulationRecipe recipe = recipe("""
                model: decay.ant
                name: cohort
                until: 10
                step: 10
                n: 40
                seed: 1
                initial: scenario
                accuracy: 0.01
                covariates:
                  weight: {distribution: lognormal, median: 70, cv: 0.2, parameter: BW}
                parameters:
                  k: {distribution: lognormal, omega: 0.1, covariates: {weight: {power: -0.75, reference: 70}}}
                  a: {distribution: normal, mean: 0.5, sd: 1}
                outputs: [root_a]
                """);
        PopulationSpec spec = recipe.spec(ModelCatalog.EMPTY);
        PopulationResult r = new LocalEngine(1).population(recipe, dir.resolve("s"), "csv", Monitor.NONE);
        PopulationFiles.writeSummary(r, spec, dir.resolve("population.json"));
        JsonNode j = new ObjectMapper().readTree(dir.resolve("population.json").toFile());
        assertThat(j.get("name").asText()).isEqualTo("cohort");
        assertThat(j.get("scenario").asText()).isEqualTo(dir.resolve("decay.ant").toString());
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        assertThat(j.get("patients").asInt()).isEqualTo(40);
        assertThat(j.get("succeeded").asLong() + j.get("failed").asLong()).isEqualTo(40);
        assertThat(j.get("failed").asLong()).isEqualTo(r.failures().count()).isPositive();
        assertThat(j.get("initial").asText()).isEqualTo("scenario");
        assertThat(j.get("percentileAccuracy").asDouble()).isEqualTo(0.01);
        assertThat(j.get("engine").asText()).isEqualTo("local");
        assertThat(j.get("workers").asInt()).isEqualTo(1);
        assertThat(j.get("patientsPerSecond").asDouble()).isEqualTo(40 / r.seconds());
        JsonNode vars = j.get("variables");
        assertThat(vars).hasSize(3);
        assertThat(vars.get(0).get("name").asText()).isEqualTo("weight");
        assertThat(vars.get(0).get("kind").asText()).isEqualTo("covariate");
        assertThat(vars.get(0).get("sets").asText()).isEqualTo("BW");
        assertThat(vars.get(0).has("effects")).isFalse();
        assertThat(vars.get(1).get("kind").asText()).isEqualTo("parameter");
        assertThat(vars.get(1).has("sets")).isFalse();
        assertThat(vars.get(1).get("effects")).hasSize(1);
        assertThat(vars.get(1).get("effects").get(0).asText()).isEqualTo(spec.variables().variables().get(1).effects().get(0)
                .describe()).contains("weight");
        assertThat(vars.get(2).get("distribution").asText()).isEqualTo(spec.variables().variables().get(2).distribution()
                .describe());
        assertThat(j.get("failureReasons").get(0).get("count").asLong()).isEqualTo(r.failures().count());
        assertThat(j.get("failureExamples").get(0).get("patient").asInt()).isEqualTo(r.failures().examples().get(0).patient());
        assertThat(j.get("failureExamples").get(0).get("message").asText()).contains("root_a");
    }
}
