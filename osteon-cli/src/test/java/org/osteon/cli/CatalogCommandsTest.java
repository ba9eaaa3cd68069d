package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code osteon models} and {@code osteon scenarios}, with the test catalog standing in for the built-in models. */
class CatalogCommandsTest {
    @Test
    void modelsListsIdTitleAndCitation() {
        Cli r = Cli.run("models");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("ID +TITLE +CITATION")
                .containsPattern("clitest-decay +Exponential decay +Test model, no publication");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void scenariosListsIdModelAndFirstSentence() {
        Cli r = Cli.run("scenarios");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("ID +MODEL +DESCRIPTION")
                .containsPattern("clitest-decay-slow +clitest-decay +Slow decay\\.")
                .doesNotContain("Second sentence");
        Cli filtered = Cli.run("scenarios", "--model", "clitest-decay");
        assertThat(filtered.out()).contains("clitest-decay-slow");
    }

    @Test
    void unknownModelSuggestsTheClosest() {
        Cli r = Cli.run("scenarios", "--model", "clitest-decya");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("osteon: --model clitest-decya: no such built-in model")
                .contains("did you mean 'clitest-decay'?");
    }

    @Test
    void builtInIdsWorkWithRun() {
        Cli r = Cli.run("run", TestCatalog.SCENARIO, "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        // x(2) = 2 exp(-0.25 * 2) with the scenario's k = 0.25 (default tolerances: 1e-6 relative).
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(Double.parseDouble(last.split(",")[1])).isCloseTo(2 * Math.exp(-0.5), org.assertj.core.data.Offset.offset(1e-5));
        Cli typo = Cli.run("run", "clitest-decay-slwo");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean 'clitest-decay-slow'?");
    }
}
