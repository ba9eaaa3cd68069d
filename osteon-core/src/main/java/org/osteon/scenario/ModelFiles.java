package org.osteon.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;
import org.osteon.text.SourceLines;
import org.osteon.text.StatementLines;
import org.osteon.util.Limits;

/**
 * Reads model files by extension: Antimony text ({@code .ant}, {@code .antimony}, {@code .txt}) in
 * the core, and every other format through the {@link ModelReader}s on the class path (SBML's
 * {@code .xml} and {@code .sbml} with the {@code osteon-sbml} module).
 */
public final class ModelFiles {
    private static final List<String> ANTIMONY = List.of(".ant", ".antimony", ".txt");
    private static final List<ModelReader> READERS = discover();

    private ModelFiles() {
    }

    private static List<ModelReader> discover() {
        List<ModelReader> found = new ArrayList<>();
        ServiceLoader.load(ModelReader.class).forEach(found::add);
        return List.copyOf(found);
    }

    /** The readers found on the class path, besides Antimony. */
    public static List<ModelReader> readers() {
        return READERS;
    }

    public static boolean looksLikeModelFile(String ref) {
        String lower = ref.toLowerCase(Locale.ROOT);
        return ANTIMONY.stream().anyMatch(lower::endsWith) || reader(ref).isPresent();
    }

    public static boolean looksLikeScenarioFile(String ref) {
        String lower = ref.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static boolean isEmpty(Model m) {
        return m.species().isEmpty() && m.parameters().isEmpty() && m.compartments().isEmpty() && m.rules().isEmpty()
                && m.reactions().isEmpty() && m.events().isEmpty() && m.functions().isEmpty()
                && m.initialAssignments().isEmpty();
    }

    /** The reader for a file name, if its ending belongs to one on the class path. */
    public static Optional<ModelReader> reader(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return READERS.stream().filter(r -> r.extensions().stream().anyMatch(lower::endsWith)).findFirst();
    }

    /**
     * @throws ScenarioException if the file is missing or not a known model format
     * @throws org.osteon.text.ModelSyntaxException for text errors (file:line:column)
     */
    public static Model read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(file + ": model file not found");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (ANTIMONY.stream().anyMatch(lower::endsWith)) {
                if (Files.size(file) > Limits.MAX_MODEL_BYTES) {
                    throw new ScenarioException(file + ": model file of " + Files.size(file) + " bytes is larger than the limit of "
                            + (Limits.MAX_MODEL_BYTES >> 20) + " MiB for model text (see docs/limits.md)");
                }
                Model m = AntimonyReader.read(file);
                if (isEmpty(m)) {
                    // Simulating nothing would be a run of an empty system; say what is wrong instead.
                    throw new ScenarioException(file + ": no model in " + file + " (the file has no statements)");
                }
                return m;
            }
            Optional<ModelReader> reader = reader(name);
            if (reader.isPresent()) {
                return reader.get().read(file);
            }
        } catch (java.io.IOException e) {
            throw new ScenarioException(file + ": cannot read model file (" + e.getMessage() + ")");
        }
        if (lower.endsWith(".xml") || lower.endsWith(".sbml")) {
            throw new ScenarioException(file + ": SBML files need the osteon-sbml module on the class path");
        }
        throw new ScenarioException(file + ": unknown model file type; expected " + knownTypes());
    }

    /**
     * Where the statements of a model file that {@link #read} accepted are, for messages about the
     * model (a unit inconsistency names its line). Best effort: when the format records no positions,
     * or the file cannot be read again, every answer is empty and messages name the file only.
     */
    public static StatementLines lines(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            if (ANTIMONY.stream().anyMatch(lower::endsWith)) {
                return SourceLines.of(text);
            }
            Optional<ModelReader> reader = reader(name);
            return reader.isPresent() ? reader.get().lines(text, file.toString()) : StatementLines.NONE;
        } catch (java.io.IOException | RuntimeException e) {
            // the model itself was read already; without positions the messages still name the file
            return StatementLines.NONE;
        }
    }

    /**
     * Reads a model given as text without a trustworthy file name (pasted or uploaded): the first
     * reader that recognizes it, else Antimony.
     */
    public static Model parse(String text, String name) {
        Optional<ModelReader> byName = reader(name);
        if (byName.isPresent()) {
            return byName.get().parse(text, name);
        }
        for (ModelReader r : READERS) {
            if (r.recognizes(text)) {
                return r.parse(text, name);
            }
        }
        return AntimonyReader.parse(text, name);
    }

    /** The accepted file types, for messages. */
    public static String knownTypes() {
        StringBuilder sb = new StringBuilder(".ant (Antimony text)");
        for (ModelReader r : READERS) {
            sb.append(", ").append(String.join("/", r.extensions())).append(" (").append(r.format()).append(')');
        }
        return sb.toString();
    }
}
