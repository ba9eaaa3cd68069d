package org.osteon.models.pathway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model's pathway as a picture can show it: cells, molecules, drugs, diseases and processes
 * as nodes; produces / binds / activates / inhibits (and, for diseases, involves) as edges, each
 * edge carrying the model term that implements it and the outline sentence it comes from.
 * Nodes also say how a user can act on them (knock out, scale, boost, dose).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pathway(String model, String source, List<Node> nodes, List<Edge> edges) {
    public static final Set<String> EDGE_TYPES = Set.of("produces", "binds", "activates", "inhibits", "involves");
    public static final Set<String> NODE_KINDS = Set.of("cell", "molecule", "receptor", "hormone", "cytokine", "marker",
            "agent", "drug", "process", "disease");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Pathway {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A thing in the picture; {@code symbols} are the model's names for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String id, String label, String kind, List<String> symbols, List<String> outline,
                       List<String> scenarios, Map<String, Control> controls) {
        public Node {
            symbols = symbols == null ? List.of() : List.copyOf(symbols);
            outline = outline == null ? List.of() : List.copyOf(outline);
            scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
            controls = controls == null ? Map.of() : Map.copyOf(controls);
        }
    }

    /**
     * What a user can do to a node: set {@code parameter} to {@code value} (knockout, boost), scale
     * {@code parameter}, or give a dose of {@code amount} into {@code target} (optionally {@code every}, in the
     * model's time unit). For a dose, {@code unit} is the unit of {@code amount} as a clinician gives it
     * ({@code 60 mg}); the dosing layer converts it into the target's own unit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Control(String parameter, Double value, String target, Double amount, Double every, String unit,
                          String label, String note) {
    }

    /** A relation; {@code outline} is the sentence of the source outline it comes from, or null with a {@code basis}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edge(String from, String to, String type, String label, String term, String outline, String basis) {
    }

    /** The pathway shipped with a built-in model, if it has one. */
    public static Optional<Pathway> forModel(String builtInId) {
        try (InputStream in = Pathway.class.getResourceAsStream("/org/osteon/models/" + builtInId + "/pathway.json")) {
            return in == null ? Optional.empty() : Optional.of(JSON.readValue(in, Pathway.class));
        } catch (IOException e) {
            throw new UncheckedIOException("pathway description of " + builtInId + " is unreadable", e);
        }
    }

    /**
     * The picture of a model that has no curated pathway: its {@link ReactionNetwork reactions} if it has
     * any (empty if they are too many to draw), else its {@link InfluenceNetwork rules} (empty if no rule
     * links two of its quantities).
     */
    public static Optional<Pathway> ofModel(org.osteon.model.Model model) {
        if (!model.reactions().isEmpty()) {
            return ReactionNetwork.of(model);
        }
        Pathway p = InfluenceNetwork.of(model);
        return p.nodes().isEmpty() ? Optional.empty() : Optional.of(p);
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Graphviz DOT: shapes by node kind, arrowheads by edge type (inhibition as a flat bar). */
    public String toDot() {
        StringBuilder sb = new StringBuilder("digraph \"" + model + "\" {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (Node n : nodes) {
            sb.append("  \"").append(n.id()).append("\" [label=\"").append(escape(n.label())).append("\", ").append(style(n.kind()))
                    .append("];\n");
        }
        for (Edge e : edges) {
            sb.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\" [").append(arrow(e.type()));
            if (e.label() != null) {
                sb.append(", label=\"").append(escape(e.label())).append('"');
            }
            sb.append("];\n");
        }
        return sb.append("}\n").toString();
    }

    private static String style(String kind) {
        switch (kind) {
            case "cell":
                return "shape=ellipse, style=filled, fillcolor=\"#cfe2f3\"";
            case "drug":
                return "shape=box, style=\"rounded,filled\", fillcolor=\"#d9ead3\"";
            case "disease":
                return "shape=octagon, style=filled, fillcolor=\"#f4cccc\"";
            case "process":
                return "shape=box, style=filled, fillcolor=\"#fff2cc\"";
            default:
                return "shape=box";
        }
    }

    private static String arrow(String type) {
        switch (type) {
            case "inhibits":
                return "arrowhead=tee, color=\"#cc0000\"";
            case "binds":
                return "arrowhead=odiamond, style=dashed";
            case "produces":
                return "arrowhead=vee, style=dotted";
            case "involves":
                return "arrowhead=none, style=dashed, color=\"#999999\"";
            default:
                return "arrowhead=normal, color=\"#006600\"";
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
