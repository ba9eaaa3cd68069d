package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly: picocli reports format errors (e.g. a bare '%') as warnings on System.err. */
class HelpTextTest {
    @Test
    void everyHelpTextRendersWithoutWarnings() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(Cli.run("--help").code()).isZero();
            for (String name : new CommandLine(new Osteon(Session.quiet())).getSubcommands().keySet()) {
                Cli r = Cli.run(name, "--help");
                assertThat(r.code()).as(name).isZero();
                assertThat(r.out()).as(name).contains("Usage:");
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }
}
