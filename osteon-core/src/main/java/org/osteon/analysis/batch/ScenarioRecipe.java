package org.osteon.analysis.batch;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioException;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.text.AntimonyReader;
import org.osteon.text.AntimonyWriter;
import org.osteon.util.Suggestions;

/**
 * A scenario in a form that can travel to another JVM (a Spark executor) and be rebuilt there
 * without the files it came from: a built-in id, or the scenario's YAML text together with its
 * model as Antimony text, plus command-line overrides. {@link #resolve} rebuilds the scenario and
 * its compiled model once per JVM and recipe.
 *
 * <p>Files a scenario names besides its model are read from the same path on the other JVM, so
 * on a cluster they must be on a shared file system.
 */
public final class ScenarioRecipe implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<ScenarioRecipe, Resolved> CACHE = new ConcurrentHashMap<>();

    /** Where the scenario comes from. */
    public enum Kind {
        BUILT_IN_SCENARIO, BUILT_IN_MODEL, SCENARIO_TEXT, MODEL_TEXT
    }

    private final Kind kind;
    private final String id;
    private final String text;
    private final String source;
    private final String baseDir;
    private final String modelText;
    private final Overrides overrides;

    /** Command-line style overrides (null: keep the scenario's). */
    public record Overrides(Double until, Double step, String solver, Double rtol, Double atol,
                            LinkedHashMap<String, Double> set) implements Serializable {
        public static final Overrides NONE = new Overrides(null, null, null, null, null, new LinkedHashMap<>());

        public Overrides {
            set = new LinkedHashMap<>(set);
        }

        public Scenario apply(Scenario s) {
            return s.withOverrides(until, step, solver, rtol, atol, set);
        }
    }

    private ScenarioRecipe(Kind kind, String id, String text, String source, String baseDir, String modelText,
                           Overrides overrides) {
        this.kind = kind;
        this.id = id;
        this.text = text;
        this.source = source;
        this.baseDir = baseDir;
        this.modelText = modelText;
        this.overrides = Objects.requireNonNull(overrides);
    }

    /** A scenario and its compiled model, ready to make problems. */
    public record Resolved(Scenario scenario, CompiledModel model) {
    }

    /**
     * What a user names: a scenario file ({@code .yaml}), a model file, a built-in scenario id or
     * a built-in model id, as the CLI accepts them. Files are read now.
     *
     * @throws ScenarioException naming the target when it is none of these
     */
    public static ScenarioRecipe of(String target, ModelCatalog catalog, Overrides overrides) {
        if (ModelFiles.looksLikeScenarioFile(target)) {
            Path p = Path.of(target);
            if (!Files.isRegularFile(p)) {
                throw new ScenarioException(target + ": scenario file not found");
            }
            Scenario s = ScenarioReader.read(p);
            String yaml = org.osteon.analysis.sampling.SpecYaml.readText(p);
            String dir = p.toAbsolutePath().getParent().toString();
            String model = null;
            if (s.model() != null && (ModelFiles.looksLikeModelFile(s.model()) || s.model().contains("/"))) {
                model = AntimonyWriter.write(ModelFiles.read(Path.of(dir).resolve(s.model())));
            }
            return new ScenarioRecipe(Kind.SCENARIO_TEXT, null, yaml, target, dir, model, overrides);
        }
        if (ModelFiles.looksLikeModelFile(target) || target.contains("/")) {
            Path p = Path.of(target);
            if (!Files.isRegularFile(p)) {
                throw new ScenarioException(target + ": model file not found");
            }
            String name = p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            return new ScenarioRecipe(Kind.MODEL_TEXT, name, null, target, null, AntimonyWriter.write(ModelFiles.read(p)),
                    overrides);
        }
        if (catalog.scenario(target).isPresent()) {
            return new ScenarioRecipe(Kind.BUILT_IN_SCENARIO, target, null, target, null, null, overrides);
        }
        if (catalog.modelIds().contains(target)) {
            return new ScenarioRecipe(Kind.BUILT_IN_MODEL, target, null, target, null, null, overrides);
        }
        List<String> known = new java.util.ArrayList<>(catalog.modelIds());
        known.addAll(catalog.scenarioIds());
        throw new ScenarioException("'" + target + "' is not a scenario file, a model file, a built-in model or a built-in"
                + " scenario" + Suggestions.didYouMean(target, known));
    }

    public ScenarioRecipe withOverrides(Overrides o) {
        return new ScenarioRecipe(kind, id, text, source, baseDir, modelText, o);
    }

    public Kind kind() {
        return kind;
    }

    /** What the user named, for messages. */
    public String source() {
        return source;
    }

    public Overrides overrides() {
        return overrides;
    }

    /** The scenario and its compiled model; compiled once per JVM and recipe. */
    public Resolved resolve(ModelCatalog catalog) {
        Resolved r = CACHE.get(this);
        if (r == null) {
            r = build(catalog);
            if (CACHE.size() > 64) {
                CACHE.clear(); // a long-lived JVM running many jobs; compiling again is cheap
            }
            CACHE.put(this, r);
        }
        return r;
    }

    private Resolved build(ModelCatalog catalog) {
        ScenarioRunner runner = new ScenarioRunner(catalog);
        Scenario s;
        CompiledModel model;
        switch (kind) {
            case BUILT_IN_SCENARIO:
                s = catalog.scenario(id).orElseThrow(() -> new ScenarioException("unknown built-in scenario '" + id + "'"));
                s = overrides.apply(s);
                return new Resolved(s, runner.model(s));
            case BUILT_IN_MODEL:
                s = overrides.apply(Scenario.ofModel(id));
                return new Resolved(s, runner.model(s));
            case MODEL_TEXT:
                model = ModelCompiler.compile(AntimonyReader.parse(modelText, source));
                s = overrides.apply(new Scenario(id, null, id, null, null, null, null, null, null, null, Map.of(),
                        List.of(), List.of(), List.of(), source, Map.of()));
                return new Resolved(s, model);
            default:
                s = overrides.apply(ScenarioReader.parse(text, source, Path.of(baseDir)));
                model = modelText != null ? ModelCompiler.compile(AntimonyReader.parse(modelText, s.model()))
                        : runner.model(s);
                return new Resolved(s, model);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioRecipe r && kind == r.kind && Objects.equals(id, r.id) && Objects.equals(text, r.text)
                && Objects.equals(source, r.source) && Objects.equals(baseDir, r.baseDir)
                && Objects.equals(modelText, r.modelText) && overrides.equals(r.overrides);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, text, source, baseDir, modelText, overrides);
    }
}
