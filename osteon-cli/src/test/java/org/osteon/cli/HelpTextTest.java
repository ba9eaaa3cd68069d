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

    private static java.util.Map<String, CommandLine> commands() {
        java.util.Map<String, CommandLine> out = new java.util.LinkedHashMap<>(new CommandLine(new Osteon(Session.quiet())).getSubcommands());
        out.remove("help");
        return out;
    }

    /** Issue 13: the command list showed each description's first source line, cut mid-sentence ("... then"). */
    @Test
    void theCommandListShowsEachCommandsFirstWholeSentence() {
        java.util.List<String> lines = Cli.run("--help").out().lines().toList();
        for (java.util.Map.Entry<String, CommandLine> c : commands().entrySet()) {
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("  " + java.util.regex.Pattern.quote(c.getKey()) + " .*")) {
                    at = i;
                }
            }
            assertThat(at).as(c.getKey() + " listed").isGreaterThanOrEqualTo(0);
            StringBuilder summary = new StringBuilder(lines.get(at).substring(2 + c.getKey().length()).strip());
            // continuation lines of the description column are indented past the names
            for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("        ") && !lines.get(i).isBlank(); i++) {
                summary.append(' ').append(lines.get(i).strip());
            }
            String description = String.join(" ", c.getValue().getCommandSpec().usageMessage().description())
                    .replace("%%", "%").replaceAll("\\s+", " ").strip();
            assertThat(summary.toString()).as(c.getKey()).endsWith(".");
            assertThat(description).as(c.getKey()).startsWith(summary.toString());
        }
    }

    /**
     * Issue 13: help lines wrapped mid-phrase (a description written as several source lines was
     * printed line by line, each rewrapped). A paragraph wrapped properly has no line that could
     * have taken the first word of the next.
     */
    @Test
    void descriptionsAreFilledParagraphs() {
        for (String name : commands().keySet()) {
            java.util.List<String> lines = Cli.run(name, "--help").out().lines().toList();
            int i = 1;
            while (i < lines.size() && lines.get(i).startsWith(" ")) {
                i++; // the synopsis' continuation lines
            }
            java.util.List<String> description = new java.util.ArrayList<>();
            for (; i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).startsWith(" "); i++) {
                description.add(lines.get(i));
            }
            assertThat(description).as(name + " has a description").isNotEmpty();
            for (int k = 0; k + 1 < description.size(); k++) {
                String next = description.get(k + 1).strip().split(" ")[0];
                // picocli fills 79 of the 80 columns
                assertThat(description.get(k).length() + 1 + next.length()).as(name + ": '" + description.get(k)
                        + "' could have taken '" + next + "'").isGreaterThan(79);
            }
        }
    }

    @Test
    void oneLineSummariesKeepCitationsWhole() {
        assertThat(ModelsCommand.oneLine("Disuse: sigma33 from -30 to -25 MPa (Scheiner et al. 2013, section 4); porosity rises. "
                + "Bone is lost.")).isEqualTo("Disuse: sigma33 from -30 to -25 MPa (Scheiner et al. 2013, section 4); porosity rises.");
        assertThat(ModelsCommand.oneLine("RANKL knockout; Kong et al. 1999. Next sentence.")).isEqualTo("RANKL knockout; Kong et al. 1999.");
        assertThat(ModelsCommand.oneLine("PTH from day 0 to day 100, then 0. Osteoclasts peak.")).isEqualTo("PTH from day 0 to day 100, then 0.");
    }
}
