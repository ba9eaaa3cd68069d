package org.osteon.text;

import java.util.List;
import org.osteon.model.Model;

/**
 * A model read from Antimony, with what the reader accepted by applying a default (as
 * {@code file:line:column: message}, in text order).
 */
public record AntimonyReading(Model model, List<SyntaxProblem> warnings) {
    public AntimonyReading {
        warnings = List.copyOf(warnings);
    }
}
