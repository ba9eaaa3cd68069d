package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.batch.RecipesTestAccess;
import org.osteon.analysis.batch.SpecFiles;
import org.osteon.scenario.ModelCatalog;

/**
 * A sensitivity analysis as it travels to other JVMs (recipe equality, overrides, serialization,
 * one job per JVM), Morris's tail cut for unbounded factors, failed runs counted and named, and
 * the Morris table read back exactly. The model is decay.ant (x' = -k x, root_a = sqrt(a) x).
 */
class GsaRecipeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() {
        SpecFiles.decayModel(dir);
    }

    private static final String MORRIS = """
            model: decay.ant
            until: 2
            step: 1
            method: morris
            n: 4
            seed: 4
            bootstrap: 0
            parameters:
              x0: {distribution: normal, mean: 10, sd: 1}
              a: {distribution: uniform, min: -1, max: 1}
            outputs: [x:final, root_a:max]
            """;

    private GsaRecipe recipe(String text) {
        return GsaRecipe.of(text, dir.resolve("gsa.yaml").toString(), dir, ModelCatalog.EMPTY);
    }

    @Test
    void recipesAreEqualByEveryPartAndShareOneJob() throws Exception {
        GsaRecipe base = recipe(MORRIS);
        assertThat(recipe(MORRIS)).isEqualTo(base).hasSameHashCodeAs(base);
        GsaRecipe[] distinct = {base, base.with(5, null), base.with(null, 9L), recipe(MORRIS.replace("seed: 4", "seed: 5")),
            GsaRecipe.of(MORRIS, dir.resolve("other.yaml").toString(), dir, ModelCatalog.EMPTY),
            recipe(MORRIS + "set: {k: 0.2}\n")};
        for (int i = 0; i < distinct.length; i++) {
            for (int j = 0; j < distinct.length; j++) {
                assertThat(distinct[i].equals(distinct[j])).as("%d vs %d", i, j).isEqualTo(i == j);
            }
        }
        assertThat(base).isNotEqualTo(MORRIS);
        GsaJob job = base.job(ModelCatalog.EMPTY);
        assertThat(recipe(MORRIS).job(ModelCatalog.EMPTY)).isSameAs(job);
        assertThat(base.with(5, null).job(ModelCatalog.EMPTY)).isNotSameAs(job);
        assertThat(base.job(ModelCatalog.EMPTY)).isSameAs(job);
        assertThat(job.spec().n()).isEqualTo(4);
        GsaSpec overridden = base.with(5, 9L).with(null, null).spec(ModelCatalog.EMPTY);
        assertThat(overridden.n()).isEqualTo(5);
        assertThat(overridden.seed()).isEqualTo(9);
        assertThat(RecipesTestAccess.roundTrip(base.with(5, 9L))).isEqualTo(base.with(5, 9L));
        Path file = SpecFiles.write(dir, "gsa.yaml", MORRIS);
        assertThat(GsaRecipe.read(file, ModelCatalog.EMPTY)).isEqualTo(base);
    }

    @Test
    void morrisCutsTheTailsOfAnUnboundedFactor() {
        GsaJob job = recipe(MORRIS).job(ModelCatalog.EMPTY);
        Morris.Design d = job.morris();
        assertThat(d.trajectories()).isEqualTo(4);
        boolean sawBottom = false;
        for (int k = 0; k < job.evaluations(); k++) {
            double[] u = d.point(k);
            double[] p = job.parameters(k);
            // a bounded uniform factor spans its whole range: a = -1 + 2u
            assertThat(p[1]).isCloseTo(-1 + 2 * u[1], within(1e-12));
            if (u[0] == 0) {
                // the normal factor's level 0 is its 0.5 % quantile: 10 + Φ⁻¹(0.005) = 10 - 2.5758293035489
                assertThat(p[0]).isCloseTo(10 - 2.5758293035489, within(1e-9));
                sawBottom = true;
            }
            if (u[0] == 1) {
                assertThat(p[0]).isCloseTo(10 + 2.5758293035489, within(1e-9));
            }
        }
        assertThat(sawBottom).isTrue();
    }

    @Test
    void failedRunsBecomeNaNAndAreCountedWithTheFirstNamed() throws Exception {
        GsaJob job = recipe(MORRIS).job(ModelCatalog.EMPTY);
        List<Evaluation> all = new ArrayList<>();
        int failed = 0;
        int first = -1;
        for (int k = 0; k < job.evaluations(); k++) {
            Evaluation e = job.evaluate(k);
            double a = job.parameters(k)[1];
            if (a < 0) {
                // sqrt(a) of a negative a: the simulator refuses the run, naming the output
                assertThat(e.failure()).contains("'root_a' is NaN");
                assertThat(e.values()).containsOnly(Double.NaN);
                failed++;
                first = first < 0 ? k : first;
            } else {
                assertThat(e.failure()).isNull();
                double x0 = job.parameters(k)[0];
                // x(2) = x0 exp(-0.1 * 2); max of sqrt(a) x is at t = 0
                assertThat(e.values()[0]).isCloseTo(x0 * Math.exp(-0.2), within(1e-5 * x0));
                assertThat(e.values()[1]).isCloseTo(Math.sqrt(a) * x0, within(1e-12));
            }
            all.add(e);
        }
        assertThat(failed).isPositive();
        GsaResult r = job.analyse(all, 1.5, "local");
        assertThat(r.failures()).isEqualTo(failed);
        assertThat(r.firstFailure()).startsWith("point " + first + ": ").contains("'root_a' is NaN");
        assertThat(r.evaluations()).isEqualTo(job.evaluations());
        assertThat(r.factors()).containsExactly("x0", "a");
        // the Morris table: one row per measure and factor, values exactly as computed, NaN as empty
        Path file = GsaFiles.write(r, dir);
        assertThat(file.getFileName().toString()).isEqualTo(GsaFiles.MORRIS);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("output,parameter,mu,mu_star,mu_star_low,mu_star_high,sigma");
        assertThat(lines).hasSize(1 + 2 * 2);
        for (int m = 0; m < 2; m++) {
            Morris.Effects e = r.morris().get(m);
            for (int i = 0; i < 2; i++) {
                String[] row = lines.get(1 + 2 * m + i).split(",", -1);
                assertThat(row[0]).isEqualTo(job.spec().measures().get(m).label());
                assertThat(row[1]).isEqualTo(r.factors().get(i));
                double[] expected = {e.mu()[i], e.muStar()[i], e.muStarLow()[i], e.muStarHigh()[i], e.sigma()[i]};
                for (int c = 0; c < 5; c++) {
                    assertThat(row[2 + c]).isEqualTo(Double.isNaN(expected[c]) ? "" : Double.toString(expected[c]));
                }
                assertThat(row[4]).isEmpty(); // bootstrap: 0, so no interval
            }
        }
    }
}
