package org.osteon.sbml;

import java.util.List;
import java.util.Locale;
import org.osteon.model.Model;
import org.osteon.text.AntimonyWriter;

/**
 * A model as text in an exchange format: the one export function behind {@code osteon export},
 * the web explorer's downloads and the Java API. Parts implemented in Java cannot be written in
 * either format; the caller names them (a built-in model's {@code BuiltInModel.javaParts()}, none
 * for a model read from text) and the export is refused with their names.
 */
public final class ModelExport {
    /** The formats a model can be written in. */
    public enum Format {
        SBML("SBML Level 3 Version 2", "xml", "application/sbml+xml"),
        ANTIMONY("Antimony", "ant", "text/plain");

        private final String title;
        private final String extension;
        private final String mediaType;

        Format(String title, String extension, String mediaType) {
            this.title = title;
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** "SBML Level 3 Version 2" or "Antimony". */
        public String title() {
            return title;
        }

        /** File extension without the dot: {@code xml} or {@code ant}. */
        public String extension() {
            return extension;
        }

        /** The IANA media type ({@code application/sbml+xml}; Antimony has none, so {@code text/plain}). */
        public String mediaType() {
            return mediaType;
        }

        /**
         * @throws IllegalArgumentException naming the value and the accepted ones
         */
        public static Format parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown format '" + value + "'; use sbml or antimony");
            }
        }
    }

    private ModelExport() {
    }

    /**
     * The model's text in the format.
     *
     * @param javaParts the model's parts implemented in Java, empty when it has none
     * @throws IllegalArgumentException naming the Java parts, or the construct the format cannot express
     */
    public static String write(Model model, List<String> javaParts, Format format) {
        if (!javaParts.isEmpty()) {
            throw new IllegalArgumentException("model '" + model.id() + "' cannot be exported as " + format.title
                    + ": it has parts implemented in Java, which the format cannot express: " + String.join(", ", javaParts));
        }
        return format == Format.SBML ? SbmlWriter.write(model) : AntimonyWriter.write(model);
    }
}
