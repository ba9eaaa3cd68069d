package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteon.report.Figure;
import org.osteon.report.HtmlReport;
import org.osteon.report.Plots;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.Scenario;
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
    private final List<InputFile> inputs;
    private boolean stdoutIsData;

    /** A file the command reads; no output may replace it. */
    record InputFile(Path path, String role) {
    }

    /**
     * @param inputs the scenarios the command read: their files and model files are never
     *               overwritten by an output
     */
    OutputFiles(Session session, PrintWriter out, PrintWriter err, List<Scenario> inputs) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.inputs = inputs.stream().flatMap(s -> inputFiles(s).stream()).toList();
    }

    /** The scenario file (if the scenario came from one) and the model file (if it names one). */
    static List<InputFile> inputFiles(Scenario s) {
        List<InputFile> files = new ArrayList<>();
        if (s.source() != null && Files.isRegularFile(Path.of(s.source()))) {
            files.add(new InputFile(Path.of(s.source()), ModelFiles.looksLikeModelFile(s.source()) ? "model file" : "scenario file"));
        }
        String ref = s.model();
        if (ref != null && (ModelFiles.looksLikeModelFile(ref) || ref.contains("/"))) {
            files.add(new InputFile(s.baseDir() == null ? Path.of(ref) : s.baseDir().resolve(ref), "model file"));
        }
        return files;
    }

    /**
     * The checks every output goes through before the writer: it must not be one of the inputs,
     * and a missing directory is created and said so.
     */
    private void prepare(Path path) throws IOException {
        session.checkCancelled();
        for (InputFile input : inputs) {
            if (sameFile(path, input.path())) {
                throw new UserException(path + ": is an input of this command (the " + input.role()
                        + " " + input.path() + "); refusing to overwrite it with an output");
            }
        }
        Path missing = AtomicFiles.missingDirectory(path);
        if (missing != null) {
            try {
                Files.createDirectories(missing);
                err.println("created directory " + (path.getParent() != null ? path.getParent() : missing));
            } catch (IOException e) {
                // a file in the way: the writer names it
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to comparing names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Marks stdout as carrying data: announcements move to stderr. */
    OutputFiles dataOnStdout(boolean on) {
        stdoutIsData = on;
        return this;
    }

    void write(Path path, AtomicFiles.Content content, String what) throws IOException {
        prepare(path);
        AtomicFiles.write(path, content);
        announce("wrote " + path + (what == null || what.isEmpty() ? "" : " (" + what + ")"));
    }

    void figure(Figure figure, String file) throws IOException {
        Path path = Path.of(file);
        prepare(path);
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
        Path path = Path.of(file);
        prepare(path);
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
