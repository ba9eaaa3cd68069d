package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.osteon.report.Figure;
import org.osteon.report.HtmlReport;
import org.osteon.report.Plots;
import org.osteon.trajectory.AtomicFiles;

/**
 * Writes a command's files: each atomically (never a partial file), none after Ctrl-C, and each
 * announced with one "wrote ..." line. The announcements go to stdout, except when stdout carries
 * the data itself ({@code --out -}): then they go to stderr so that the data stays clean.
 */
final class OutputFiles {
    private final Session session;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean stdoutIsData;

    OutputFiles(Session session, PrintWriter out, PrintWriter err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    /** Marks stdout as carrying data: announcements move to stderr. */
    OutputFiles dataOnStdout(boolean on) {
        stdoutIsData = on;
        return this;
    }

    void write(Path path, AtomicFiles.Content content, String what) throws IOException {
        session.checkCancelled();
        AtomicFiles.write(path, content);
        announce("wrote " + path + (what == null || what.isEmpty() ? "" : " (" + what + ")"));
    }

    void figure(Figure figure, String file) throws IOException {
        session.checkCancelled();
        Path path = Path.of(file);
        if (extension(file).equals("svg")) {
            Plots.writeSvg(figure, path);
        } else {
            Plots.writePng(figure, path);
        }
        announce("wrote " + path + " (" + figure.width() + "x" + figure.height() + " " + extension(file) + ")");
        for (String note : figure.notes()) {
            err.println("note: " + path.getFileName() + ": " + note);
        }
    }

    void report(HtmlReport report, String file) throws IOException {
        session.checkCancelled();
        Path path = Path.of(file);
        report.write(path);
        announce("wrote " + path + " (HTML report)");
    }

    void announce(String line) {
        (stdoutIsData ? err : out).println(line);
    }

    static String extension(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Fails early, naming the option, when a file name has an extension the command cannot write. */
    static void requireExtension(String option, String file, List<String> allowed) {
        if (file == null) {
            return;
        }
        if (file.isBlank()) {
            throw new UserException(option + ": the file name is empty");
        }
        if (!allowed.contains(extension(file))) {
            throw new UserException(option + " " + file + ": unknown file type; use ." + String.join(", .", allowed));
        }
    }

    /** {@code plot.png} becomes {@code plot-OCa.png}: one file per output where one figure per output is drawn. */
    static String withSuffix(String file, String suffix) {
        int dot = file.lastIndexOf('.');
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf(java.io.File.separatorChar));
        String safe = suffix.replaceAll("[^A-Za-z0-9._-]", "_");
        return dot > slash ? file.substring(0, dot) + "-" + safe + file.substring(dot) : file + "-" + safe;
    }
}
