package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;
import org.osteon.units.Quantity;

/** Where a scenario's model comes from (catalogs, files, pasted text) and the copies a scenario makes of itself. */
class ModelSourcesTest {
    @TempDir
    Path dir;

    /** A catalog holding the given models (by their ids) and one scenario per model, named "<id>-run". */
    private static ModelCatalog catalog(Model... models) {
        return new ModelCatalog() {
            @Override
            public Set<String> modelIds() {
                Set<String> ids = new java.util.TreeSet<>();
                for (Model m : models) {
                    ids.add(m.id());
                }
                return ids;
            }

            @Override
            public Optional<Model> model(String id) {
                return java.util.Arrays.stream(models).filter(m -> m.id().equals(id)).findFirst();
            }

            @Override
            public Optional<CompiledModel> compiled(String id) {
                return model(id).map(ModelCompiler::compile);
            }

            @Override
            public Set<String> scenarioIds() {
                Set<String> ids = new java.util.TreeSet<>();
                modelIds().forEach(id -> ids.add(id + "-run"));
                return ids;
            }

            @Override
            public Optional<Scenario> scenario(String id) {
                return id.endsWith("-run") ? model(id.substring(0, id.length() - 4)).map(m -> Scenario.ofModel(m.id())) : Optional.empty();
            }
        };
    }

    private static Model model(String id, double x0) {
        return AntimonyReader.parse("model " + id + "()\n  x' = 0\n  x = " + x0 + "\nend\n", id + ".ant");
    }

    @Test
    void combinedCatalogsListEverythingAndTheFirstWinsOnEqualIds() {
        ModelCatalog both = ModelCatalogs.combine(List.of(catalog(model("a", 1), model("b", 2)), catalog(model("b", 3), model("c", 4))));
        assertThat(both.modelIds()).containsExactly("a", "b", "c");
        assertThat(both.scenarioIds()).containsExactly("a-run", "b-run", "c-run");
        assertThat(both.model("c")).isPresent();
        assertThat(both.model("z")).isEmpty();
        // b is in both: the first catalog's (x = 2)
        assertThat(both.compiled("b").orElseThrow().defaultState()[0]).isEqualTo(2);
        assertThat(both.scenario("c-run").orElseThrow().model()).isEqualTo("c");
        assertThat(both.scenario("nothing")).isEmpty();
        Trajectory8 t = new Trajectory8(new ScenarioRunner(both).run(Scenario.ofModel("c").withOverrides(1.0, 1.0, null, null, null, Map.of())));
        assertThat(t.last).isEqualTo(4);
        // the class path of the core alone holds no catalog
        assertThat(ModelCatalogs.discover().modelIds()).isEmpty();
    }

    private record Trajectory8(double last) {
        Trajectory8(org.osteon.trajectory.Trajectory tr) {
            this(tr.last("x"));
        }
    }

    @Test
    void copiesOfAScenarioChangeOnlyWhatTheyName() {
        Scenario s = ScenarioReader.parse("model: a\nuntil: 5\nstep: 1\nsolver: dopri5\nrtol: 1e-6\natol: 1e-9\nset: {k: 1}\n", "s.yaml", null);
        assertThat(s.withModel("b").model()).isEqualTo("b");
        assertThat(s.withModel("b").until()).isEqualTo(5.0);
        assertThat(s.withDoses(List.of(org.osteon.dosing.Regimen.of("x", Quantity.of(2)))).doses()).hasSize(1);
        assertThat(s.withCovariates(Map.of("weight", Quantity.parse("70 kg"))).covariates()).containsKey("weight");
        Scenario same = s.withOverrides(null, null, null, null, null, Map.of());
        assertThat(List.of(same.until(), same.step(), same.rtol(), same.atol())).containsExactly(5.0, 1.0, 1e-6, 1e-9);
        assertThat(same.solver()).isEqualTo("dopri5");
        Scenario changed = s.withOverrides(7.0, 0.5, "rodas5p", 1e-8, 1e-12, Map.of("k", 2.0, "j", 3.0));
        assertThat(List.of(changed.until(), changed.step(), changed.rtol(), changed.atol())).containsExactly(7.0, 0.5, 1e-8, 1e-12);
        assertThat(changed.solver()).isEqualTo("rodas5p");
        assertThat(changed.set()).containsEntry("k", 2.0).containsEntry("j", 3.0);
        // a step given with a unit is replaced by the override too
        Scenario units = ScenarioReader.parse("model: a\nstep: 1 week\n", "s.yaml", null);
        assertThat(units.withOverrides(null, 2.0, null, null, null, Map.of()).timeQuantities()).doesNotContainKey("step");
        assertThat(units.withOverrides(null, null, null, null, null, Map.of()).timeQuantities()).containsKey("step");
    }

    @Test
    void theDefaultGridCountsFromTheStart() throws Exception {
        // start 5, until 10: a span of 5 days, so 100 steps of 0.05
        Files.writeString(dir.resolve("m.ant"), "model m\n  x' = 0\n  x = 1\nend\n");
        Scenario s = ScenarioReader.read(Files.writeString(dir.resolve("s.yaml"), "model: m.ant\nstart: 5\nuntil: 10\n"));
        ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);
        assertThat(runner.problem(s, runner.model(s)).outputTimes()).hasSize(101);
    }

    @Test
    void modelFilesByTypeAndPastedText() throws Exception {
        assertThat(ModelFiles.looksLikeScenarioFile("A.YML")).isTrue();
        assertThat(ModelFiles.looksLikeScenarioFile("a.yaml")).isTrue();
        assertThat(ModelFiles.looksLikeScenarioFile("a.ant")).isFalse();
        assertThat(ModelFiles.looksLikeModelFile("m.Antimony")).isTrue();
        assertThat(ModelFiles.looksLikeModelFile("m.csv")).isFalse();
        assertThat(ModelFiles.parse("model pasted\n  x' = 0\n  x = 1\nend\n", "upload").id()).isEqualTo("pasted");
        assertThat(ModelFiles.knownTypes()).startsWith(".ant (Antimony text)");
        Path xml = Files.writeString(dir.resolve("m.xml"), "<sbml/>");
        assertThatThrownBy(() -> ModelFiles.read(xml)).isInstanceOf(ScenarioException.class)
                .hasMessage(xml + ": SBML files need the osteon-sbml module on the class path");
        Path csv = Files.writeString(dir.resolve("m.csv"), "a,b");
        assertThatThrownBy(() -> ModelFiles.read(csv)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(csv + ": unknown model file type; expected .ant (Antimony text)");
        Path ant = Files.writeString(dir.resolve("M.TXT"), "model t\n  x' = 0\n  x = 1\nend\n");
        assertThat(ModelFiles.read(ant).id()).isEqualTo("t");
    }
}
