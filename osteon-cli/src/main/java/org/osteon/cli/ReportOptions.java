package org.osteon.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --report FILE.html}: one self-contained HTML file with everything the command computed. */
final class ReportOptions {
    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report (FILE.html).")
    String report;

    void validate() {
        OutputFiles.requireExtension("--report", report, List.of("html", "htm"));
    }

    boolean wanted() {
        return report != null;
    }
}
