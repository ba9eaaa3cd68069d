package org.osteon.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osteon.model.Model;
import org.osteon.text.StatementLines;

/**
 * A reader of one model file format besides Antimony text, found with {@link java.util.ServiceLoader}
 * (the {@code osteon-sbml} module provides SBML). {@link ModelFiles} picks the reader by file name
 * ending, and for text without a name by {@link #recognizes}; so a format's heavy dependencies stay
 * in its own module and the core does not know them.
 *
 * <p>Implementations are stateless and thread-safe. Problems with the input are reported as
 * {@link org.osteon.text.ModelSyntaxException} naming the file, line and element.
 */
public interface ModelReader {
    /** The format's name for messages, e.g. {@code SBML}. */
    String format();

    /** File name endings this reader takes, lower case with their dot, e.g. {@code .xml}. */
    List<String> extensions();

    /** Whether a text (pasted or uploaded, without a file name) is in this format. */
    boolean recognizes(String text);

    /**
     * @param fileName the name used in messages
     * @throws org.osteon.text.ModelSyntaxException naming every problem with its line
     */
    Model parse(String text, String fileName);

    /**
     * Where the statements of a text that {@link #parse} accepts are, for messages about the model
     * read from it (e.g. a unit inconsistency). The default knows none, and messages name the file only.
     */
    default StatementLines lines(String text, String fileName) {
        return StatementLines.NONE;
    }

    /** Reads a file; the default reads it as UTF-8 text. Readers may bound the size first. */
    default Model read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }
}
