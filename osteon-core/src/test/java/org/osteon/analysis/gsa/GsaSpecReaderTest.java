package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.batch.SpecFiles;
import org.osteon.analysis.sampling.Distribution;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioException;

/**
 * Every key of a sensitivity spec (docs/sensitivity in the class comment of {@link GsaSpecReader}):
 * defaults, values as given, and each mistake reported with the file, line and column of the
 * field at fault. The model is decay.ant (x' = -k x, x(0) = x0 = 10, k = 0.1), run on [0, 10].
 */
class GsaSpecReaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() {
        SpecFiles.decayModel(dir);
    }

    /** Lines: 1 model, 2 until, 3 step, 4 method, 5 n, 6 seed, 7 parameters, 8 k, 9 outputs. */
    private static final String BASE = """
            model: decay.ant
            until: 10
            step: 1
            method: sobol
            n: 8
            seed: 4
            parameters:
              k: {distribution: loguniform, factor: 2}
            outputs: [x:max]
            """;

    private GsaSpec read(String text) {
        return GsaSpecReader.read(text, "gsa.yaml", dir, ModelCatalog.EMPTY);
    }

    private List<String> problems(String text) {
        return catchThrowableOfType(() -> read(text), ScenarioException.class).problems();
    }

    private static String without(String key) {
        return SpecFiles.without(BASE, key);
    }

    private static String replacing(String key, String line) {
        return SpecFiles.replacing(BASE, key, line);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        GsaSpec s = read(BASE);
        assertThat(s.name()).isEqualTo("gsa");
        assertThat(s.method()).isEqualTo(GsaSpec.Method.SOBOL);
        assertThat(s.n()).isEqualTo(8);
        assertThat(s.seed()).isEqualTo(4);
        assertThat(s.resamples()).isEqualTo(1000);
        assertThat(s.confidence()).isEqualTo(0.95);
        assertThat(s.levels()).isEqualTo(4);
        assertThat(s.initial()).isEqualTo(InitialState.SCENARIO);
        assertThat(s.measures()).containsExactly(new Measure("x", Measure.Kind.MAX, Double.NaN));
        // factor 2 is centred on the model's value k = 0.1: log-uniform on [0.05, 0.2].
        Distribution k = s.factors().variables().get(0).distribution();
        assertThat(k.quantile(0)).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(k.quantile(1)).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(k.quantile(0.5)).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void everyOptionalKeyIsRead() {
        GsaSpec s = read(replacing("method", "method: morris") + """
                name: trial
                levels: 6
                bootstrap: 0
                confidence: 0.5
                initial: steady-state
                """);
        assertThat(s.name()).isEqualTo("trial");
        assertThat(s.method()).isEqualTo(GsaSpec.Method.MORRIS);
        assertThat(s.levels()).isEqualTo(6);
        assertThat(s.resamples()).isZero();
        assertThat(s.confidence()).isEqualTo(0.5);
        assertThat(s.initial()).isEqualTo(InitialState.STEADY_STATE);
        assertThat(read(BASE + "bootstrap: 200\n").resamples()).isEqualTo(200);
    }

    @Test
    void timesAtBothEndsOfTheRunAreAccepted() {
        GsaSpec s = read(replacing("outputs", "outputs: [x:at:0, x:at:10, {output: x, summary: at, time: 10}, root_a:auc]"));
        assertThat(s.measures()).containsExactly(new Measure("x", Measure.Kind.AT, 0), new Measure("x", Measure.Kind.AT, 10),
                new Measure("x", Measure.Kind.AT, 10), new Measure("root_a", Measure.Kind.AUC, Double.NaN));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(without("n"), "gsa.yaml:1:1: missing key 'n' (Sobol: base samples, e.g. 1024; Morris:"
                        + " trajectories, e.g. 20)"),
                Arguments.of(without("seed"), "gsa.yaml:1:1: missing key 'seed': an analysis is reproducible only with a"
                        + " fixed seed"),
                Arguments.of(without("parameters").replace("  k: {distribution: loguniform, factor: 2}\n", ""),
                        "gsa.yaml:1:1: missing key 'parameters': name the parameters to vary and their ranges"),
                Arguments.of(without("outputs"), "gsa.yaml:1:1: missing key 'outputs': e.g. outputs: [OCa:max, OBa:at:100,"
                        + " OBa:auc]"),
                Arguments.of(BASE + "initial: sideways\n", "gsa.yaml:10:10: unknown initial state 'sideways'; use scenario"
                        + " or steady-state"),
                Arguments.of(BASE + "confidence: 0\n", "gsa.yaml:10:13: 'confidence' must be between 0 and 1, e.g. 0.95"),
                Arguments.of(BASE + "confidence: 1\n", "gsa.yaml:10:13: 'confidence' must be between 0 and 1, e.g. 0.95"),
                Arguments.of(replacing("method", "method: morris") + "levels: 5\n",
                        "gsa.yaml:10:9: 'levels' must be even (Morris's Δ = p/(2(p−1)) needs it)"),
                Arguments.of(BASE + "levels: 4\n", "gsa.yaml:10:9: 'levels' is for method: morris"),
                Arguments.of(replacing("outputs", "outputs: x:max"), "gsa.yaml:9:10: 'outputs' must be a list such as"
                        + " [OCa:max, OBa:at:100, OBa:auc]"),
                Arguments.of(replacing("outputs", "outputs: []"), "gsa.yaml:9:10: name at least one output measure"),
                Arguments.of(replacing("outputs", "outputs: [{output: x}]"), "gsa.yaml:9:11: an output measure needs"
                        + " 'output' and 'summary'"),
                Arguments.of(replacing("outputs", "outputs: [[x, max]]"), "gsa.yaml:9:11: each output must be"
                        + " OUTPUT:SUMMARY or {output, summary, time}"),
                Arguments.of(replacing("outputs", "outputs: [k:max]"), "gsa.yaml:9:11: 'k' is a constant parameter, not an"
                        + " output"),
                Arguments.of(replacing("outputs", "outputs: [x0:max]"), "gsa.yaml:9:11: 'x0' is a constant parameter, not"
                        + " an output"),
                Arguments.of(replacing("outputs", "outputs: [y:max]"), "gsa.yaml:9:11: unknown output 'y' (did you mean 'x'?)"),
                Arguments.of(replacing("outputs", "outputs: [x:at:-0.5]"), "gsa.yaml:9:11: time -0.5 is outside the run"
                        + " [0.0, 10.0]"),
                Arguments.of(replacing("outputs", "outputs: [x:at:10.5]"), "gsa.yaml:9:11: time 10.5 is outside the run"
                        + " [0.0, 10.0]"));
    }

    /** Each mistake is the only problem reported, with the position of the field at fault. */
    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsReportedOnceAtItsField(String spec, String expected) {
        assertThat(problems(spec)).containsExactly(expected);
    }

    @Test
    void aScenarioThatCannotBeRunIsNamed() {
        assertThatThrownBy(() -> read(BASE + "set: {nosuch: 1}\n")).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("gsa.yaml: the scenario '" + dir.resolve("decay.ant") + "' cannot be used: ")
                .hasMessageContaining("nosuch");
    }

    /** A model of {@code count} parameters p1..p{count}, all feeding x' = -(p1 + ... ) x. */
    private Path manyParameters(int count) {
        StringBuilder m = new StringBuilder("model many\n  x' = -p1*x\n  x = 1\n");
        for (int i = 1; i <= count; i++) {
            m.append("  p").append(i).append(" = 1\n");
        }
        return SpecFiles.write(dir, "many.ant", m.append("end\n").toString());
    }

    private static String manySpec(String method, int count) {
        StringBuilder s = new StringBuilder("model: many.ant\nuntil: 1\nstep: 1\nmethod: " + method
                + "\nn: 2\nseed: 1\noutputs: [x:final]\nparameters:\n");
        for (int i = 1; i <= count; i++) {
            s.append("  p").append(i).append(": {distribution: uniform, min: 0.5, max: 1.5}\n");
        }
        return s.toString();
    }

    @Test
    void sobolTakesAtMost500ParametersAndMorrisMore() {
        manyParameters(501);
        assertThat(read(manySpec("sobol", 500)).factors().size()).isEqualTo(500);
        assertThatThrownBy(() -> read(manySpec("sobol", 501))).isInstanceOf(ScenarioException.class)
                .hasMessage("gsa.yaml: at most 500 parameters in a Sobol analysis");
        assertThat(read(manySpec("morris", 501)).factors().size()).isEqualTo(501);
    }
}
