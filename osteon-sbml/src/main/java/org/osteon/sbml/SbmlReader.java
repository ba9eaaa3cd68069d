package org.osteon.sbml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.osteon.model.Model;
import org.osteon.scenario.ModelReader;
import org.osteon.text.StatementLines;

/**
 * SBML files ({@code .xml}, {@code .sbml}) wherever Osteon takes a model: found by the core's
 * {@link org.osteon.scenario.ModelFiles} through {@link java.util.ServiceLoader}.
 */
public final class SbmlReader implements ModelReader {
    @Override
    public String format() {
        return "SBML";
    }

    @Override
    public List<String> extensions() {
        return List.of(".xml", ".sbml");
    }

    @Override
    public boolean recognizes(String text) {
        String head = text.substring(0, Math.min(text.length(), 2000)).stripLeading();
        return head.startsWith("<") && head.contains("<sbml");
    }

    @Override
    public Model parse(String text, String fileName) {
        return read(text, fileName).model();
    }

    /**
     * The line of each rule ({@code <rateRule variable="x">}, {@code <assignmentRule variable="x">}),
     * initial assignment ({@code <initialAssignment symbol="x">}, asked for as a value), reaction and event
     * (asked for as a label, by id), from the same DTD-free scan the import makes. Ids the import had to
     * rename (see {@link SbmlImport#osteonIds}) are not found under their Osteon name.
     */
    @Override
    public StatementLines lines(String text, String fileName) {
        SafeXml.Index index = SafeXml.scan(text, fileName);
        return (kind, name) -> {
            if (name == null) {
                return OptionalInt.empty();
            }
            int line = switch (kind) {
                case RATE_RULE -> index.line("rateRule@" + name);
                case ASSIGNMENT_RULE -> index.line("assignmentRule@" + name);
                case VALUE -> index.line("initialAssignment@" + name);
                case LABEL -> Math.max(index.line("reaction#" + name), index.line("event#" + name));
            };
            return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
        };
    }

    @Override
    public Model read(Path file) throws IOException {
        return readFile(file).model();
    }

    /** Reads SBML text with everything the import learnt (warnings, renamed ids). */
    public static SbmlImport read(String text, String fileName) {
        return SbmlImporter.read(text, fileName);
    }

    /** Reads an SBML file, refusing files over the size limit before reading them. */
    public static SbmlImport readFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > 4L * SafeXml.MAX_CHARS) {
            throw SafeXml.problem(file.toString(), 1, 1, "file too large: " + size + " bytes");
        }
        return read(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
    }
}
