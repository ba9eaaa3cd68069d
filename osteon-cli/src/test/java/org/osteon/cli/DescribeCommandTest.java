package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DescribeCommandTest {
    @Test
    void textListsStatesParametersRulesAndSteadyState() {
        Cli r = Cli.run("describe", TestFiles.example("pivonka2008.ant"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("pivonka2008\n")
                .contains("Citation: Pivonka P et al. (2008)", "doi:10.1016/j.bone.2008.03.025")
                .containsPattern("OBa +5\\.58393e-04 +pM +active osteoblasts")
                .containsPattern("K_D8 +4\\.45745 +pM")
                .contains("OBp' = D_OBu * pi_act_OBu - D_OBp * OBp * pi_rep_OBp + I_OBp")
                .contains("PTH := (beta_PTH + I_P) / D_PTH")
                // Eigenvalues as osteon steady computes them (spec section 3: a stable focus).
                .contains("Steady state", "Stability: stable, damped oscillation", "EIGENVALUE", "-0.0924931");
    }

    /** Issue 13: describe says when the time unit is assumed (no time_unit in the model) rather than declared. */
    @Test
    void anAssumedTimeUnitIsSaidToBeAssumed() throws Exception {
        Cli assumed = Cli.run("describe", TestFiles.res("decay.ant"));
        assertThat(assumed.out()).contains("Time unit: day (assumed: the model declares no time_unit).");
        Cli declared = Cli.run("describe", TestFiles.example("pivonka2008.ant"));
        assertThat(declared.out()).contains("Time unit: day.").doesNotContain("assumed");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Cli.run("describe", TestFiles.res("decay.ant"), "--format", "json").out());
        assertThat(json.get("timeUnitDeclared").asBoolean()).isFalse();
    }

    @Test
    void parameterDescriptionAndSourceFromTheModelText() {
        Cli r = Cli.run("describe", TestFiles.res("decay.ant"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("k +0\\.5 +per_day +decay rate +chosen for the tests")
                .contains("Exponential decay for command-line tests.")
                .contains("half_life := ln(2) / k");
    }

    @Test
    void markdownHasHeadingsAndTables() {
        Cli r = Cli.run("describe", TestFiles.res("decay.ant"), "--format", "markdown");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# decay\n").contains("## Parameters", "| ID | VALUE | UNIT | DESCRIPTION | SOURCE |",
                "| k | 0.5 | per_day | decay rate | chosen for the tests |", "- `x' = -k * x`");
    }

    @Test
    void markdownEscapesHtmlAndLinksFromModelMetadata(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Metadata is plain text: in Markdown it must not become HTML, a link or emphasis (issue 13: <script> was echoed raw).
        java.nio.file.Path m = java.nio.file.Files.writeString(dir.resolve("evil.ant"), "model evil\n"
                + "  k = 1\n  k.description = \"<script>alert(1)</script> [x](javascript:alert(2)) *b* a|b & c\"\n"
                + "  k.source = \"<img src=x onerror=alert(3)>\"\n"
                + "  x' = -k*x\n  x = 1\n  x is \"<b>bold</b>\"\n"
                + "  evil.description = \"<iframe src=//evil></iframe>\"\nend\n");
        Cli r = Cli.run("describe", m.toString(), "--format", "markdown");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("<script>", "<img", "<b>", "<iframe").doesNotContainPattern("[^\\\\]\\]\\(javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "\\[x\\](javascript:alert(2))", "\\*b\\*", "a\\|b &amp; c",
                        "&lt;iframe src=//evil&gt;&lt;/iframe&gt;", "&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void jsonParsesAndCarriesTheNumbers() throws Exception {
        Cli r = Cli.run("describe", TestFiles.example("pivonka2008.ant"), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("id").asText()).isEqualTo("pivonka2008");
        assertThat(j.get("states").get(1).get("id").asText()).isEqualTo("OBa");
        assertThat(j.get("states").get(1).get("initial").asDouble()).isEqualTo(5.583931899482344e-4);
        assertThat(j.get("parameters")).hasSize(32);
        JsonNode ss = j.get("steadyState");
        assertThat(ss.get("found").asBoolean()).isTrue();
        // Spec section 3: OBa = 5.583931899642794e-4 pM at steady state (tolerance: the solver's residual).
        assertThat(ss.get("state").get("OBa").asDouble()).isCloseTo(5.583931899642794e-4, within(1e-15));
        assertThat(ss.get("eigenvalues")).hasSize(3);
        assertThat(ss.get("stability").asText()).startsWith("stable");
    }

    @Test
    void scenarioValuesAndBuiltInIds() throws Exception {
        Cli r = Cli.run("describe", TestCatalog.SCENARIO, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("title").asText()).isEqualTo("Exponential decay");
        assertThat(j.get("doi").asText()).isEqualTo("10.0000/test");
        assertThat(j.get("scenario").asText()).isEqualTo("clitest-decay-slow");
        assertThat(j.get("parameters").get(0).get("value").asDouble()).isEqualTo(0.25); // the scenario's set: k = 0.25
    }

    @Test
    void aMissingSteadyStateIsReportedNotFatal() throws Exception {
        Cli r = Cli.run("describe", TestFiles.res("drift.ant"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Steady state").contains("Not found: ");
        JsonNode j = new ObjectMapper().readTree(Cli.run("describe", TestFiles.res("drift.ant"), "--format", "json").out());
        assertThat(j.get("steadyState").get("found").asBoolean()).isFalse();
        assertThat(j.get("steadyState").get("error").asText()).isNotBlank();
    }

    @Test
    void badInput() {
        Cli unknown = Cli.run("describe", "clitest-dekay");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("did you mean 'clitest-decay'?");
        Cli format = Cli.run("describe", TestFiles.res("decay.ant"), "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format xml");
    }
}
