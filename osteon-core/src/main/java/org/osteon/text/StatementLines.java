package org.osteon.text;

import java.util.OptionalInt;

/**
 * Where a model's statements are in its source file, for messages about a model that was already
 * read (the {@code Model} keeps no positions). {@link SourceLines} answers for Antimony text; a
 * {@link org.osteon.scenario.ModelReader} answers for its own format (SBML: the element of the rule,
 * initial assignment, reaction or event).
 */
@FunctionalInterface
public interface StatementLines {
    /** For a format that records no positions: every answer is empty, and messages name the file only. */
    StatementLines NONE = (kind, name) -> OptionalInt.empty();

    /** The line of the statement of this kind for {@code name}, if the source has one. */
    OptionalInt line(SourceLines.Kind kind, String name);
}
