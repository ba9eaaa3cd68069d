package org.osteon.report;

import java.util.regex.Pattern;

/** Escaping and small markup helpers; output is also well-formed XML. */
final class Html {
    private static final Pattern NUMBER =
            Pattern.compile("[-+\u2212]?(\\d+(\\.\\d*)?|\\.\\d+)(e[-+\u2212]?\\d+)?|NaN|-?Infinity");

    private Html() {
    }

    /** Text safe in element content and in quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#39;");
                    break;
                default:
                    // Control characters are not allowed in XML (and mean nothing in a report).
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    /** Paragraphs from blank-line separated text; single newlines become line breaks. */
    static String paragraphs(String text) {
        StringBuilder sb = new StringBuilder();
        for (String para : text.strip().split("\\R\\s*\\R")) {
            if (!para.isBlank()) {
                sb.append("<p>").append(escape(para.strip()).replaceAll("\\R", "<br/>")).append("</p>\n");
            }
        }
        return sb.toString();
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell.strip()).matches();
    }
}
