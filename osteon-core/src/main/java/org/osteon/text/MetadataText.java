package org.osteon.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osteon.model.Metadata;

/**
 * How metadata is written in Antimony so that libAntimony reads it too, and read back.
 *
 * <ul>
 *   <li>Osteon's free-text attributes ({@code description}, {@code source}, ...) are notes, one
 *       per line: {@code A notes "description: bone-forming cells"}. Notes are XHTML in SBML, so
 *       the value is XML-escaped ({@code &lt;}, {@code &amp;}, {@code &#10;} for a line break);
 *       the text then never needs a quote, a backslash or a line break, which libAntimony's
 *       strings cannot hold.</li>
 *   <li>Notes that do not start with {@code key: } (BioModels' XHTML) are the attribute
 *       {@link Metadata#NOTES}, kept as written.</li>
 *   <li>SBO terms: {@code A.sboTerm = 297} is the attribute {@code sboTerm = "SBO:0000297"}.</li>
 *   <li>Controlled-vocabulary terms: {@code A hypernym "http://...", "http://..."} is the attribute
 *       {@code cv:hypernym}, resources one per line. Qualifier synonyms are stored under the name
 *       libAntimony writes ({@code isVersionOf} and {@code hypernym} are both {@code hypernym}).</li>
 * </ul>
 */
final class MetadataText {
    /** One notes line: {@code key: value}. */
    private static final Pattern KEYED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*): (.*)", Pattern.DOTALL);
    private static final Pattern SBO = Pattern.compile("SBO:(\\d{7})");

    /** Every qualifier libAntimony reads, mapped to the one it writes. */
    private static final Map<String, String> QUALIFIERS = new LinkedHashMap<>();

    static {
        String[][] synonyms = {
            {"identity", "is", "biological_entity_is"}, {"part", "hasPart"}, {"parthood", "isPartOf"},
            {"hypernym", "isVersionOf"}, {"version", "hasVersion"}, {"homolog", "isHomologTo"},
            {"description", "isDescribedBy"}, {"encoder", "isEncodedBy"}, {"encodement", "encodes"},
            {"container", "occursIn"}, {"property", "hasProperty"}, {"propertyBearer", "isPropertyOf"},
            {"taxon", "hasTaxon"}, {"model_entity_is"}, {"origin", "isDerivedFrom"}, {"class", "isInstanceOf"},
            {"instance", "hasInstance"}, {"created"}, {"modified"},
        };
        for (String[] group : synonyms) {
            for (String s : group) {
                QUALIFIERS.put(s, group[0]);
            }
        }
    }

    /** Qualifiers libAntimony writes for SBML terms it cannot name, and cannot read back. */
    static final List<String> UNKNOWN_QUALIFIERS = List.of("unknown_model_qual", "unknown_biological_qual");

    private MetadataText() {
    }

    /** The stored name of a qualifier as written, or null if libAntimony does not know it. */
    static String qualifier(String written) {
        return QUALIFIERS.get(written);
    }

    static List<String> qualifierNames() {
        List<String> names = new ArrayList<>(QUALIFIERS.keySet());
        names.add("notes");
        return names;
    }

    static String cvKey(String qualifier) {
        return Metadata.CV_PREFIX + qualifier;
    }

    /** {@code 297} or {@code SBO:0000297} as stored: {@code SBO:0000297}; null if not an SBO term. */
    static String sboTerm(double number) {
        if (!(number >= 0) || number != Math.rint(number) || number > 9_999_999) {
            return null;
        }
        return String.format(Locale.ROOT, "SBO:%07d", (long) number);
    }

    /** The number of a stored SBO term, or -1 if the value is not one. */
    static long sboNumber(String stored) {
        Matcher m = SBO.matcher(stored);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Adds one notes text to {@code metadata}: {@code key: value} lines (a line not starting with
     * a key continues the value before it) or, if the first line has no key, free notes.
     */
    static Metadata addNotes(Metadata metadata, String text) {
        String[] lines = text.split("\n", -1);
        if (!KEYED.matcher(lines[0]).matches()) {
            String before = metadata.attribute(Metadata.NOTES);
            return metadata.withAttribute(Metadata.NOTES, before == null ? text : before + "\n" + text);
        }
        String key = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            Matcher m = KEYED.matcher(line);
            if (m.matches()) {
                if (key != null) {
                    metadata = metadata.withAttribute(key, xmlUnescape(value.toString()));
                }
                key = m.group(1);
                value.setLength(0);
                value.append(m.group(2));
            } else {
                value.append('\n').append(line);
            }
        }
        return metadata.withAttribute(key, xmlUnescape(value.toString()));
    }

    /** The notes text of one attribute, read back by {@link #addNotes} as the same attribute. */
    static String notes(String key, String value) {
        if (key.equals(Metadata.NOTES) && !KEYED.matcher(value.split("\n", -1)[0]).matches()) {
            return value;
        }
        return key + ": " + xmlEscape(value);
    }

    /** Whether {@code key} can be written as {@code key: value} notes. */
    static boolean isNotesKey(String key) {
        return KEYED.matcher(key + ": ").matches();
    }

    static String xmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\\' -> sb.append("&#92;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String xmlUnescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            String entity = semi > i && semi - i <= 10 ? s.substring(i + 1, semi) : null;
            String decoded = entity == null ? null : entity(entity);
            if (decoded != null) {
                sb.append(decoded);
                i = semi + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            default:
                break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
        return null;
    }
}
