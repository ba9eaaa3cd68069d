package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import org.osteon.scenario.Scenario;

/** Texts shared by the commands' HTML reports. */
final class Reports {
    private Reports() {
    }

    /** The scenario's own description, then where the model comes from. */
    static String description(Scenario s, ModelInfo info) {
        List<String> paragraphs = new ArrayList<>();
        if (s.description() != null && !s.description().isBlank()) {
            paragraphs.add(s.description().strip());
        }
        StringBuilder model = new StringBuilder("Model ").append(info.id());
        if (info.title() != null) {
            model.append(" (").append(info.title()).append(")");
        }
        if (!info.reference().isEmpty()) {
            model.append(": ").append(info.reference());
        }
        paragraphs.add(model.append('.').toString());
        return String.join("\n\n", paragraphs);
    }
}
