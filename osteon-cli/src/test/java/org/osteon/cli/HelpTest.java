package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with its usage and exit code 0. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"models", "scenarios", "describe", "run", "steady", "compare", "scan", "sensitivity", "validate"})
    void helpForEveryCommand(String command) {
        Cli r = Cli.run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: osteon " + command);
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    void topLevelHelpListsTheCommands(String arg) {
        Cli r = Cli.run(arg);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("models", "scenarios", "describe", "run", "steady", "compare", "scan", "sensitivity", "validate");
    }

    @org.junit.jupiter.api.Test
    void unknownCommandSuggests() {
        Cli r = Cli.run("sacn");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("scan");
    }
}
