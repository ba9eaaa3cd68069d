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
        Cli missing = Cli.run("pathway", "--model", "pivonka2008");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no pathway description for model 'pivonka2008'");
    }
}
