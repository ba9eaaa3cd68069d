package org.osteon.analysis.population;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.batch.SpecScenario;
import org.osteon.analysis.sampling.JointDistribution;
import org.osteon.analysis.sampling.ModelSymbols;
import org.osteon.analysis.sampling.SpecYaml;
import org.osteon.analysis.sampling.VariableReader;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioException;
import org.osteon.simulation.SimulationProblem;
import org.osteon.util.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a population spec:
 *
 * <pre>
 * scenario: pivonka2008-pth.yaml   # a scenario file (relative to this file) or id; or model: ID with until/step
 * n: 1000
 * seed: 7
 * parameters:
 *   K_D8: {distribution: lognormal, cv: 0.3}
 *   A_OCa: {distribution: lognormal, cv: 0.2}
 * outputs: [OCa, OBa]
 * </pre>
 *
 * Further keys: {@code name}, {@code covariates}, {@code correlation} or {@code covariance} (see
 * {@link VariableReader}), {@code initial: scenario|steady-state}, {@code accuracy} (of the
 * percentiles), {@code save: [patients, trajectories]}, and the scenario overrides {@code until},
 * {@code step}, {@code solver}, {@code rtol}, {@code atol}, {@code set}.
 */
public final class PopulationSpecReader {
    static final Set<String> KEYS = Set.of("name", "scenario", "model", "n", "seed", "parameters", "covariates",
            "correlation", "covariance", "outputs", "initial", "accuracy", "save", "until", "step", "solver", "rtol",
            "atol", "set");

    private PopulationSpecReader() {
    }

    /** Reads a spec file; the scenario it names is resolved relative to the file's directory. */
    public static PopulationSpec read(Path file, ModelCatalog catalog) {
        String text = SpecYaml.readText(file);
        Path dir = file.toAbsolutePath().getParent();
        return read(text, file.toString(), dir, catalog);
    }

    /** Reads spec text; {@code baseDir} resolves a relative scenario or model path (null: the working directory). */
    public static PopulationSpec read(String text, String source, Path baseDir, ModelCatalog catalog) {
        SpecScenario.Head head = SpecScenario.head(text, source, baseDir, catalog, KEYS,
                "a population spec must be a YAML mapping with scenario, n, seed, parameters, outputs");
        return parse(head.yaml(), head.top(), head.recipe(), catalog, head.root());
    }

    /** Reads spec text whose scenario was captured already (on another JVM, from a {@link PopulationRecipe}). */
    public static PopulationSpec read(String text, String source, ScenarioRecipe recipe, ModelCatalog catalog) {
        SpecYaml yaml = new SpecYaml(source);
        MappingNode root = yaml.root(text, "a population spec must be a YAML mapping");
        Map<String, Node> top = yaml.entries(root, KEYS);
        return parse(yaml, top, recipe, catalog, root);
    }

    /**
     * Reads spec text for a scenario given as it is (the web API): the spec's own scenario keys
     * are not allowed, and the spec's {@link PopulationSpec#scenario()} is null.
     */
    public static PopulationSpec read(String text, String source, ScenarioRecipe.Resolved scenario, ModelCatalog catalog) {
        SpecYaml yaml = new SpecYaml(source);
        MappingNode root = yaml.root(text, "a population spec must be a mapping");
        Map<String, Node> top = yaml.entries(root, KEYS);
        for (String key : SpecScenario.KEYS) {
            if (top.containsKey(key)) {
                yaml.problem(top.get(key), "'" + key + "' belongs to the scenario here, not to the population");
            }
        }
        yaml.throwIfProblems();
        return parse(yaml, top, null, c -> scenario, catalog, root);
    }

    private static PopulationSpec parse(SpecYaml yaml, Map<String, Node> top, ScenarioRecipe recipe, ModelCatalog catalog,
                                        Node root) {
        return parse(yaml, top, recipe, recipe::resolve, catalog, root);
    }

    private static PopulationSpec parse(SpecYaml yaml, Map<String, Node> top, ScenarioRecipe recipe,
                                        java.util.function.Function<ModelCatalog, ScenarioRecipe.Resolved> resolver,
                                        ModelCatalog catalog, Node root) {
        SimulationProblem base;
        try {
            ScenarioRecipe.Resolved r = resolver.apply(catalog);
            base = new org.osteon.scenario.ScenarioRunner(catalog).problem(r.scenario(), r.model());
        } catch (RuntimeException e) {
            throw new ScenarioException(yaml.source() + ": the scenario" + (recipe == null ? "" : " '" + recipe.source()
                    + "'") + " cannot be used: " + e.getMessage());
        }
        Long n = yaml.whole(top, "n", 1, PopulationSpec.MAX_PATIENTS);
        if (!top.containsKey("n")) {
            yaml.problem(root, "missing key 'n' (the number of patients)");
        }
        Long seed = yaml.whole(top, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        if (!top.containsKey("seed")) {
            yaml.problem(root, "missing key 'seed': a population is reproducible only with a fixed seed");
        }
        List<String> symbols = ModelSymbols.variable(base);
        JointDistribution joint = new VariableReader(yaml).read(top.get("parameters"), top.get("covariates"),
                top.get("correlation"), top.get("covariance"), name -> ModelSymbols.value(base, name), symbols, true);
        if (!top.containsKey("parameters") && !top.containsKey("covariates")) {
            yaml.problem(root, "missing key 'parameters': name the parameters that vary between patients");
        }
        List<String> outputs = yaml.names(top.get("outputs"), "outputs");
        if (outputs.isEmpty()) {
            yaml.problem(top.getOrDefault("outputs", root), "name at least one output under 'outputs', e.g. outputs: ["
                    + String.join(", ", base.model().layout().states().stream().map(Variable::id).limit(2).toList()) + "]");
        }
        Layout layout = base.model().layout();
        for (String out : outputs) {
            if (layout.find(out).isEmpty()) {
                yaml.problem(top.get("outputs"), "unknown output '" + out + "'" + Suggestions.didYouMean(out, layout.allIds()));
            } else if (layout.parameterIndex(out) >= 0 && !base.recordedParameters().contains(out)) {
                yaml.problem(top.get("outputs"), "'" + out + "' is a constant parameter, not an output: it does not change"
                        + " during a run");
            }
        }
        InitialState initial = InitialState.SCENARIO;
        String init = yaml.string(top, "initial");
        if (init != null) {
            try {
                initial = InitialState.parse(init);
            } catch (IllegalArgumentException e) {
                yaml.problem(top.get("initial"), e.getMessage());
            }
        }
        double accuracy = PopulationSpec.DEFAULT_ACCURACY;
        Double acc = yaml.number(top, "accuracy");
        if (acc != null) {
            if (!(acc >= 1e-6 && acc <= 0.1)) {
                yaml.problem(top.get("accuracy"), "'accuracy' (the relative accuracy of the percentiles) must be between"
                        + " 1e-6 and 0.1, found " + acc);
            } else {
                accuracy = acc;
            }
        }
        List<String> save = yaml.names(top.get("save"), "save");
        for (String s : save) {
            if (!s.equals("patients") && !s.equals("trajectories")) {
                yaml.problem(top.get("save"), "unknown item '" + s + "' under 'save'" + Suggestions.didYouMean(s,
                        List.of("patients", "trajectories")) + "; use patients, trajectories");
            }
        }
        yaml.throwIfProblems();
        String name = yaml.string(top, "name");
        if (name == null) {
            name = Path.of(yaml.source()).getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        }
        return new PopulationSpec(name, recipe, n.intValue(), seed, joint, outputs, initial, accuracy,
                save.contains("patients"), save.contains("trajectories"));
    }
}
