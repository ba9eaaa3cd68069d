package org.osteon.text;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.osteon.model.ModelSymbol;

/** Reserved words and "did you mean" suggestions, shared by the reader and the writer. */
final class Names {
    /** Words the lexer turns into keywords: they can never name a symbol. */
    static final Set<String> RESERVED = Set.of(
            "model", "end", "function", "external", "unit", "species", "compartment", "const", "var",
            "substanceOnly", "in", "is", "has", "at", "after", "and", "or", "not", "inf", "NaN");

    /** Keywords that can begin a statement: the candidates for a misspelt first word. */
    static final List<String> STATEMENT_KEYWORDS = List.of(
            "species", "compartment", "const", "var", "substanceOnly", "function", "external", "unit",
            "model", "end");

    private Names() {
    }

    static boolean isWritableId(String s) {
        return s != null && ModelSymbol.ID.matcher(s).matches() && !RESERVED.contains(s);
    }

    /** The closest candidate within a small edit distance, or null. */
    static String suggest(String word, Collection<String> candidates) {
        int limit = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = org.osteon.util.Suggestions.distance(word, c);
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Text shown between quotes in a message: control characters made visible, long text cut. */
    static String shown(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 40; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() >= 40 ? sb + "..." : sb.toString();
    }
}
