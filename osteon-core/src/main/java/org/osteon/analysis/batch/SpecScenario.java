package org.osteon.analysis.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.osteon.analysis.sampling.SpecYaml;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The scenario part of an analysis spec: {@code scenario:} (a scenario file or id) or
 * {@code model:} (a model file or id), and the overrides {@code until}, {@code step},
 * {@code solver}, {@code rtol}, {@code atol}, {@code set}, captured as a {@link ScenarioRecipe}.
 */
public final class SpecScenario {
    public static final Set<String> KEYS = Set.of("scenario", "model", "until", "step", "solver", "rtol", "atol", "set");

    private SpecScenario() {
    }

    /** A spec read as far as its scenario: its reader, root mapping, top-level entries and scenario recipe. */
    public record Head(SpecYaml yaml, MappingNode root, Map<String, Node> top, ScenarioRecipe recipe) {
    }

    /**
     * Reads the top of a spec that names its own scenario (population, sensitivity): the root
     * mapping, its entries checked against {@code keys}, and the scenario recipe. Any problem so
     * far is thrown at once, naming the source and position.
     */
    public static Head head(String text, String source, Path baseDir, ModelCatalog catalog, Set<String> keys,
                            String notAMapping) {
        SpecYaml yaml = new SpecYaml(source);
        MappingNode root = yaml.root(text, notAMapping);
        Map<String, Node> top = yaml.entries(root, keys);
        ScenarioRecipe recipe = read(yaml, top, baseDir, catalog, root);
        yaml.throwIfProblems();
        return new Head(yaml, root, top, recipe);
    }

    /** The recipe, or null with the problems reported to {@code yaml}. */
    public static ScenarioRecipe read(SpecYaml yaml, Map<String, Node> top, Path baseDir, ModelCatalog catalog, Node root) {
        String scenario = yaml.string(top, "scenario");
        String model = yaml.string(top, "model");
        if ((scenario == null) == (model == null)) {
            yaml.problem(root, "give either 'scenario' (a scenario file or id) or 'model' (a model file or id)");
            return null;
        }
        String target = scenario != null ? scenario : model;
        boolean file = target.contains("/") || target.contains(".");
        String resolved = file && baseDir != null ? baseDir.resolve(target).toString() : target;
        LinkedHashMap<String, Double> set = new LinkedHashMap<>();
        yaml.named(top.get("set"), "'set' must map names to numbers").forEach((k, v) -> {
            Double d = yaml.number(v, "set." + k);
            if (d != null) {
                set.put(k, d);
            }
        });
        ScenarioRecipe.Overrides o = new ScenarioRecipe.Overrides(positive(yaml, top, "until"), positive(yaml, top, "step"),
                yaml.string(top, "solver"), positive(yaml, top, "rtol"), positive(yaml, top, "atol"), set);
        try {
            return ScenarioRecipe.of(resolved, catalog, o);
        } catch (ScenarioException e) {
            yaml.problem(top.get(scenario != null ? "scenario" : "model"), String.join("; ", e.problems()));
            return null;
        }
    }

    private static Double positive(SpecYaml yaml, Map<String, Node> top, String key) {
        Double v = yaml.number(top, key);
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            yaml.problem(top.get(key), "'" + key + "' must be a positive number, found " + v);
            return null;
        }
        return v;
    }
}
