package org.osteon.report;

import java.util.List;
import java.util.Objects;

/**
 * What a report says about the model, as plain values so that reports need no model classes.
 *
 * @param id         model id
 * @param name       human-readable name; null for none
 * @param citation   reference to the publication the model comes from, as text; null for none
 * @param states     ids of the state variables (species and rate-rule symbols)
 * @param parameters ids of the parameters
 * @param rules      one short description per rule, e.g. "RANKL_free = RANKL_tot - ..."
 * @param events     one short description per event
 */
public record ModelSummary(String id, String name, String citation, List<String> states, List<String> parameters,
                           List<String> rules, List<String> events) {
    public ModelSummary {
        Objects.requireNonNull(id, "id");
        states = List.copyOf(states);
        parameters = List.copyOf(parameters);
        rules = List.copyOf(rules);
        events = List.copyOf(events);
    }
}
