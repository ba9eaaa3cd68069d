package org.osteon.analysis.sampling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osteon.scenario.SafeYaml;
import org.osteon.scenario.ScenarioException;
import org.osteon.util.Suggestions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading an analysis spec (population, sensitivity design) from YAML with every problem named by
 * file, line and column and all problems reported together, on SnakeYAML's node tree as
 * {@code ScenarioReader} does. One instance reads one file.
 */
public final class SpecYaml {
    private static final long MAX_BYTES = 1 << 20;

    private final String source;
    private final List<String> problems = new ArrayList<>();

    public SpecYaml(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** The text of a spec file (at most 1 MiB), or a {@link ScenarioException} naming it. */
    public static String readText(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ScenarioException(file + ": file not found");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ScenarioException(file + ": larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The root mapping of {@code yaml}; invalid YAML or a non-mapping is thrown at once. */
    public MappingNode root(String yaml, String expected) {
        return SafeYaml.mapping(yaml, source, expected);
    }

    public void problem(Node at, String message) {
        problems.add(where(at) + message);
    }

    public List<String> problems() {
        return problems;
    }

    /** Throws all problems found so far, if any. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    public String where(Node n) {
        if (n == null) {
            return source + ": ";
        }
        Mark m = n.getStartMark();
        return m == null ? source + ": " : source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": ";
    }

    /** The entries of a mapping by key, reporting unknown (with a suggestion) and duplicate keys. */
    public Map<String, Node> entries(MappingNode map, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), "keys must be plain words");
                continue;
            }
            String key = k.getValue();
            if (!allowed.contains(key)) {
                problem(k, "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed) + "; expected one of "
                        + String.join(", ", new TreeSet<>(allowed)));
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    /** The entries of a mapping whose keys are names (model symbols, covariates), in order. */
    public Map<String, Node> named(Node node, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problem(node, what);
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.put(k.getValue(), t.getValueNode());
            } else {
                problem(t.getKeyNode(), "names must be plain words");
            }
        }
        return out;
    }

    public String string(Map<String, Node> e, String key) {
        Node n = e.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
            return s.getValue().trim();
        }
        problem(n, "'" + key + "' must be a single word or value");
        return null;
    }

    public Double number(Map<String, Node> e, String key) {
        Node n = e.get(key);
        return n == null ? null : number(n, key);
    }

    public Double number(Node n, String key) {
        if (!(n instanceof ScalarNode s)) {
            problem(n, "'" + key + "' must be a number");
            return null;
        }
        String text = s.getValue().trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(".inf") || lower.equals("inf") || lower.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("-.inf") || lower.equals("-inf") || lower.equals("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v) || lower.contains("x")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException ex) {
            problem(n, "'" + key + "' must be a number, found '" + text + "'");
            return null;
        }
    }

    /** A whole number in [min, max], or null (reported) when it is not one. */
    public Long whole(Map<String, Node> e, String key, long min, long max) {
        Double v = number(e, key);
        if (v == null) {
            return null;
        }
        if (v != Math.rint(v) || v < min || v > max) {
            problem(e.get(key), "'" + key + "' must be a whole number from " + min + " to " + max + ", found " + v);
            return null;
        }
        return v.longValue();
    }

    /** A list of names, written as a YAML list or as one comma-separated string. */
    public List<String> names(Node node, String key) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node instanceof ScalarNode s) {
            for (String part : s.getValue().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, "'" + key + "' must be a list of names, e.g. " + key + ": [OCa, OBa]");
            return out;
        }
        for (Node n : seq.getValue()) {
            if (n instanceof ScalarNode s) {
                out.add(s.getValue().trim());
            } else {
                problem(n, "each entry of '" + key + "' must be a name");
            }
        }
        return out;
    }

    /** A square matrix of numbers written as a list of rows, or null (reported). */
    public double[][] matrix(Node node, String key, int size) {
        if (!(node instanceof SequenceNode rows) || rows.getValue().size() != size) {
            problem(node, "'" + key + "' must be a list of " + size + " rows of " + size + " numbers");
            return null;
        }
        double[][] m = new double[size][size];
        for (int i = 0; i < size; i++) {
            Node row = rows.getValue().get(i);
            if (!(row instanceof SequenceNode cells) || cells.getValue().size() != size) {
                problem(row, "row " + (i + 1) + " of '" + key + "' must have " + size + " numbers");
                return null;
            }
            for (int j = 0; j < size; j++) {
                Double v = number(cells.getValue().get(j), key);
                if (v == null) {
                    return null;
                }
                m[i][j] = v;
            }
        }
        return m;
    }
}
