package org.osteon.models.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.osteon.models.BuiltInCatalog;
import org.osteon.models.BuiltInModel;
import org.osteon.models.BuiltInModels;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The pathway picture Osteon draws itself: well-formed XML (parsed with DTDs refused), each node once
 * with its label, no two node boxes overlapping, every edge drawn from its source's box to its
 * target's with the head of its type, hostile text inert, for every built-in model and for random graphs.
 */
class PathwaySvgTest {
    private static final BuiltInCatalog CATALOG = new BuiltInCatalog();
    /** Rounding of coordinates to 0.1 in the SVG, and the stroke around a box. */
    private static final double SLACK = 0.2;

    static Stream<String> builtInModels() {
        return BuiltInModels.all().stream().map(BuiltInModel::id);
    }

    /** The curated pathway, else the model's reactions or rules, as the CLI chooses. */
    static Pathway pathwayOf(String id) {
        return Pathway.forModel(id).or(() -> Pathway.ofModel(CATALOG.model(id).orElseThrow())).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("builtInModels")
    void everyBuiltInModelIsDrawnOrRefusedForItsSize(String id) {
        Pathway p = pathwayOf(id);
        if (p.nodes().size() > PathwaySvg.MAX_NODES) {
            // the 11 x 11 lattice: 121 BMUs' equations are ~1,900 nodes; a picture of them is no use
            assertThat(id).isEqualTo("bmu-lattice-2d");
            assertThatThrownBy(() -> PathwaySvg.render(p)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(p.nodes().size() + " nodes, more than the " + PathwaySvg.MAX_NODES);
            return;
        }
        assertDrawnFaithfully(p, PathwaySvg.render(p));
    }

    @Test
    void theCuratedPathwayKeepsDiseasesInAColumnOfTheirOwnOnTheRight() {
        Pathway p = Pathway.forModel("rankl-pathway").orElseThrow();
        Map<String, double[]> boxes = boxes(parse(PathwaySvg.render(p)));
        double rightmostOther = p.nodes().stream().filter(n -> !n.kind().equals("disease"))
                .mapToDouble(n -> boxes.get(n.id())[2]).max().orElseThrow();
        p.nodes().stream().filter(n -> n.kind().equals("disease"))
                .forEach(n -> assertThat(boxes.get(n.id())[0]).as(n.id()).isGreaterThan(rightmostOther));
    }

    @Test
    void aModelOfEquationsIsDrawnFromWhichQuantityAppearsInWhichRule() {
        Pathway p = pathwayOf("pivonka2008");
        assertThat(p.source()).isEqualTo(InfluenceNetwork.SOURCE);
        // OCa' = D_OCp*pi_act_OCp - ...: the RANKL-RANK activation of precursors drives active osteoclasts
        assertThat(p.edges()).anySatisfy(e -> {
            assertThat(e.from()).isEqualTo("pi_act_OCp");
            assertThat(e.to()).isEqualTo("OCa");
            assertThat(e.type()).isEqualTo("influences");
        });
        assertThat(p.edges()).noneMatch(e -> e.from().equals(e.to()));
        assertThat(p.node("OCa").orElseThrow().label()).isEqualTo("active osteoclasts (OCa)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "a & b \"quoted\" 'single' > c", "]]><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
            "nul \u0000 bell \u0007 lone \ud800 surrogate", "<!-- comment -->"})
    void hostileTextIsInert(String hostile) {
        Pathway p = new Pathway("m<b>" + hostile, hostile, List.of(
                new Pathway.Node("a", hostile, "cell", List.of(hostile), List.of(hostile), null, null),
                new Pathway.Node("b\"><script>x</script>", "B", hostile, null, null, null, null)),
                List.of(new Pathway.Edge("a", "b\"><script>x</script>", hostile, hostile, hostile, hostile, hostile)));
        String svg = PathwaySvg.render(p);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(svg).doesNotContain("<script").doesNotContain("<!DOCTYPE").doesNotContain("<!--");
        Element a = nodeGroups(doc).get("a");
        assertThat(a.getAttribute("aria-label")).isEqualTo(sanitised(hostile));
        assertDrawnFaithfully(p, svg);
    }

    @Test
    void randomGraphsWithCyclesSelfLoopsAndParallelEdgesAreDrawnFaithfully() {
        Random random = new Random(13);
        String[] kinds = {"cell", "molecule", "drug", "disease", "process", "hormone", "made-up"};
        String[] types = {"activates", "inhibits", "binds", "produces", "involves", "modifies", "influences", "other"};
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(40);
            List<Pathway.Node> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String label = "node " + i + " " + "x".repeat(random.nextInt(30));
                nodes.add(new Pathway.Node("n" + i, label, kinds[random.nextInt(kinds.length)], null, null, null, null));
            }
            List<Pathway.Edge> edges = new ArrayList<>();
            int m = random.nextInt(3 * n + 1);
            for (int k = 0; k < m; k++) {
                edges.add(new Pathway.Edge("n" + random.nextInt(n), "n" + random.nextInt(n), types[random.nextInt(types.length)],
                        null, null, null, null));
            }
            Pathway p = new Pathway("random" + trial, "seeded graph", nodes, edges);
            assertDrawnFaithfully(p, PathwaySvg.render(p));
        }
    }

    @Test
    void theSamePathwayGivesTheSameBytes() {
        Pathway p = Pathway.forModel("rankl-pathway").orElseThrow();
        assertThat(PathwaySvg.render(p)).isEqualTo(PathwaySvg.render(p));
    }

    @Test
    void anEdgeToAMissingNodeIsRefused() {
        Pathway p = new Pathway("m", "s", List.of(new Pathway.Node("a", "A", "cell", null, null, null, null)),
                List.of(new Pathway.Edge("a", "zz", "activates", null, null, null, null)));
        assertThatThrownBy(() -> PathwaySvg.render(p)).hasMessageContaining("a -> zz").hasMessageContaining("names a node it does not have");
    }

    /** Each node exactly once with its label; boxes apart; each edge from its source box to its target box. */
    static void assertDrawnFaithfully(Pathway p, String svg) {
        Document doc = parse(svg);
        Map<String, Element> groups = nodeGroups(doc);
        assertThat(groups.keySet()).containsExactlyInAnyOrderElementsOf(p.nodes().stream().map(n -> sanitised(n.id())).toList());
        for (Pathway.Node n : p.nodes()) {
            Element g = groups.get(sanitised(n.id()));
            String label = sanitised(n.label());
            assertThat(g.getAttribute("aria-label")).isEqualTo(label);
            NodeList texts = g.getElementsByTagNameNS("*", "text");
            assertThat(texts.getLength()).isEqualTo(1);
            assertThat(texts.item(0).getTextContent().replaceAll("\\s", "")).as(n.id()).isEqualTo(label.replaceAll("\\s", ""));
        }
        Map<String, double[]> boxes = boxes(doc);
        List<String> ids = new ArrayList<>(boxes.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double[] a = boxes.get(ids.get(i));
                double[] b = boxes.get(ids.get(j));
                boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assertThat(overlap).as("%s %s and %s %s overlap in %s", ids.get(i), java.util.Arrays.toString(a), ids.get(j),
                        java.util.Arrays.toString(b), p.model()).isFalse();
            }
        }
        NodeList all = doc.getElementsByTagNameNS("*", "g");
        List<Element> edges = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (g.getAttribute("class").startsWith("edge ")) {
                edges.add(g);
            }
        }
        assertThat(edges).hasSize(p.edges().size());
        for (int i = 0; i < edges.size(); i++) {
            Pathway.Edge e = p.edges().get(i);
            Element g = edges.get(i);
            assertThat(g.getAttribute("data-from")).isEqualTo(sanitised(e.from()));
            assertThat(g.getAttribute("data-to")).isEqualTo(sanitised(e.to()));
            assertThat(g.getAttribute("data-type")).isEqualTo(sanitised(e.type()));
            Element path = (Element) g.getElementsByTagNameNS("*", "path").item(0);
            double[][] ends = ends(path.getAttribute("d"));
            assertThat(inside(ends[0], boxes.get(sanitised(e.from())))).as("edge %d starts at its source box", i).isTrue();
            assertThat(inside(ends[1], boxes.get(sanitised(e.to())))).as("edge %d ends at its target box", i).isTrue();
            if (!e.type().equals("involves")) {
                assertThat(path.getAttribute("marker-end")).as("edge %d has a head", i).startsWith("url(#head-");
            }
        }
    }

    /** What the SVG holds for a text: characters XML cannot carry become U+FFFD. */
    static String sanitised(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            out.appendCodePoint(ok ? c : 0xFFFD);
        });
        return out.toString();
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML (DTDs refused): " + e.getMessage(), e);
        }
    }

    static Map<String, Element> nodeGroups(Document doc) {
        Map<String, Element> out = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (g.getAttribute("class").startsWith("node ")) {
                assertThat(out.put(g.getAttribute("data-id"), g)).as("node %s drawn once", g.getAttribute("data-id")).isNull();
            }
        }
        return out;
    }

    /** Each node's drawn shape as {left, top, right, bottom}, from the shape's own attributes. */
    static Map<String, double[]> boxes(Document doc) {
        Map<String, double[]> out = new HashMap<>();
        for (Map.Entry<String, Element> e : nodeGroups(doc).entrySet()) {
            Element shape = (Element) e.getValue().getElementsByTagNameNS("*", "*").item(1); // after the <title>
            out.put(e.getKey(), bounds(shape));
        }
        return out;
    }

    private static double[] bounds(Element s) {
        switch (s.getLocalName()) {
            case "rect": {
                double x = d(s, "x");
                double y = d(s, "y");
                return new double[] {x, y, x + d(s, "width"), y + d(s, "height")};
            }
            case "ellipse": {
                double cx = d(s, "cx");
                double cy = d(s, "cy");
                return new double[] {cx - d(s, "rx"), cy - d(s, "ry"), cx + d(s, "rx"), cy + d(s, "ry")};
            }
            case "polygon": {
                double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                for (String pt : s.getAttribute("points").trim().split("\\s+")) {
                    String[] xy = pt.split(",");
                    double x = Double.parseDouble(xy[0]);
                    double y = Double.parseDouble(xy[1]);
                    b = new double[] {Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)};
                }
                return b;
            }
            default:
                throw new AssertionError("unexpected node shape " + s.getLocalName());
        }
    }

    private static double d(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** The first and last point of a path made of M, C and L commands with absolute coordinates. */
    private static double[][] ends(String d) {
        String[] numbers = d.replaceAll("[MCL]", " ").replace(',', ' ').trim().split("\\s+");
        int k = numbers.length;
        return new double[][] {{Double.parseDouble(numbers[0]), Double.parseDouble(numbers[1])},
                {Double.parseDouble(numbers[k - 2]), Double.parseDouble(numbers[k - 1])}};
    }

    private static boolean inside(double[] p, double[] box) {
        return p[0] >= box[0] - SLACK && p[0] <= box[2] + SLACK && p[1] >= box[1] - SLACK && p[1] <= box[3] + SLACK;
    }
}
