package org.osteon.scenario;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one place where Osteon turns user YAML (scenarios, fit, population and sensitivity specs)
 * into a node tree, with the limits that keep hostile input harmless: no duplicate keys, at most
 * 20 aliases per collection (no "billion laughs"), at most {@link #MAX_CODE_POINTS}, and only
 * composition (nodes, never Java objects). Errors are {@link ScenarioException}s naming the
 * source, line and column.
 */
public final class SafeYaml {
    /** The largest document read, in code points (1 MiB of ASCII). */
    public static final int MAX_CODE_POINTS = 1 << 20;

    private SafeYaml() {
    }

    /**
     * The root mapping of {@code yaml}; invalid YAML is reported as {@code SOURCE:LINE:COLUMN:
     * invalid YAML: ...}, and a document that is not a mapping as {@code SOURCE:1:1: notAMapping}.
     */
    public static MappingNode mapping(String yaml, String source, String notAMapping) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(MAX_CODE_POINTS);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? source + ": " : source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": ";
            throw new ScenarioException(where + "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ScenarioException(source + ": invalid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode map)) {
            throw new ScenarioException(source + ":1:1: " + notAMapping);
        }
        return map;
    }
}
