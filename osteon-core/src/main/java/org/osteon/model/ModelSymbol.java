package org.osteon.model;

import java.util.regex.Pattern;

/** Something in a model with an id and metadata. */
public interface ModelSymbol {
    Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    String id();

    Metadata metadata();

    static void requireId(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("invalid identifier: '" + id + "'");
        }
    }

    /**
     * Whether {@code id} matches {@link #ID}, without a regular expression: every symbol of a model
     * is checked, and a 30,000-state model has about a hundred thousand of them.
     */
    static boolean isId(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
