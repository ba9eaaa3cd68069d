package org.osteon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.text.AntimonyReader;

/**
 * A built-in catalog for the tests (found by ServiceLoader from the test resources), so that
 * built-in ids go through the same code as the published models will. Ids start with "clitest"
 * so that they never clash with the real catalog.
 */
public final class TestCatalog implements ModelCatalog {
    static final String MODEL = "clitest-decay";
    static final String SCENARIO = "clitest-decay-slow";

    @Override
    public Set<String> modelIds() {
        return Set.of(MODEL);
    }

    @Override
    public Optional<Model> model(String id) {
        return MODEL.equals(id) ? Optional.of(AntimonyReader.parse(resource("/cli/decay.ant")
                .replace("model decay()", "model clitest_decay()").replace("decay.citation", "clitest_decay.citation")
                .replace("decay.description", "clitest_decay.description")
                .replace("end\n", "  clitest_decay is \"Exponential decay\"\n  clitest_decay.doi = \"10.0000/test\"\nend\n"),
                "builtin:" + id + ".ant")) : Optional.empty();
    }

    @Override
    public Optional<CompiledModel> compiled(String id) {
        return model(id).map(ModelCompiler::compile);
    }

    @Override
    public Set<String> scenarioIds() {
        return Set.of(SCENARIO);
    }

    @Override
    public Optional<Scenario> scenario(String id) {
        return SCENARIO.equals(id) ? Optional.of(ScenarioReader.parse("""
                name: clitest-decay-slow
                description: Slow decay. Second sentence not shown in listings.
                model: clitest-decay
                until: 2
                step: 0.5
                set: {k: 0.25}
                """, "builtin:" + id + ".yaml", null)) : Optional.empty();
    }

    private static String resource(String path) {
        try (InputStream in = TestCatalog.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
