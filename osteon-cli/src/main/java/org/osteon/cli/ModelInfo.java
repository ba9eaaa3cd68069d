package org.osteon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Variable;
import org.osteon.model.Event;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.SpeciesReference;
import org.osteon.model.expr.ExprFormatter;
import org.osteon.models.BuiltInCatalog;
import org.osteon.report.ModelSummary;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;

/**
 * A scenario's model as a reader sees it: the compiled model, the model as written (for rule
 * texts and metadata; absent for a model built in Java only), and its title and citation.
 */
record ModelInfo(CompiledModel compiled, Model source, String title, String citation, String doi, String description) {

    static ModelInfo of(Scenario s, ScenarioRunner runner) {
        CompiledModel compiled = runner.model(s);
        Model source = source(s, runner.catalog()).orElse(null);
        Texts t = texts(source, runner.catalog(), s.model());
        return new ModelInfo(compiled, source, t.title(), t.citation(), t.doi(), t.description());
    }

    /** What a reader is told about a model, each null when unknown. */
    record Texts(String title, String citation, String doi, String description) {
    }

    /**
     * From the model's own metadata ({@code id is "title"}, {@code id.citation}, {@code id.doi},
     * {@code id.description}); for a built-in model, the catalog entry fills the gaps.
     */
    static Texts texts(Model source, ModelCatalog catalog, String id) {
        Metadata md = source == null ? Metadata.EMPTY : source.metadata();
        Optional<org.osteon.models.BuiltInModel> entry = catalog instanceof BuiltInCatalog b ? b.descriptor(id) : Optional.empty();
        return new Texts(first(md.displayName(), md.attribute("title"), entry.map(e -> e.title()).orElse(null)),
                first(md.attribute("citation"), entry.map(e -> e.citation()).orElse(null)),
                first(md.attribute("doi"), entry.map(e -> e.doi()).orElse(null)),
                first(md.description(), entry.map(e -> e.summary()).orElse(null)));
    }

    /** The model text behind a scenario: its file, or the catalog's parsed copy. */
    static Optional<Model> source(Scenario s, ModelCatalog catalog) {
        String ref = s.model();
        if (ModelFiles.looksLikeModelFile(ref) || ref.contains("/")) {
            Path path = s.baseDir() == null ? Path.of(ref) : s.baseDir().resolve(ref);
            return Optional.of(ModelFiles.read(path));
        }
        return catalog.model(ref);
    }

    String id() {
        return compiled.id();
    }

    /** "title. citation. doi:..." — whichever parts exist, for report descriptions. */
    String reference() {
        List<String> parts = new ArrayList<>();
        if (citation != null) {
            parts.add(citation);
        }
        if (doi != null) {
            parts.add("doi:" + doi);
        }
        return String.join(", ", parts);
    }

    ModelSummary summary() {
        List<String> states = compiled.layout().states().stream().map(Variable::id).toList();
        List<String> params = compiled.layout().parameters().stream().map(Variable::id).toList();
        String ref = reference().isEmpty() ? null : reference();
        return new ModelSummary(id(), title, ref, states, params, rules(), events());
    }

    /** Rules as written: {@code x := f}, {@code x' = f}, and reactions {@code J: A -> B; rate}. */
    List<String> rules() {
        List<String> out = new ArrayList<>();
        if (source == null) {
            return out;
        }
        for (Rule r : source.rules()) {
            out.add(ruleText(r));
        }
        for (Reaction r : source.reactions()) {
            out.add(reactionText(r));
        }
        return out;
    }

    List<String> events() {
        List<String> out = new ArrayList<>();
        if (source != null) {
            source.events().forEach(e -> out.add(eventText(e)));
        }
        return out;
    }

    static String ruleText(Rule r) {
        if (r instanceof Rule.Algebraic) {
            return "0 = " + ExprFormatter.format(r.expression());
        }
        String op = r instanceof Rule.Rate ? "' = " : " := ";
        return r.variable() + op + ExprFormatter.format(r.expression());
    }

    static String reactionText(Reaction r) {
        return r.id() + ": " + side(r.reactants()) + (r.reversible() ? " -> " : " => ") + side(r.products()) + "; "
                + ExprFormatter.format(r.rate());
    }

    private static String side(List<SpeciesReference> refs) {
        return refs.stream().map(x -> (x.stoichiometry() == 1 ? "" : ExprFormatter.number(x.stoichiometry()) + " ") + x.species())
                .collect(Collectors.joining(" + "));
    }

    static String eventText(Event e) {
        StringBuilder sb = new StringBuilder(e.id()).append(": at ");
        if (e.delay() != null) {
            sb.append(ExprFormatter.format(e.delay())).append(" after ");
        }
        sb.append('(').append(ExprFormatter.format(e.trigger())).append("): ");
        sb.append(e.assignments().stream().map(a -> a.variable() + " = " + ExprFormatter.format(a.expression()))
                .collect(Collectors.joining(", ")));
        return sb.toString();
    }

    /** The first non-blank value, stripped, or null. */
    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
