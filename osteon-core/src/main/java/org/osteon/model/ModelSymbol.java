package org.osteon.model;

import java.util.regex.Pattern;

/** Something in a model with an id and metadata. */
public interface ModelSymbol {
    Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    String id();

    Metadata metadata();

    static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid identifier: '" + id + "'");
        }
    }
}
