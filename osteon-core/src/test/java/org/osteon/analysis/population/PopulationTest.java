package org.osteon.analysis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.batch.LocalEngine;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Populations of an exponential decay, whose every patient has the closed form x0·exp(-k t). */
class PopulationTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("decay.ant")) {
            Files.copy(in, dir.resolve("decay.ant"));
        }
    }

    private Path spec(String yaml) throws IOException {
        Path p = dir.resolve("pop.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private static final String BASE = """
            model: decay.ant
            until: 20
            step: 5
            n: 400
            seed: 3
            parameters:
              k: {distribution: lognormal, cv: 0.4}
              x0: {distribution: normal, mean: 10, sd: 1, min: 5}
            outputs: [x]
            """;

    @Test
    void everyPatientMatchesTheClosedFormAndPercentilesMatchTheExactOrderStatistics() throws IOException {
        PopulationRecipe recipe = PopulationRecipe.read(spec(BASE + "save: [patients, trajectories]\n"), ModelCatalog.EMPTY);
        PopulationJob job = recipe.job(ModelCatalog.EMPTY);
        Path out = dir.resolve("out");
        PopulationResult r = new LocalEngine(2).population(recipe, out, "csv", Monitor.NONE);
        assertThat(r.succeeded()).isEqualTo(400);
        assertThat(r.failures().count()).isZero();
        double[] times = job.times();
        assertThat(times).containsExactly(0, 5, 10, 15, 20);
        double[][] x = new double[times.length][400];
        for (int i = 0; i < 400; i++) {
            PatientResult p = job.simulate(i);
            double k = p.variables()[0];
            double x0 = p.variables()[1];
            for (int t = 0; t < times.length; t++) {
                // The solver's tolerance is rtol 1e-6: the closed form agrees to a few times that.
                assertThat(p.values()[0][t]).isCloseTo(x0 * Math.exp(-k * times[t]), within(1e-5 * x0));
                x[t][i] = p.values()[0][t];
            }
        }
        for (int t = 0; t < times.length; t++) {
            Arrays.sort(x[t]);
            double[] q = r.percentiles().quantiles(0, t);
            for (int j = 0; j < q.length; j++) {
                double exact = x[t][(int) Math.floor(PercentileSketches.QUANTILES[j] * 399)];
                assertThat(Math.abs(q[j] - exact)).isLessThanOrEqualTo(1e-3 * exact);
            }
        }
        List<String> patients = Files.readAllLines(out.resolve(PopulationFiles.PATIENTS));
        assertThat(patients.get(0)).isEqualTo("patient,status,k,x0,message");
        assertThat(patients).hasSize(401);
        assertThat(patients.get(1)).startsWith("0,ok,");
        List<String> traj = Files.readAllLines(out.resolve(PopulationFiles.TRAJECTORIES));
        assertThat(traj.get(0)).isEqualTo("patient,time,x");
        assertThat(traj).hasSize(1 + 400 * 5);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws IOException {
        PopulationRecipe recipe = PopulationRecipe.read(spec(BASE + "save: [patients]\n"), ModelCatalog.EMPTY);
        byte[][] percentiles = new byte[3][];
        byte[][] patients = new byte[3][];
        for (int threads = 1; threads <= 3; threads++) {
            Path out = dir.resolve("t" + threads);
            PopulationResult r = new LocalEngine(threads).population(recipe, out, "csv", Monitor.NONE);
            PopulationFiles.writePercentiles(r, out.resolve(PopulationFiles.PERCENTILES));
            percentiles[threads - 1] = Files.readAllBytes(out.resolve(PopulationFiles.PERCENTILES));
            patients[threads - 1] = Files.readAllBytes(out.resolve(PopulationFiles.PATIENTS));
        }
        assertThat(percentiles[1]).isEqualTo(percentiles[0]);
        assertThat(percentiles[2]).isEqualTo(percentiles[0]);
        assertThat(patients[1]).isEqualTo(patients[0]);
        assertThat(patients[2]).isEqualTo(patients[0]);
    }

    @Test
    void patientIIsTheSameInALargerPopulation() throws IOException {
        PopulationRecipe recipe = PopulationRecipe.read(spec(BASE), ModelCatalog.EMPTY);
        PatientResult small = recipe.with(10, null).job(ModelCatalog.EMPTY).simulate(7);
        PatientResult large = recipe.with(100000, null).job(ModelCatalog.EMPTY).simulate(7);
        assertThat(large.variables()).containsExactly(small.variables());
        assertThat(recipe.with(10, 4L).job(ModelCatalog.EMPTY).simulate(7).variables()).isNotEqualTo(small.variables());
    }

    @Test
    void failedPatientsAreCountedAndReportedNotHidden() throws IOException {
        PopulationRecipe recipe = PopulationRecipe.read(spec("""
                model: decay.ant
                until: 10
                step: 5
                n: 300
                seed: 9
                parameters:
                  a: {distribution: normal, mean: 1, sd: 1}
                outputs: [root_a]
                save: [patients]
                """), ModelCatalog.EMPTY);
        PopulationJob job = recipe.job(ModelCatalog.EMPTY);
        long expected = 0;
        for (int i = 0; i < 300; i++) {
            if (job.spec().variables().draw(9, i)[0] < 0) {
                expected++; // sqrt of a negative a gives NaN: the patient must fail
            }
        }
        assertThat(expected).isBetween(20L, 80L);
        PopulationResult r = new LocalEngine(2).population(recipe, dir.resolve("f"), "csv", Monitor.NONE);
        assertThat(r.failures().count()).isEqualTo(expected);
        assertThat(r.succeeded()).isEqualTo(300 - expected);
        assertThat(r.failures().examples()).hasSize(Failures.EXAMPLES);
        assertThat(r.failures().examples().get(0).message()).contains("'root_a' is NaN"); // the simulator's own check (issue 13) names it first
        assertThat(Files.readAllLines(dir.resolve("f").resolve(PopulationFiles.PATIENTS)).stream()
                .filter(l -> l.contains(",failed,")).count()).isEqualTo(expected);
    }

    @Test
    void covariatesFeedParametersAndModelSymbols() throws IOException {
        PopulationRecipe recipe = PopulationRecipe.read(spec("""
                model: decay.ant
                until: 10
                step: 10
                n: 50
                seed: 1
                covariates:
                  weight: {distribution: lognormal, median: 70, cv: 0.2, parameter: BW}
                  age: {distribution: normal, mean: 65, sd: 7, min: 50, max: 85}
                parameters:
                  k: {distribution: lognormal, omega: 0.1, covariates: {weight: {power: -0.75, reference: 70}, age: {exponential: 0.01, reference: 65}}}
                correlation: {names: [weight, age], matrix: [[1, 0.5], [0.5, 1]]}
                outputs: [scaled]
                """), ModelCatalog.EMPTY);
        PopulationJob job = recipe.job(ModelCatalog.EMPTY);
        for (int i = 0; i < 50; i++) {
            PatientResult p = job.simulate(i);
            double weight = p.variables()[0];
            double k = p.variables()[2];
            // scaled = x * BW / 70 with x = 10 exp(-k t): at t = 0 it is 10 weight / 70.
            assertThat(p.values()[0][0]).isCloseTo(10 * weight / 70, within(1e-9));
            assertThat(p.values()[0][1]).isCloseTo(10 * weight / 70 * Math.exp(-k * 10), within(1e-4));
        }
    }

    @Test
    void mistakesAreNamedWithFileAndLine() throws IOException {
        assertThatThrownBy(() -> PopulationRecipe.read(spec("""
                model: decay.ant
                n: 10
                seed: 1
                parameters:
                  kk: {distribution: lognormal, cv: 0.3}
                  x0: {distribution: lognromal, cv: 0.3}
                  a: {distribution: normal}
                correlation: {names: [x0, k], matrix: [[1, 2], [2, 1]]}
                outputs: [x, nope]
                """), ModelCatalog.EMPTY)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("pop.yaml:5:7: unknown parameter 'kk' (did you mean 'k'?)")
                .hasMessageContaining("pop.yaml:6:22: unknown distribution 'lognromal' (did you mean 'lognormal'?)")
                .hasMessageContaining("pop.yaml:7:6: 'a' (normal): give 'sd' or 'cv'")
                .hasMessageContaining("unknown output 'nope'");
        assertThatThrownBy(() -> PopulationRecipe.read(spec("""
                model: decay.ant
                n: 0
                parameters: {k: {distribution: uniform, min: 2, max: 1}}
                outputs: [x]
                """), ModelCatalog.EMPTY)).hasMessageContaining("pop.yaml:2:4: 'n' must be a whole number from 1")
                .hasMessageContaining("missing key 'seed'")
                .hasMessageContaining("uniform needs finite min < max");
        assertThatThrownBy(() -> PopulationRecipe.read(spec("""
                model: decay.ant
                n: 5
                seed: 1
                parameters:
                  k: {distribution: lognormal, omega: 0.3}
                  x0: {distribution: lognormal, omega: 0.2}
                covariance: {names: [k, x0], matrix: [[0.09, 0.01], [0.01, 0.05]]}
                outputs: [x]
                """), ModelCatalog.EMPTY)).hasMessageContaining("gives 'x0' a standard deviation of 0.2236")
                .hasMessageContaining("but its distribution says 0.2");
        assertThatThrownBy(() -> PopulationRecipe.read(spec("model: missing.ant\nn: 1\nseed: 1\noutputs: [x]\n"),
                ModelCatalog.EMPTY)).hasMessageContaining("missing.ant: model file not found");
    }
}
