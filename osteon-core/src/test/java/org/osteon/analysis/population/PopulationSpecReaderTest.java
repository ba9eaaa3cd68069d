package org.osteon.analysis.population;

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
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.batch.SpecFiles;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioException;

/**
 * Every key of a population spec (class comment of {@link PopulationSpecReader}): defaults, values
 * as given, and each mistake reported once with the file, line and column of the field at fault.
 * The model is decay.ant (x' = -k x, x(0) = x0 = 10, k = 0.1).
 */
class PopulationSpecReaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() {
        SpecFiles.decayModel(dir);
    }

    /** Lines: 1 model, 2 until, 3 step, 4 n, 5 seed, 6 parameters, 7 k, 8 outputs. */
    private static final String BASE = """
            model: decay.ant
            until: 10
            step: 5
            n: 20
            seed: 3
            parameters:
              k: {distribution: lognormal, cv: 0.4}
            outputs: [x]
            """;

    /** The same population without its scenario keys, for a scenario given as it is (the web API). */
    private static final String WITHOUT_SCENARIO = """
            n: 20
            seed: 3
            parameters:
              k: {distribution: lognormal, cv: 0.4}
            outputs: [x]
            """;

    private PopulationSpec read(String text) {
        return PopulationSpecReader.read(text, "pop.yaml", dir, ModelCatalog.EMPTY);
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
        PopulationSpec s = read(BASE);
        assertThat(s.name()).isEqualTo("pop");
        assertThat(s.n()).isEqualTo(20);
        assertThat(s.seed()).isEqualTo(3);
        assertThat(s.outputs()).containsExactly("x");
        assertThat(s.initial()).isEqualTo(InitialState.SCENARIO);
        assertThat(s.accuracy()).isEqualTo(PopulationSpec.DEFAULT_ACCURACY).isEqualTo(1e-3);
        assertThat(s.savePatients()).isFalse();
        assertThat(s.saveTrajectories()).isFalse();
        assertThat(s.variables().names()).containsExactly("k");
        assertThat(s.scenario().kind()).isEqualTo(ScenarioRecipe.Kind.MODEL_TEXT);
    }

    @Test
    void everyOptionalKeyIsRead() {
        PopulationSpec s = read(BASE + """
                name: trial
                initial: steady-state
                accuracy: 0.1
                save: patients, trajectories
                """);
        assertThat(s.name()).isEqualTo("trial");
        assertThat(s.initial()).isEqualTo(InitialState.STEADY_STATE);
        assertThat(s.accuracy()).isEqualTo(0.1);
        assertThat(s.savePatients()).isTrue();
        assertThat(s.saveTrajectories()).isTrue();
        assertThat(read(BASE + "accuracy: 1e-6\nsave: [trajectories]\n")).satisfies(t -> {
            assertThat(t.accuracy()).isEqualTo(1e-6);
            assertThat(t.savePatients()).isFalse();
            assertThat(t.saveTrajectories()).isTrue();
        });
    }

    @Test
    void covariatesAloneAreEnough() {
        PopulationSpec s = read(without("parameters").replace("  k: {distribution: lognormal, cv: 0.4}\n", "")
                + "covariates:\n  weight: {distribution: lognormal, median: 70, cv: 0.2, parameter: BW}\n");
        assertThat(s.variables().names()).containsExactly("weight");
        assertThat(s.variables().variables().get(0).covariate()).isTrue();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(without("n"), "pop.yaml:1:1: missing key 'n' (the number of patients)"),
                Arguments.of(without("seed"), "pop.yaml:1:1: missing key 'seed': a population is reproducible only with a"
                        + " fixed seed"),
                Arguments.of(without("parameters").replace("  k: {distribution: lognormal, cv: 0.4}\n", ""),
                        "pop.yaml:1:1: missing key 'parameters': name the parameters that vary between patients"),
                Arguments.of(without("outputs"), "pop.yaml:1:1: name at least one output under 'outputs', e.g. outputs: [x]"),
                Arguments.of(replacing("outputs", "outputs: []"), "pop.yaml:8:10: name at least one output under 'outputs',"
                        + " e.g. outputs: [x]"),
                Arguments.of(replacing("outputs", "outputs: [k]"), "pop.yaml:8:10: 'k' is a constant parameter, not an"
                        + " output: it does not change during a run"),
                Arguments.of(replacing("outputs", "outputs: [x0]"), "pop.yaml:8:10: 'x0' is a constant parameter, not an"
                        + " output: it does not change during a run"),
                Arguments.of(replacing("outputs", "outputs: [y]"), "pop.yaml:8:10: unknown output 'y' (did you mean 'x'?)"),
                Arguments.of(BASE + "initial: sideways\n", "pop.yaml:9:10: unknown initial state 'sideways'; use scenario"
                        + " or steady-state"),
                Arguments.of(BASE + "accuracy: 0\n", "pop.yaml:9:11: 'accuracy' (the relative accuracy of the percentiles)"
                        + " must be between 1e-6 and 0.1, found 0.0"),
                Arguments.of(BASE + "accuracy: 9.99e-7\n", "pop.yaml:9:11: 'accuracy' (the relative accuracy of the"
                        + " percentiles) must be between 1e-6 and 0.1, found 9.99E-7"),
                Arguments.of(BASE + "accuracy: 0.2\n", "pop.yaml:9:11: 'accuracy' (the relative accuracy of the"
                        + " percentiles) must be between 1e-6 and 0.1, found 0.2"),
                Arguments.of(BASE + "save: [patient]\n", "pop.yaml:9:7: unknown item 'patient' under 'save' (did you mean"
                        + " 'patients'?); use patients, trajectories"),
                Arguments.of(BASE + "until2: 3\n", "pop.yaml:9:1: unknown key 'until2' (did you mean 'until'?); expected one"
                        + " of accuracy, atol, correlation, covariance, covariates, initial, model, n, name, outputs,"
                        + " parameters, rtol, save, scenario, seed, set, solver, step, until"),
                Arguments.of(BASE + "step2: 3\n".replace("step2", "rtol") .replace("3", "0"),
                        "pop.yaml:9:7: 'rtol' must be a positive number, found 0.0"),
                Arguments.of(BASE + "scenario: x.yaml\n", "pop.yaml:1:1: give either 'scenario' (a scenario file or id)"
                        + " or 'model' (a model file or id)"),
                Arguments.of(without("model"), "pop.yaml:1:1: give either 'scenario' (a scenario file or id) or 'model'"
                        + " (a model file or id)"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsReportedOnceAtItsField(String spec, String expected) {
        assertThat(problems(spec)).containsExactly(expected);
    }

    @Test
    void outputsThatAreNotAListAreNamed() {
        assertThat(problems(replacing("outputs", "outputs: {x: 1}"))).contains(
                "pop.yaml:8:10: 'outputs' must be a list of names, e.g. outputs: [OCa, OBa]");
    }

    @Test
    void aScenarioThatCannotBeRunIsNamed() {
        assertThatThrownBy(() -> read(BASE + "set: {nosuch: 1}\n")).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("pop.yaml: the scenario '" + dir.resolve("decay.ant") + "' cannot be used: ")
                .hasMessageContaining("nosuch");
    }

    @Test
    void aScenarioGivenAsItIsTakesNoScenarioKeys() {
        ScenarioRecipe.Resolved scenario = PopulationRecipe.read(SpecFiles.write(dir, "pop.yaml", BASE), ModelCatalog.EMPTY)
                .spec(ModelCatalog.EMPTY).scenario().resolve(ModelCatalog.EMPTY);
        PopulationSpec s = PopulationSpecReader.read(WITHOUT_SCENARIO, "web", scenario, ModelCatalog.EMPTY);
        assertThat(s.scenario()).isNull();
        assertThat(s.n()).isEqualTo(20);
        assertThat(s.outputs()).containsExactly("x");
        assertThat(catchThrowableOfType(() -> PopulationSpecReader.read("model: decay.ant\nuntil: 5\n" + WITHOUT_SCENARIO,
                "web", scenario, ModelCatalog.EMPTY), ScenarioException.class).problems()).containsExactlyInAnyOrder(
                "web:1:8: 'model' belongs to the scenario here, not to the population",
                "web:2:8: 'until' belongs to the scenario here, not to the population");
    }
}
