package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code osteon explain} and {@code osteon pathway} through the real entry point. */
class ExplainPathwayCommandTest {
    @Test
    void explainRanksTheMechanismsOfARun() throws Exception {
        Cli text = Cli.run("explain", "rankl-pathway-menopause", "--at", "365,1825");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("bone volume BV: 0.2000 ->", "RANKL/OPG:", "f_E_RANKL", "estrogen deficiency raising RANKL expression");
        Cli json = Cli.run("explain", "rankl-pathway-menopause", "--at", "365", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("groups")).hasSize(4);
        assertThat(root.get("groups").get(0).get("name").asText()).isEqualTo("bone");
    }

    /**
     * Issue 13: "F_OCapo +29 % raises: osteoclast apoptosis" read backwards. A factor that divides the
     * osteoclast count and raised it by 29 % fell; osteoclasts multiply resorption, which bone loses.
     */
    @Test
    void explainSaysWhatChangedAndWhichWayBoneMoved() {
        org.osteon.explain.Term resorption = new org.osteon.explain.Term("bone", '-', "resorption", "bone resorption");
        org.osteon.explain.Term formation = new org.osteon.explain.Term("bone", '+', "formation", "bone formation");
        org.osteon.explain.Term oca = new org.osteon.explain.Term("resorption", 'x', "OCa", "number of active osteoclasts");
        org.osteon.explain.Term apoptosis = new org.osteon.explain.Term("osteoclasts", '/', "F_OCapo", "osteoclast apoptosis");
        org.osteon.explain.Term precursors = new org.osteon.explain.Term("osteoclasts", 'x', "OCp", "precursor pool");
        double up = Math.log(1.29);
        org.osteon.explain.Explanation.Effect moreResorption = new org.osteon.explain.Explanation.Effect(resorption, new double[] {-0.01}, -0.01);
        org.osteon.explain.Explanation.Effect lessFormation = new org.osteon.explain.Explanation.Effect(formation, new double[] {-0.01}, -0.01);
        org.osteon.explain.Explanation.Effect lessApoptosis = new org.osteon.explain.Explanation.Effect(apoptosis, new double[] {up}, up);
        org.osteon.explain.Explanation.Effect fewerPrecursors = new org.osteon.explain.Explanation.Effect(precursors, new double[] {-up}, -up);
        org.osteon.explain.Explanation.Group bone = new org.osteon.explain.Explanation.Group("bone", true, "BV", new double[] {-0.02},
                java.util.List.of(moreResorption, lessFormation));
        org.osteon.explain.Explanation.Group res = new org.osteon.explain.Explanation.Group("resorption", false, "resorption",
                new double[] {up}, java.util.List.of(new org.osteon.explain.Explanation.Effect(oca, new double[] {up}, up)));
        org.osteon.explain.Explanation.Group ocs = new org.osteon.explain.Explanation.Group("osteoclasts", false, "OCa",
                new double[] {0}, java.util.List.of(lessApoptosis, fewerPrecursors));
        org.osteon.explain.Explanation ex = new org.osteon.explain.Explanation("s", "day", new double[] {10}, java.util.List.of(bone, res, ocs));

        assertThat(ExplainCommand.meaning(lessApoptosis, ocs, ex))
                .isEqualTo("osteoclast apoptosis: F_OCapo fell, raising osteoclasts, towards bone loss");
        assertThat(ExplainCommand.meaning(fewerPrecursors, ocs, ex))
                .isEqualTo("precursor pool: OCp fell, lowering osteoclasts, towards bone gain");
        // More resorption removes bone: its rate is above baseline.
        assertThat(ExplainCommand.meaning(moreResorption, bone, ex)).isEqualTo("bone resorption: rate above baseline, removing bone");
        assertThat(ExplainCommand.meaning(lessFormation, bone, ex)).isEqualTo("bone formation: rate below baseline, removing bone");
    }

    @Test
    void explainUserErrors() {
        assertThat(Cli.run("explain", "rankl-pathway-menopause", "--at", "99999").code()).isEqualTo(2);
        assertThat(Cli.run("explain", "rankl-pathway-menopause", "--format", "xml").code()).isEqualTo(2);
        Cli unknown = Cli.run("explain", "rankl-pathway-menopaus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("did you mean 'rankl-pathway-menopause'");
    }

    @Test
    void pathwayAsJsonAndDot() throws Exception {
        Cli json = Cli.run("pathway");
        assertThat(json.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("nodes").size()).isGreaterThan(30);
        assertThat(root.get("edges").size()).isGreaterThan(50);
        Cli dot = Cli.run("pathway", "--format", "dot");
        assertThat(dot.out()).startsWith("digraph").contains("arrowhead=tee");
        // a model without a curated pathway is drawn from its equations (it was refused before issue 13)
        Cli equations = Cli.run("pathway", "--model", "pivonka2008");
        assertThat(equations.code()).isZero();
        assertThat(new ObjectMapper().readTree(equations.out()).get("source").asText()).startsWith("the rules of the model");
        Cli unknown = Cli.run("pathway", "--model", "pivonka2009");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no model 'pivonka2009'").contains("did you mean 'pivonka2008'").doesNotContain("\tat ");
        Cli format = Cli.run("pathway", "--format", "png");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("unknown --format 'png': use json, dot or svg");
    }

    @Test
    void pathwayAsSvgDrawnByOsteonItself() {
        Cli svg = Cli.run("pathway", "--format", "svg");
        assertThat(svg.code()).isZero();
        // the drawing itself is tested in osteon-models (PathwaySvgTest); here: what the command prints
        org.osteon.models.pathway.Pathway curated = org.osteon.models.pathway.Pathway.forModel("rankl-pathway").orElseThrow();
        org.w3c.dom.Document doc = xmlWithoutDtds(svg.out());
        int nodes = 0;
        int edges = 0;
        org.w3c.dom.NodeList groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            String cls = ((org.w3c.dom.Element) groups.item(i)).getAttribute("class");
            nodes += cls.startsWith("node ") ? 1 : 0;
            edges += cls.startsWith("edge ") ? 1 : 0;
        }
        assertThat(nodes).isEqualTo(curated.nodes().size());
        assertThat(edges).isEqualTo(curated.edges().size());
        Cli file = Cli.run("pathway", "--format", "svg", "--model", "../examples/pivonka2008.ant");
        if (java.nio.file.Files.exists(java.nio.file.Path.of("../examples/pivonka2008.ant"))) {
            assertThat(file.code()).as(file.err()).isZero();
            assertThat(file.out()).startsWith("<?xml").contains("Pathway of pivonka2008");
        }
        Cli tooBig = Cli.run("pathway", "--format", "svg", "--model", "bmu-lattice-2d");
        assertThat(tooBig.code()).isEqualTo(2);
        assertThat(tooBig.err()).contains("more than the 400 a picture can show readably; use --format dot or json")
                .doesNotContain("\tat ");
    }

    static org.w3c.dom.Document xmlWithoutDtds(String xml) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML (DTDs refused): " + e.getMessage(), e);
        }
    }
}
