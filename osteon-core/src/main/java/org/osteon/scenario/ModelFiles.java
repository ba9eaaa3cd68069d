package org.osteon.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;
import org.osteon.util.Limits;

/** Reads model files by extension. Antimony text: {@code .ant}, {@code .antimony}, {@code .txt}. */
public final class ModelFiles {
    private ModelFiles() {
    }

    public static boolean looksLikeModelFile(String ref) {
        String lower = ref.toLowerCase(Locale.ROOT);
        return lower.endsWith(".ant") || lower.endsWith(".antimony") || lower.endsWith(".txt");
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

    /**
     * @throws ScenarioException if the file is missing or not a known model format
     * @throws org.osteon.text.ModelSyntaxException for text errors (file:line:column)
     */
    public static Model read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(file + ": model file not found");
        }
        if (!looksLikeModelFile(file.toString())) {
            throw new ScenarioException(file + ": unknown model file type; expected .ant (Antimony text)");
        }
        try {
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
        } catch (java.io.IOException e) {
            throw new ScenarioException(file + ": cannot read model file (" + e.getMessage() + ")");
        }
    }
}
