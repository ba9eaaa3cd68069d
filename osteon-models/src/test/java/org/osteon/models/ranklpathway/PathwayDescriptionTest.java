package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osteon.compile.Layout;
import org.osteon.models.pathway.Pathway;

/**
 * The pathway description agrees with the model and the source outline: every symbol, control
 * and scenario it names exists; every outline sentence it quotes is in the outline; and every
 * content line of the outline is quoted by some node or edge.
 */
class PathwayDescriptionTest {
    private static final Pathway PATHWAY = Pathway.forModel(RanklPathwayModel.ID).orElseThrow();

    /** The outline's content lines: bullets stripped, page chrome (ratings, polls, page counters) dropped. */
    static List<String> outlineLines() throws IOException {
        try (InputStream in = PathwayDescriptionTest.class.getResourceAsStream("/seed/bone-signaling-rankl.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            boolean inOutline = false;
            for (String raw : text.split("\n")) {
                String line = raw.strip();
                if (line.startsWith("• Introduction")) {
                    inOutline = true;
                }
                if (inOutline && line.matches("\\d+ of \\d+")) {
                    break;
                }
                if (inOutline && line.startsWith("•")) {
                    out.add(line.substring(1).strip());
                }
            }
            return out;
        }
    }

    @Test
    void everySymbolAndControlExistsInTheModel() {
        Layout layout = Outcome.CATALOG.compiled(RanklPathwayModel.ID).orElseThrow().layout();
        for (Pathway.Node n : PATHWAY.nodes()) {
            assertThat(Pathway.NODE_KINDS).as(n.id()).contains(n.kind());
            for (String s : n.symbols()) {
                assertThat(layout.find(s)).as("symbol %s of node %s", s, n.id()).isPresent();
            }
            for (var c : n.controls().entrySet()) {
                Pathway.Control control = c.getValue();
                String name = control.parameter() != null ? control.parameter() : control.target();
                assertThat(layout.find(name)).as("control %s of node %s", c.getKey(), n.id()).isPresent();
            }
            for (String sc : n.scenarios()) {
                assertThat(Outcome.CATALOG.scenario(sc)).as("scenario %s of node %s", sc, n.id()).isPresent();
            }
        }
    }

    @Test
    void edgesConnectNodesAndQuoteTheOutlineOrCiteABasis() throws IOException {
        Set<String> ids = new HashSet<>();
        PATHWAY.nodes().forEach(n -> ids.add(n.id()));
        List<String> outline = outlineLines();
        for (Pathway.Edge e : PATHWAY.edges()) {
            assertThat(ids).as("edge %s -> %s", e.from(), e.to()).contains(e.from(), e.to());
            assertThat(Pathway.EDGE_TYPES).contains(e.type());
            if (e.outline() != null) {
                assertThat(outline).as("outline sentence of %s -> %s", e.from(), e.to()).contains(e.outline());
            } else {
                assertThat(e.basis()).as("basis of %s -> %s", e.from(), e.to()).isNotBlank();
            }
        }
        for (Pathway.Node n : PATHWAY.nodes()) {
            assertThat(outline).as("outline lines of node %s", n.id()).containsAll(n.outline());
        }
    }

    @Test
    void everyLineOfTheOutlineIsRepresented() throws IOException {
        Set<String> quoted = new HashSet<>();
        PATHWAY.nodes().forEach(n -> quoted.addAll(n.outline()));
        PATHWAY.edges().forEach(e -> {
            if (e.outline() != null) {
                quoted.add(e.outline());
            }
        });
        List<String> lines = outlineLines();
        assertThat(lines).hasSizeGreaterThan(50);
        assertThat(lines).allSatisfy(line -> assertThat(quoted).as("outline line not represented: %s", line).contains(line));
    }

    @Test
    void exportsJsonAndDot() {
        assertThat(PATHWAY.toJson()).contains("\"nodes\"", "\"edges\"", "sequesters RANKL");
        assertThat(PATHWAY.toDot()).startsWith("digraph").contains("\"OPG\" -> \"RANKL\"", "arrowhead=tee");
    }
}
