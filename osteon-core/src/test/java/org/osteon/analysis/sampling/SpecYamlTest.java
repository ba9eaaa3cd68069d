package org.osteon.analysis.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.scenario.ScenarioException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The spec reader's primitives: every value kind, its bounds, and each message with its line and column. */
class SpecYamlTest {
    @TempDir
    Path dir;

    private final SpecYaml yaml = new SpecYaml("s.yaml");

    private Map<String, Node> top(String text) {
        return yaml.named(yaml.root(text, "a mapping"), "not used");
    }

    @Test
    void entriesReportUnknownAndNonWordKeys() {
        MappingNode root = yaml.root("seed: 1\nsed: 2\n[a, b]: 3\n", "a mapping");
        Map<String, Node> e = yaml.entries(root, Set.of("seed", "n"));
        assertThat(e).containsOnlyKeys("seed");
        assertThat(yaml.problems()).containsExactly(
                "s.yaml:2:1: unknown key 'sed' (did you mean 'seed'?); expected one of n, seed",
                "s.yaml:3:1: keys must be plain words");
        assertThat(yaml.source()).isEqualTo("s.yaml");
        assertThatThrownBy(yaml::throwIfProblems).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("keys must be plain words");
    }

    @Test
    void namedKeepsOrderAndReportsWhatIsNotAMapping() {
        Map<String, Node> t = top("set: {b: 1, a: 2, [c]: 3}\nlist: [1]\n");
        assertThat(yaml.named(t.get("set"), "'set' must map names").keySet()).containsExactly("b", "a");
        assertThat(yaml.named(t.get("list"), "'list' must map names")).isEmpty();
        assertThat(yaml.named(null, "absent")).isEmpty();
        assertThat(yaml.problems()).containsExactly("s.yaml:1:19: names must be plain words",
                "s.yaml:2:7: 'list' must map names");
    }

    @Test
    void stringsAreTrimmedSingleValues() {
        Map<String, Node> t = top("a: ' word '\nb: [x]\nc: ''\n");
        assertThat(yaml.string(t, "a")).isEqualTo("word");
        assertThat(yaml.string(t, "b")).isNull();
        assertThat(yaml.string(t, "c")).isNull();
        assertThat(yaml.string(t, "absent")).isNull();
        assertThat(yaml.problems()).containsExactly("s.yaml:2:4: 'b' must be a single word or value",
                "s.yaml:3:4: 'c' must be a single word or value");
    }

    @Test
    void numbersIncludeInfinitiesButNotNaNOrHex() {
        Map<String, Node> t = top("a: 2.5e-3\nb: .inf\nc: -Infinity\nd: inf\ne: -.inf\nf: NaN\ng: 0x10\nh: [1]\ni: ten\n");
        assertThat(yaml.number(t, "a")).isEqualTo(2.5e-3);
        assertThat(yaml.number(t, "b")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(yaml.number(t, "c")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(yaml.number(t, "d")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(yaml.number(t, "e")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(yaml.number(t, "f")).isNull();
        assertThat(yaml.number(t, "g")).isNull();
        assertThat(yaml.number(t, "h")).isNull();
        assertThat(yaml.number(t, "i")).isNull();
        assertThat(yaml.number(t, "absent")).isNull();
        assertThat(yaml.problems()).containsExactly("s.yaml:6:4: 'f' must be a number, found 'NaN'",
                "s.yaml:7:4: 'g' must be a number, found '0x10'", "s.yaml:8:4: 'h' must be a number",
                "s.yaml:9:4: 'i' must be a number, found 'ten'");
    }

    @Test
    void wholeNumbersIncludeBothBounds() {
        Map<String, Node> t = top("lo: 2\nhi: 9\nbelow: 1\nabove: 10\nhalf: 2.5\nword: x\n");
        assertThat(yaml.whole(t, "lo", 2, 9)).isEqualTo(2L);
        assertThat(yaml.whole(t, "hi", 2, 9)).isEqualTo(9L);
        assertThat(yaml.whole(t, "below", 2, 9)).isNull();
        assertThat(yaml.whole(t, "above", 2, 9)).isNull();
        assertThat(yaml.whole(t, "half", 2, 9)).isNull();
        assertThat(yaml.whole(t, "word", 2, 9)).isNull();
        assertThat(yaml.whole(t, "absent", 2, 9)).isNull();
        assertThat(yaml.problems()).containsExactly("s.yaml:3:8: 'below' must be a whole number from 2 to 9, found 1.0",
                "s.yaml:4:8: 'above' must be a whole number from 2 to 9, found 10.0",
                "s.yaml:5:7: 'half' must be a whole number from 2 to 9, found 2.5",
                "s.yaml:6:7: 'word' must be a number, found 'x'");
    }

    @Test
    void namesAreAListOrOneCommaSeparatedString() {
        Map<String, Node> t = top("a: 'x, y,, z ,'\nb: [p, ' q ', [r]]\nc: {x: 1}\n");
        assertThat(yaml.names(t.get("a"), "a")).containsExactly("x", "y", "z");
        assertThat(yaml.names(t.get("b"), "b")).containsExactly("p", "q");
        assertThat(yaml.names(t.get("c"), "c")).isEmpty();
        assertThat(yaml.names(null, "d")).isEmpty();
        assertThat(yaml.problems()).containsExactly("s.yaml:2:15: each entry of 'b' must be a name",
                "s.yaml:3:4: 'c' must be a list of names, e.g. c: [OCa, OBa]");
    }

    @Test
    void wherePlacesNodesAndNamesTheSourceAlone() {
        Map<String, Node> t = top("a: 1\n  \nb:   2\n");
        assertThat(yaml.where(t.get("b"))).isEqualTo("s.yaml:3:6: ");
        assertThat(yaml.where(null)).isEqualTo("s.yaml: ");
        yaml.problem(null, "whole file");
        assertThat(yaml.problems()).containsExactly("s.yaml: whole file");
    }

    @Test
    void specFilesOfUpToOneMebibyteAreRead() throws IOException {
        Path exact = dir.resolve("exact.yaml");
        String text = "a: 1\n#" + "x".repeat((1 << 20) - 7) + "\n";
        Files.writeString(exact, text);
        assertThat(Files.size(exact)).isEqualTo(1 << 20);
        assertThat(SpecYaml.readText(exact)).isEqualTo(text);
        Path over = dir.resolve("over.yaml");
        Files.writeString(over, text + " ");
        assertThatThrownBy(() -> SpecYaml.readText(over)).isInstanceOf(ScenarioException.class)
                .hasMessage(over + ": larger than 1 MiB");
        assertThatThrownBy(() -> SpecYaml.readText(dir.resolve("none.yaml"))).isInstanceOf(ScenarioException.class)
                .hasMessage(dir.resolve("none.yaml") + ": file not found");
    }
}
