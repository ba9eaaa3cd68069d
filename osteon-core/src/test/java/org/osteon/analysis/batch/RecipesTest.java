package org.osteon.analysis.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioException;
import org.osteon.simulation.SimulationProblem;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.text.AntimonyReader;

/**
 * Scenario recipes, the form in which a scenario travels to another JVM: each kind of target a
 * user can name, what {@link ScenarioRecipe#resolve} rebuilds from it, equality (the key of the
 * per-JVM caches) and Java serialization. The model is decay.ant (x' = -k x, x(0) = x0 = 10).
 */
class RecipesTest {
    @TempDir
    Path dir;

    private Path model;

    /** A catalog with the model "decay" and the scenario "decay-run" of it. */
    static final ModelCatalog CATALOG = new ModelCatalog() {
        private final Model decay = AntimonyReader.parse(text(), "decay.ant");

        @Override
        public Set<String> modelIds() {
            return Set.of("decay");
        }

        @Override
        public Optional<Model> model(String id) {
            return id.equals("decay") ? Optional.of(decay) : Optional.empty();
        }

        @Override
        public Optional<CompiledModel> compiled(String id) {
            return model(id).map(ModelCompiler::compile);
        }

        @Override
        public Set<String> scenarioIds() {
            return Set.of("decay-run");
        }

        @Override
        public Optional<Scenario> scenario(String id) {
            return id.equals("decay-run") ? Optional.of(Scenario.ofModel("decay")) : Optional.empty();
        }
    };

    private static String text() {
        try (InputStream in = RecipesTest.class.getResourceAsStream(SpecFiles.DECAY_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void files() {
        model = SpecFiles.decayModel(dir);
    }

    static ScenarioRecipe.Overrides overrides(double until, Map<String, Double> set) {
        return new ScenarioRecipe.Overrides(until, 1.0, null, 1e-10, 1e-12, new LinkedHashMap<>(set));
    }

    /** x(until) of the resolved scenario, which must be x0 exp(-k until). */
    private static double finalX(ScenarioRecipe.Resolved r) {
        SimulationProblem p = new ScenarioRunner(CATALOG).problem(r.scenario(), r.model());
        double[] y = p.initialState();
        // x' = -k x is linear: the problem's own parameters give the closed form.
        double k = p.parameters()[r.model().layout().parameterIndex("k")];
        return y[0] * Math.exp(-k * p.tEnd());
    }

    @Test
    void eachKindOfTargetIsRecognisedAndRebuilt() {
        ScenarioRecipe.Overrides o = overrides(4, Map.of("k", 0.3));
        Path scenario = SpecFiles.write(dir, "run.yaml", "model: decay.ant\nuntil: 2\nstep: 1\n");
        ScenarioRecipe fromScenario = ScenarioRecipe.of(scenario.toString(), CATALOG, o);
        ScenarioRecipe fromModel = ScenarioRecipe.of(model.toString(), CATALOG, o);
        ScenarioRecipe builtInScenario = ScenarioRecipe.of("decay-run", CATALOG, o);
        ScenarioRecipe builtInModel = ScenarioRecipe.of("decay", CATALOG, o);
        assertThat(fromScenario.kind()).isEqualTo(ScenarioRecipe.Kind.SCENARIO_TEXT);
        assertThat(fromModel.kind()).isEqualTo(ScenarioRecipe.Kind.MODEL_TEXT);
        assertThat(builtInScenario.kind()).isEqualTo(ScenarioRecipe.Kind.BUILT_IN_SCENARIO);
        assertThat(builtInModel.kind()).isEqualTo(ScenarioRecipe.Kind.BUILT_IN_MODEL);
        assertThat(fromScenario.source()).isEqualTo(scenario.toString());
        assertThat(builtInModel.source()).isEqualTo("decay");
        for (ScenarioRecipe r : new ScenarioRecipe[] {fromScenario, fromModel, builtInScenario, builtInModel}) {
            assertThat(r.overrides()).isSameAs(o);
            ScenarioRecipe.Resolved resolved = r.resolve(CATALOG);
            // the overrides win over the scenario's own until (2) and the model's k (0.1)
            assertThat(resolved.scenario().until()).isEqualTo(4.0);
            assertThat(resolved.scenario().set()).containsEntry("k", 0.3);
            assertThat(resolved.model().layout().find("x")).isPresent();
            assertThat(finalX(resolved)).isCloseTo(10 * Math.exp(-0.3 * 4), within(1e-12));
        }
        // a model file becomes a scenario named after the file
        assertThat(fromModel.resolve(CATALOG).scenario().name()).isEqualTo("decay");
        assertThat(builtInModel.resolve(CATALOG).scenario().model()).isEqualTo("decay");
    }

    @Test
    void aScenarioFileNamingABuiltInModelCarriesNoModelText() {
        Path scenario = SpecFiles.write(dir, "builtin.yaml", "model: decay\nuntil: 3\nstep: 1\n");
        ScenarioRecipe r = ScenarioRecipe.of(scenario.toString(), CATALOG, ScenarioRecipe.Overrides.NONE);
        ScenarioRecipe.Resolved resolved = r.resolve(CATALOG);
        assertThat(resolved.scenario().until()).isEqualTo(3.0);
        assertThat(resolved.model().layout().find("root_a")).isPresent();
        // without the catalog the built-in model cannot be found: it was not captured as text
        assertThatThrownBy(() -> ScenarioRecipe.of(scenario.toString(), ModelCatalog.EMPTY, ScenarioRecipe.Overrides.NONE)
                .withOverrides(overrides(5, Map.of())).resolve(ModelCatalog.EMPTY)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("decay");
    }

    @Test
    void targetsThatAreNothingAreNamed() {
        assertThatThrownBy(() -> ScenarioRecipe.of(dir.resolve("none.yaml").toString(), CATALOG,
                ScenarioRecipe.Overrides.NONE)).isInstanceOf(ScenarioException.class)
                .hasMessage(dir.resolve("none.yaml") + ": scenario file not found");
        assertThatThrownBy(() -> ScenarioRecipe.of(dir.resolve("none.ant").toString(), CATALOG,
                ScenarioRecipe.Overrides.NONE)).hasMessage(dir.resolve("none.ant") + ": model file not found");
        assertThatThrownBy(() -> ScenarioRecipe.of(dir.resolve("none").toString(), CATALOG,
                ScenarioRecipe.Overrides.NONE)).hasMessage(dir.resolve("none") + ": model file not found");
        assertThatThrownBy(() -> ScenarioRecipe.of("decay-rn", CATALOG, ScenarioRecipe.Overrides.NONE))
                .hasMessage("'decay-rn' is not a scenario file, a model file, a built-in model or a built-in scenario"
                        + " (did you mean 'decay-run'?)");
    }

    @Test
    void equalRecipesShareOneResolvedScenarioAndDifferentOnesDoNot() {
        ScenarioRecipe a = ScenarioRecipe.of(model.toString(), CATALOG, overrides(4, Map.of()));
        ScenarioRecipe same = ScenarioRecipe.of(model.toString(), CATALOG, overrides(4, Map.of()));
        ScenarioRecipe.Resolved first = a.resolve(CATALOG);
        assertThat(same).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(same.resolve(CATALOG)).isSameAs(first);
        ScenarioRecipe other = a.withOverrides(overrides(5, Map.of()));
        assertThat(other).isNotEqualTo(a);
        assertThat(other.resolve(CATALOG)).isNotSameAs(first);
        assertThat(other.resolve(CATALOG).scenario().until()).isEqualTo(5.0);
        // resolving another recipe leaves the first one's cached
        assertThat(a.resolve(CATALOG)).isSameAs(first);
    }

    @Test
    void everyFieldTakesPartInEquality() {
        ScenarioRecipe.Overrides o = overrides(4, Map.of());
        Path copy = SpecFiles.write(dir, "copy.ant", text());
        Path s1 = SpecFiles.write(dir, "s1.yaml", "model: decay.ant\nuntil: 2\n");
        Path s2 = SpecFiles.write(dir, "s2.yaml", "model: decay.ant\nuntil: 3\n");
        Path sub = dir.resolve("sub");
        assertThat(sub.toFile().mkdir()).isTrue();
        SpecFiles.decayModel(sub);
        Path s3 = SpecFiles.write(sub, "s1.yaml", "model: decay.ant\nuntil: 2\n");
        ScenarioRecipe[] distinct = {
            ScenarioRecipe.of(model.toString(), CATALOG, o),
            ScenarioRecipe.of(copy.toString(), CATALOG, o), // other id and source, same text
            ScenarioRecipe.of("decay", CATALOG, o), // same id, another kind
            ScenarioRecipe.of("decay-run", CATALOG, o),
            ScenarioRecipe.of(s1.toString(), CATALOG, o),
            ScenarioRecipe.of(s2.toString(), CATALOG, o), // other text
            ScenarioRecipe.of(s3.toString(), CATALOG, o), // same text, other directory and source
            ScenarioRecipe.of(model.toString(), CATALOG, ScenarioRecipe.Overrides.NONE),
        };
        for (int i = 0; i < distinct.length; i++) {
            assertThat(distinct[i]).isEqualTo(distinct[i]).isNotEqualTo("decay");
            for (int j = 0; j < distinct.length; j++) {
                if (i != j) {
                    assertThat(distinct[i]).as("%d vs %d", i, j).isNotEqualTo(distinct[j]);
                }
            }
        }
        assertThat(java.util.Arrays.stream(distinct).mapToInt(ScenarioRecipe::hashCode).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void aRecipeSurvivesJavaSerializationAndResolvesToTheSameScenario() throws Exception {
        ScenarioRecipe a = ScenarioRecipe.of(SpecFiles.write(dir, "run.yaml", "model: decay.ant\nuntil: 2\n").toString(),
                CATALOG, overrides(4, Map.of("x0", 3.0)));
        ScenarioRecipe b = roundTrip(a);
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(finalX(b.resolve(CATALOG))).isCloseTo(3 * Math.exp(-0.1 * 4), within(1e-12));
    }

    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        return RecipesTestAccess.roundTrip(value);
    }

    @Test
    void enginesAreChosenByName() {
        try (Engine local = EngineProvider.open("local", null, 3)) {
            assertThat(local.name()).isEqualTo("local");
            assertThat(local.parallelism()).isEqualTo(3);
        }
        assertThatThrownBy(() -> EngineProvider.open("spark", null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown engine 'spark': the Spark engine is in the osteon-spark module")
                .hasMessageEndingWith("; engines available here: local");
        assertThatThrownBy(() -> EngineProvider.open("gpu", null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown engine 'gpu'; engines available here: local");
        assertThatThrownBy(() -> new LocalEngine(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, got 0");
        assertThat(new LocalEngine(1).parallelism()).isEqualTo(1);
    }
}
