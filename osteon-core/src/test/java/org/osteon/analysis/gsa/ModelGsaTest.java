package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.batch.LocalEngine;
import org.osteon.scenario.ModelCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensitivity of x(t) = x0 exp(-k t) (decay.ant), where a parameter that x ignores must get exactly zero. */
class ModelGsaTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("decay.ant")) {
            Files.copy(in, dir.resolve("decay.ant"));
        }
    }

    private GsaRecipe recipe(String method, int n) throws IOException {
        Path spec = dir.resolve("gsa.yaml");
        Files.writeString(spec, """
                model: decay.ant
                until: 10
                step: 1
                method: %s
                n: %d
                seed: 4
                bootstrap: 200
                parameters:
                  k: {distribution: uniform, min: 0.05, max: 0.3}
                  x0: {distribution: loguniform, min: 5, max: 15}
                  a: {distribution: uniform, min: 1, max: 2}
                outputs: [x:at:5, x:auc, {output: x, summary: max}]
                """.formatted(method, n));
        return GsaRecipe.read(spec, ModelCatalog.EMPTY);
    }

    private static GsaResult run(GsaRecipe recipe, int threads) {
        GsaJob job = recipe.job(ModelCatalog.EMPTY);
        List<Evaluation> e = new LocalEngine(threads).map(k -> recipe.job(ModelCatalog.EMPTY).evaluate(k),
                job.evaluations(), Monitor.NONE);
        return job.analyse(e, 0, "local");
    }

    @Test
    void sobolGivesZeroToTheIgnoredParameterAndIsThreadIndependent() throws IOException {
        GsaRecipe recipe = recipe("sobol", 256);
        GsaResult one = run(recipe, 1);
        GsaResult two = run(recipe, 2);
        assertThat(GsaFiles.table(two)).isEqualTo(GsaFiles.table(one));
        assertThat(one.evaluations()).isEqualTo(256 * 5);
        assertThat(one.failures()).isZero();
        for (Sobol.Indices s : one.sobol()) {
            // f(A) = f(A_B^(a)) exactly, so the total index of a is exactly 0 and its first order ~0.
            assertThat(s.total()[2]).isEqualTo(0.0);
            assertThat(s.first()[2]).isCloseTo(0, within(0.05));
        }
        // max(x) = x0 (at t = 0): only x0 matters.
        Sobol.Indices max = one.sobol().get(2);
        assertThat(max.total()[0]).isEqualTo(0.0);
        assertThat(max.first()[1]).isCloseTo(1, within(0.05));
        assertThat(GsaFiles.table(one).lines().findFirst().orElseThrow())
                .isEqualTo("output,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high");
        assertThat(GsaFiles.table(one)).contains("at5(x),k,").contains("auc(x),x0,").contains("max(x),a,");
    }

    @Test
    void morrisMatchesFiniteDifferencesOfTheClosedForm() throws IOException {
        GsaRecipe recipe = recipe("morris", 12);
        GsaJob job = recipe.job(ModelCatalog.EMPTY);
        GsaResult r = run(recipe, 2);
        Morris.Effects max = r.morris().get(2);
        assertThat(max.muStar()[2]).isEqualTo(0.0);
        assertThat(max.muStar()[0]).isEqualTo(0.0);
        // x0 is log-uniform on [5, 15]; on the unit cube max(x) = 5 * 3^u, so each effect is
        // (5 * 3^u1 - 5 * 3^u0) / (u1 - u0) with the design's own points: check the first trajectory.
        Morris.Design d = job.morris();
        assertThat(max.muStar()[1]).isGreaterThan(0);
        double[] p0 = job.parameters(0);
        assertThat(p0[1]).isCloseTo(5 * Math.pow(3, d.point(0)[1]), within(1e-9));
    }

    @Test
    void mistakesAreNamedWithFileAndLine() throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, """
                model: decay.ant
                method: sobolev
                n: 10
                seed: 1
                parameters:
                  k: {distribution: uniform, min: 0.1}
                outputs: [x:top, y:max, x:at:999]
                """);
        assertThatThrownBy(() -> GsaRecipe.read(spec, ModelCatalog.EMPTY))
                .hasMessageContaining("bad.yaml:2:9: unknown method 'sobolev'")
                .hasMessageContaining("bad.yaml:6:6: 'k' (uniform) needs 'min' and 'max'")
                .hasMessageContaining("unknown summary 'top'")
                .hasMessageContaining("unknown output 'y'")
                .hasMessageContaining("time 999.0 is outside the run");
    }
}
