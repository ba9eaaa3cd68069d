package org.osteon.cli;

import java.util.regex.Pattern;

/**
 * Text from a model (names, descriptions, sources, citations) is plain text, not Markdown: in
 * Markdown output it must not turn into HTML (a {@code <script>} from a model file), a link or
 * emphasis. HTML-significant characters become entities; Markdown punctuation gets a backslash.
 */
final class Markdown {
    private static final Pattern LONE_UNDERSCORE = Pattern.compile("(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])");

    private Markdown() {
    }

    /** Plain text as Markdown that renders to the same text; line breaks become spaces (one line per cell). */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '*', '[', ']', '`', '|', '#', '!' -> sb.append('\\').append(c);
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        // Underscores inside words never emphasise (CommonMark); only those at word edges need escaping.
        return LONE_UNDERSCORE.matcher(sb).replaceAll("\\\\_");
    }

    /** Text as an inline code span: shown literally, HTML included; only the backtick needs care. */
    static String code(String s) {
        return "`" + s.replace("`", "'").replace('\n', ' ').replace('\r', ' ') + "`";
    }
}
