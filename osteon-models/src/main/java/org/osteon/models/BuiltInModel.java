package org.osteon.models;

import java.util.List;
import java.util.function.Supplier;
import org.osteon.compile.CompileOptions;

/**
 * A published model shipped with Osteon: its stable id, citation, the Antimony resource that
 * defines it, the Java parts it needs, and the scenarios of its paper.
 *
 * @param resource  class-path resource of the Antimony text
 * @param options   compile options with the model's Java parts (external functions, extensions)
 * @param scenarios class-path resources of its scenario YAML files
 */
public record BuiltInModel(String id, String title, String citation, String doi, String summary, String resource,
                           Supplier<CompileOptions> options, List<String> scenarios) {
    public BuiltInModel {
        scenarios = List.copyOf(scenarios);
    }

    /** A model with no Java parts. */
    public static BuiltInModel text(String id, String title, String citation, String doi, String summary,
                                    List<String> scenarios) {
        return new BuiltInModel(id, title, citation, doi, summary, resourceOf(id), () -> CompileOptions.DEFAULT, scenarios);
    }

    /**
     * The parts of this model implemented in Java, which neither SBML nor Antimony can express:
     * "external function 'f'" and "extension Name (hidden memory and events)"; empty for a model
     * that is text only. Export refuses a model with such parts, naming them.
     */
    public List<String> javaParts() {
        CompileOptions o = options.get();
        List<String> parts = new java.util.ArrayList<>();
        o.functions().keySet().stream().sorted().forEach(f -> parts.add("external function '" + f + "'"));
        o.extensions().forEach(e -> parts.add("extension " + e.getClass().getSimpleName() + " (hidden memory and events)"));
        return List.copyOf(parts);
    }

    /** Conventional resource location: {@code /org/osteon/models/<id>/<id>.ant}. */
    public static String resourceOf(String id) {
        return "/org/osteon/models/" + id + "/" + id + ".ant";
    }

    /** Conventional scenario location: {@code /org/osteon/models/<id>/scenarios/<name>.yaml}. */
    public static String scenarioOf(String id, String name) {
        return "/org/osteon/models/" + id + "/scenarios/" + name + ".yaml";
    }
}
