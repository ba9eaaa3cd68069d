package org.osteon.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.ModelSymbol;
import org.osteon.models.BuiltInCatalog;
import org.osteon.models.BuiltInModel;
import org.osteon.models.pathway.Pathway;
import org.osteon.models.pathway.ReactionNetwork;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.simulation.InitialConditions;

/** The built-in models and scenarios as the API shows them; built once per model and cached. */
final class ModelJson {
    private final ModelCatalog catalog;
    private final ObjectMapper mapper;
    private final Map<String, ObjectNode> details = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> summaries = new ConcurrentHashMap<>();

    ModelJson(ModelCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** id, title, citation, doi, summary and counts. */
    ObjectNode summary(String id) {
        return cached(summaries, id, this::buildSummary);
    }

    /** Everything about one model: states, parameters with sources, outputs, scenarios, the pathway. */
    Optional<ObjectNode> detail(String id) {
        if (catalog.model(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cached(details, id, this::buildDetail));
    }

    /** Built-in models are described once; uploaded ones each time (they come and go, and are few). */
    private ObjectNode cached(Map<String, ObjectNode> cache, String id, java.util.function.Function<String, ObjectNode> build) {
        if (!catalog.modelIds().contains(id)) {
            return build.apply(id);
        }
        return cache.computeIfAbsent(id, build).deepCopy();
    }

    private ObjectNode buildSummary(String id) {
        ObjectNode o = header(id);
        Layout layout = catalog.compiled(id).orElseThrow().layout();
        o.put("states", layout.stateCount());
        o.put("parameters", layout.parameterCount());
        o.put("outputs", layout.outputCount());
        o.put("scenarios", scenarioCount(id));
        o.put("hasPathway", pathway(id).isPresent());
        return o;
    }

    /** The curated pathway of a built-in model, else the reaction network of an uploaded one that has reactions. */
    private Optional<Pathway> pathway(String id) {
        if (catalog.modelIds().contains(id)) {
            return Pathway.forModel(id);
        }
        return catalog.model(id).flatMap(ReactionNetwork::of);
    }

    private ObjectNode buildDetail(String id) {
        CompiledModel compiled = catalog.compiled(id).orElseThrow();
        Model source = catalog.model(id).orElse(null);
        Layout layout = compiled.layout();
        InitialConditions init = InitialConditions.prepare(compiled, Map.of(), 0);
        ObjectNode o = header(id);
        o.put("timeUnit", compiled.timeUnit());
        ArrayNode states = o.putArray("states");
        for (int i = 0; i < layout.stateCount(); i++) {
            entry(states.addObject(), layout.states().get(i), source).put("initial", init.state()[i]);
        }
        ArrayNode params = o.putArray("parameters");
        for (int k = 0; k < layout.parameterCount(); k++) {
            Variable v = layout.parameters().get(k);
            ObjectNode p = entry(params.addObject(), v, source);
            number(p, "value", init.parameters()[k]);
            p.put("constant", v.constant());
        }
        ArrayNode outputs = o.putArray("outputs");
        for (Variable v : layout.outputs()) {
            entry(outputs.addObject(), v, source).put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode scenarios = o.putArray("scenarios");
        for (String sid : catalog.scenarioIds()) {
            catalog.scenario(sid).filter(s -> id.equals(s.model())).ifPresent(s -> scenarios.add(sid));
        }
        pathway(id).ifPresent(p -> o.set("pathway", mapper.valueToTree(p)));
        return o;
    }

    /** A built-in scenario: id, model, description and the scenario itself. */
    ObjectNode scenario(String id, Scenario s) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", id);
        o.put("model", s.model());
        o.put("description", s.description() == null ? "" : s.description().strip().replaceAll("\\s+", " "));
        o.set("scenario", ScenarioJson.write(s));
        return o;
    }

    private long scenarioCount(String id) {
        return catalog.scenarioIds().stream().filter(sid -> catalog.scenario(sid).map(s -> id.equals(s.model())).orElse(false))
                .count();
    }

    private ObjectNode header(String id) {
        Model source = catalog.model(id).orElse(null);
        Metadata md = source == null ? Metadata.EMPTY : source.metadata();
        Optional<BuiltInModel> entry = builtIn(catalog).flatMap(b -> b.descriptor(id));
        ObjectNode o = mapper.createObjectNode();
        o.put("id", id);
        o.put("title", first(md.displayName(), md.attribute("title"), entry.map(BuiltInModel::title).orElse(null), id));
        o.put("citation", first(md.attribute("citation"), entry.map(BuiltInModel::citation).orElse(null)));
        o.put("doi", first(md.attribute("doi"), entry.map(BuiltInModel::doi).orElse(null)));
        o.put("summary", first(md.description(), entry.map(BuiltInModel::summary).orElse(null)));
        return o;
    }

    /** The catalog of built-in models behind {@code catalog}, if it is one. */
    static Optional<BuiltInCatalog> builtIn(ModelCatalog catalog) {
        ModelCatalog c = catalog instanceof WebCatalog w ? w.builtIn() : catalog;
        return c instanceof BuiltInCatalog b ? Optional.of(b) : Optional.empty();
    }

    private static ObjectNode entry(ObjectNode o, Variable v, Model source) {
        Metadata md = source == null ? Metadata.EMPTY
                : source.symbol(v.id()).map(ModelSymbol::metadata).orElse(Metadata.EMPTY);
        o.put("id", v.id());
        o.put("name", v.displayName());
        o.put("unit", v.unit());
        o.put("description", v.description() != null ? v.description() : md.description());
        o.put("source", md.source());
        o.put("note", md.attribute(Metadata.NOTE));
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip().replaceAll("\\s+", " ");
            }
        }
        return null;
    }
}
