package org.osteon.sbml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osteon.text.ModelSyntaxException;
import org.osteon.text.SyntaxProblem;

/**
 * XML parsing that an untrusted file cannot abuse. Every SBML text goes through {@link #scan} before
 * JSBML sees it, and JSBML then reads from a parser made by {@link #factory}:
 * <ul>
 *   <li>no DTD at all: a {@code <!DOCTYPE} is refused, so no entity can be declared (no external
 *       entities, no XXE file or network reads, no billion-laughs expansion); only XML's five
 *       predefined entities and character references remain;</li>
 *   <li>no external resolution: the resolver refuses every request;</li>
 *   <li>bounded input: text size ({@link #MAX_CHARS}), element depth, attribute size and count, text
 *       length per node and entity expansions (Woodstox limits).</li>
 * </ul>
 * The scan also records each element's line for messages (JSBML keeps none) and the root
 * element's package declarations.
 */
final class SafeXml {
    /** Largest SBML text accepted: 64 Mi characters (the largest BioModels entries are a few MiB). */
    static final int MAX_CHARS = 64 * 1024 * 1024;
    private static final int MAX_DEPTH = 1000;

    private SafeXml() {
    }

    /** A Woodstox factory with DTDs, external entities and entity expansion off, and size limits on. */
    static XMLInputFactory factory() {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource '" + systemId + "' refused: SBML files are read without "
                    + "fetching anything");
        });
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 10_000L);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 2);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 1 << 20);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 1000);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 16 << 20);
        return f;
    }

    /** What the scan learnt: element lines by key, the SBML level and version, declared packages. */
    record Index(Map<String, Integer> lines, int level, int version, Map<String, Boolean> packages) {
        /** Line of the element with this key ({@code reaction#R1}, {@code rateRule@x}, ...), or 0. */
        int line(String key) {
            return lines.getOrDefault(key, 0);
        }
    }

    /**
     * Checks the text is well-formed, DTD-free XML within the limits, with an {@code <sbml>} root.
     *
     * @throws ModelSyntaxException naming the line and column of the first problem
     */
    static Index scan(String text, String file) {
        if (text.length() > MAX_CHARS) {
            throw problem(file, 1, 1, "file too large: " + text.length() + " characters (the limit is " + MAX_CHARS + ")");
        }
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> ordinals = new HashMap<>();
        Map<String, Boolean> packages = new LinkedHashMap<>();
        int level = 0;
        int version = 0;
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new StringReader(text));
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    Location at = r.getLocation();
                    throw problem(file, at.getLineNumber(), at.getColumnNumber(), "<!DOCTYPE> declarations are not accepted: "
                            + "SBML needs none, and they can define entities that read local files or expand without bound");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    Location at = r.getLocation();
                    throw problem(file, at.getLineNumber(), at.getColumnNumber(), "undeclared entity '&" + r.getLocalName() + ";'");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                int line = r.getLocation().getLineNumber();
                if (root) {
                    root = false;
                    if (!name.equals("sbml")) {
                        throw problem(file, line, r.getLocation().getColumnNumber(), "expected an <sbml> document, found <" + name + ">");
                    }
                    level = intAttribute(r, "level");
                    version = intAttribute(r, "version");
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String prefix = r.getNamespacePrefix(i);
                        String uri = r.getNamespaceURI(i);
                        if (prefix != null && !prefix.isEmpty() && uri != null && uri.startsWith("http://www.sbml.org/sbml/level3/")
                                && uri.contains("/version")) {
                            String required = r.getAttributeValue(uri, "required");
                            packages.put(prefix, "true".equals(required));
                        }
                    }
                }
                int ordinal = ordinals.merge(name, 1, Integer::sum);
                lines.putIfAbsent(name + "[" + ordinal + "]", line);
                for (String attribute : List.of("id", "symbol", "variable", "species")) {
                    String value = r.getAttributeValue(null, attribute);
                    if (value != null) {
                        lines.putIfAbsent(name + (attribute.equals("id") ? "#" : "@") + value, line);
                    }
                }
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
            // Woodstox prefixes its messages with the location; keep the explanation only
            message = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+]\\s*Message:\\s*", "")
                    .replaceFirst("(?s)\\s*at \\[row,col \\{unknown-source}]: \\[\\d+,\\d+]$", "").trim();
            throw problem(file, at == null ? 1 : Math.max(1, at.getLineNumber()), at == null ? 1 : Math.max(1, at.getColumnNumber()),
                    "malformed XML: " + message);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for a string source
                }
            }
        }
        if (level == 0) {
            throw problem(file, 1, 1, "not an SBML document: no <sbml level=\"...\"> root element");
        }
        return new Index(Map.copyOf(lines), level, version, packages);
    }

    private static int intAttribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        try {
            return v == null ? 0 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static ModelSyntaxException problem(String file, int line, int column, String message) {
        List<SyntaxProblem> one = new ArrayList<>();
        one.add(new SyntaxProblem(file, line, column, message));
        return new ModelSyntaxException(one);
    }
}
