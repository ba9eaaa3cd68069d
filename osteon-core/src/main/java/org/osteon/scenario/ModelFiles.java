package org.osteon.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;

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
            return AntimonyReader.read(file);
        } catch (java.io.IOException e) {
            throw new ScenarioException(file + ": cannot read model file (" + e.getMessage() + ")");
        }
    }
}
