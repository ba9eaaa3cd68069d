package org.osteon.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.text.AntimonyReader;

/**
 * The catalog of built-in models, found by {@link java.util.ServiceLoader}. Models are parsed and
 * compiled on first use and cached; compiled models are immutable, so the cache is shared.
 */
public final class BuiltInCatalog implements ModelCatalog {
    private final Map<String, BuiltInModel> models = new LinkedHashMap<>();
    private final Map<String, String> scenarioResources = new LinkedHashMap<>();
    private final Map<String, Model> parsed = new ConcurrentHashMap<>();
    private final Map<String, CompiledModel> compiled = new ConcurrentHashMap<>();
    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();

    public BuiltInCatalog() {
        for (BuiltInModel m : BuiltInModels.all()) {
            models.put(m.id(), m);
            for (String resource : m.scenarios()) {
                String name = resource.substring(resource.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
                scenarioResources.put(name, resource);
            }
        }
    }

    public Optional<BuiltInModel> descriptor(String id) {
        return Optional.ofNullable(models.get(id));
    }

    @Override
    public Set<String> modelIds() {
        return models.keySet();
    }

    @Override
    public Optional<Model> model(String id) {
        BuiltInModel m = models.get(id);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(parsed.computeIfAbsent(id, k -> AntimonyReader.parse(resource(m.resource()), "builtin:" + id + ".ant")));
    }

    @Override
    public Optional<CompiledModel> compiled(String id) {
        BuiltInModel m = models.get(id);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(id, k -> ModelCompiler.compile(model(id).orElseThrow(), m.options().get())));
    }

    @Override
    public Set<String> scenarioIds() {
        return scenarioResources.keySet();
    }

    @Override
    public Optional<Scenario> scenario(String id) {
        String resource = scenarioResources.get(id);
        if (resource == null) {
            return Optional.empty();
        }
        return Optional.of(scenarios.computeIfAbsent(id, k -> ScenarioReader.parse(resource(resource), "builtin:" + id + ".yaml", null)));
    }

    static String resource(String path) {
        try (InputStream in = BuiltInCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource missing from the jar: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in resource " + path, e);
        }
    }
}
