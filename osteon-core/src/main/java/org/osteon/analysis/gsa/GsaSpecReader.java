package org.osteon.analysis.gsa;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioException;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.util.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a sensitivity spec:
 *
 * <pre>
 * scenario: pivonka2008-pth.yaml
 * method: sobol                # or morris
 * n: 256                       # sobol: base samples; morris: trajectories
 * seed: 1
 * parameters:
 *   K_D8: {distribution: loguniform, factor: 2}
 *   A_OCa: {distribution: uniform, min: 0.5, max: 0.9}
 * outputs: [OCa:max, OBa:at:100, OBa:auc]
 * </pre>
 *
 * Further keys: {@code initial}, {@code bootstrap} (resamples, default 1000), {@code confidence}
 * (0.95), {@code levels} (Morris, 4), and the scenario overrides {@code until}, {@code step},
 * {@code solver}, {@code rtol}, {@code atol}, {@code set}.
 */
public final class GsaSpecReader {
    static final Set<String> KEYS = Set.of("name", "scenario", "model", "method", "n", "seed", "parameters", "outputs",
            "initial", "bootstrap", "confidence", "levels", "until", "step", "solver", "rtol", "atol", "set");

    private GsaSpecReader() {
    }

    public static GsaSpec read(Path file, ModelCatalog catalog) {
        return read(SpecYaml.readText(file), file.toString(), file.toAbsolutePath().getParent(), catalog);
    }

    public static GsaSpec read(String text, String source, Path baseDir, ModelCatalog catalog) {
        SpecScenario.Head head = SpecScenario.head(text, source, baseDir, catalog, KEYS,
                "a sensitivity spec must be a YAML mapping with scenario, method, n, seed, parameters, outputs");
        return parse(head.yaml(), head.top(), head.recipe(), catalog, head.root());
    }

    /** Spec text whose scenario was captured already (on another JVM). */
    public static GsaSpec read(String text, String source, ScenarioRecipe recipe, ModelCatalog catalog) {
        SpecYaml yaml = new SpecYaml(source);
        MappingNode root = yaml.root(text, "a sensitivity spec must be a YAML mapping");
        return parse(yaml, yaml.entries(root, KEYS), recipe, catalog, root);
    }

    private static GsaSpec parse(SpecYaml yaml, Map<String, Node> top, ScenarioRecipe recipe, ModelCatalog catalog,
                                 Node root) {
        SimulationProblem base;
        try {
            ScenarioRecipe.Resolved r = recipe.resolve(catalog);
            base = new ScenarioRunner(catalog).problem(r.scenario(), r.model());
        } catch (RuntimeException e) {
            throw new ScenarioException(yaml.source() + ": the scenario '" + recipe.source() + "' cannot be used: "
                    + e.getMessage());
        }
        GsaSpec.Method method = GsaSpec.Method.SOBOL;
        String m = yaml.string(top, "method");
        if (m != null) {
            try {
                method = GsaSpec.Method.valueOf(m.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                yaml.problem(top.get("method"), "unknown method '" + m + "'" + Suggestions.didYouMean(m,
                        List.of("sobol", "morris")) + "; use sobol or morris");
            }
        }
        Long n = yaml.whole(top, "n", 2, 10_000_000);
        if (!top.containsKey("n")) {
            yaml.problem(root, "missing key 'n' (Sobol: base samples, e.g. 1024; Morris: trajectories, e.g. 20)");
        }
        Long seed = yaml.whole(top, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        if (!top.containsKey("seed")) {
            yaml.problem(root, "missing key 'seed': an analysis is reproducible only with a fixed seed");
        }
        if (!top.containsKey("parameters")) {
            yaml.problem(root, "missing key 'parameters': name the parameters to vary and their ranges");
        }
        JointDistribution factors = new VariableReader(yaml).read(top.get("parameters"), null, null, null,
                name -> ModelSymbols.value(base, name), ModelSymbols.variable(base), false);
        List<Measure> measures = measures(yaml, top.get("outputs"), base, root);
        InitialState initial = InitialState.SCENARIO;
        String init = yaml.string(top, "initial");
        if (init != null) {
            try {
                initial = InitialState.parse(init);
            } catch (IllegalArgumentException e) {
                yaml.problem(top.get("initial"), e.getMessage());
            }
        }
        Long resamples = top.containsKey("bootstrap") ? yaml.whole(top, "bootstrap", 0, 100_000) : Long.valueOf(1000);
        Double confidence = top.containsKey("confidence") ? yaml.number(top, "confidence") : Double.valueOf(0.95);
        if (confidence != null && !(confidence > 0 && confidence < 1)) {
            yaml.problem(top.get("confidence"), "'confidence' must be between 0 and 1, e.g. 0.95");
        }
        Long levels = top.containsKey("levels") ? yaml.whole(top, "levels", 2, 100) : Long.valueOf(4);
        if (levels != null && levels % 2 != 0) {
            yaml.problem(top.get("levels"), "'levels' must be even (Morris's Δ = p/(2(p−1)) needs it)");
        }
        if (top.containsKey("levels") && method == GsaSpec.Method.SOBOL) {
            yaml.problem(top.get("levels"), "'levels' is for method: morris");
        }
        yaml.throwIfProblems();
        if (method == GsaSpec.Method.SOBOL && factors.size() > 500) {
            throw new ScenarioException(yaml.source() + ": at most 500 parameters in a Sobol analysis");
        }
        String name = yaml.string(top, "name");
        if (name == null) {
            name = Path.of(yaml.source()).getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        }
        return new GsaSpec(name, recipe, method, n.intValue(), seed, factors, measures, initial, resamples.intValue(),
                confidence, levels.intValue());
    }

    private static List<Measure> measures(SpecYaml yaml, Node node, SimulationProblem base, Node root) {
        List<Measure> out = new ArrayList<>();
        if (node == null) {
            yaml.problem(root, "missing key 'outputs': e.g. outputs: [OCa:max, OBa:at:100, OBa:auc]");
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            yaml.problem(node, "'outputs' must be a list such as [OCa:max, OBa:at:100, OBa:auc]");
            return out;
        }
        Layout layout = base.model().layout();
        for (Node item : seq.getValue()) {
            Measure m;
            try {
                if (item instanceof ScalarNode s) {
                    m = Measure.parse(s.getValue());
                } else if (item instanceof MappingNode map) {
                    Map<String, Node> e = yaml.entries(map, Set.of("output", "summary", "time"));
                    String output = yaml.string(e, "output");
                    String summary = yaml.string(e, "summary");
                    Double time = yaml.number(e, "time");
                    if (output == null || summary == null) {
                        yaml.problem(item, "an output measure needs 'output' and 'summary'");
                        continue;
                    }
                    m = new Measure(output, Measure.kind(summary), time == null ? Double.NaN : time);
                } else {
                    yaml.problem(item, "each output must be OUTPUT:SUMMARY or {output, summary, time}");
                    continue;
                }
            } catch (IllegalArgumentException e) {
                yaml.problem(item, e.getMessage());
                continue;
            }
            if (layout.find(m.output()).isEmpty()) {
                yaml.problem(item, "unknown output '" + m.output() + "'" + Suggestions.didYouMean(m.output(), layout.allIds()));
            } else if (layout.parameterIndex(m.output()) >= 0 && !base.recordedParameters().contains(m.output())) {
                yaml.problem(item, "'" + m.output() + "' is a constant parameter, not an output");
            } else if (m.kind() == Measure.Kind.AT && (m.time() < base.t0() || m.time() > base.tEnd())) {
                yaml.problem(item, "time " + m.time() + " is outside the run [" + base.t0() + ", " + base.tEnd() + "]");
            } else {
                out.add(m);
            }
        }
        if (out.isEmpty() && yaml.problems().isEmpty()) {
            yaml.problem(node, "name at least one output measure");
        }
        return out;
    }
}
