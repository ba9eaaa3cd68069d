package org.osteon.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Free-text facts about a symbol or a model: display name, unit, and named attributes such as
 * {@code description}, {@code source}, {@code note} (a deviation from the paper), {@code citation}
 * or {@code doi}. In Antimony text: {@code A is "active osteoblasts"}, {@code A has pM},
 * {@code A.description = "..."}.
 *
 * @param displayName human-readable name, or {@code null}
 * @param unit        unit id (a defined unit or an SBML base unit), or {@code null}
 * @param attributes  ordered attribute map (never {@code null}; copied and unmodifiable)
 */
public record Metadata(String displayName, String unit, Map<String, String> attributes) {
    public static final Metadata EMPTY = new Metadata(null, null, Map.of());

    public static final String DESCRIPTION = "description";
    public static final String SOURCE = "source";
    public static final String NOTE = "note";
    /** Free notes as read from Antimony or SBML (XHTML), as opposed to Osteon's {@link #NOTE}. */
    public static final String NOTES = "notes";
    /** An SBO term, stored as {@code SBO:0000297}. */
    public static final String SBO_TERM = "sboTerm";
    /**
     * Prefix of controlled-vocabulary annotations: {@code cv:hypernym} holds the resources of
     * bqbiol:isVersionOf, one per line (key names as libAntimony writes the qualifiers).
     */
    public static final String CV_PREFIX = "cv:";

    public Metadata {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
    }

    public String description() {
        return attributes.get(DESCRIPTION);
    }

    public String source() {
        return attributes.get(SOURCE);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }

    public Metadata withDisplayName(String name) {
        return new Metadata(name, unit, attributes);
    }

    public Metadata withUnit(String u) {
        return new Metadata(displayName, u, attributes);
    }

    public Metadata withAttribute(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(key, value);
        return new Metadata(displayName, unit, copy);
    }

    public boolean isEmpty() {
        return displayName == null && unit == null && attributes.isEmpty();
    }
}
