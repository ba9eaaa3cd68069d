package org.osteon.sbml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osteon.model.Metadata;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.xml.XMLNode;

/**
 * Osteon's metadata in SBML: the attributes SBML has no place for (description, source, note,
 * citation, ...) travel in an annotation of Osteon's own namespace, one element per attribute:
 * <pre>{@code
 * <annotation>
 *   <osteon:metadata xmlns:osteon="https://osteon.org/ns/sbml-metadata/1">
 *     <osteon:attribute key="source">Lemaire et al. 2004, Table 1</osteon:attribute>
 *   </osteon:metadata>
 * </annotation>}</pre>
 * Display names, units, SBO terms and notes use SBML's own fields.
 */
final class OsteonAnnotation {
    static final String NAMESPACE = "https://osteon.org/ns/sbml-metadata/1";
    static final String PREFIX = "osteon";
    /** Attributes written to SBML's own fields, not to the annotation. */
    static final java.util.Set<String> NATIVE = java.util.Set.of("sboTerm", "notes", "spatialDimensions", "localTo");

    private OsteonAnnotation() {
    }

    /** The metadata with every attribute found in the element's Osteon annotation added. */
    static Metadata read(SBase s, Metadata m) {
        if (!s.isSetAnnotation() || !s.getAnnotation().isSetNonRDFannotation()) {
            return m;
        }
        XMLNode top = s.getAnnotation().getNonRDFannotation();
        List<XMLNode> blocks = "annotation".equals(top.getName()) ? children(top) : List.of(top);
        Metadata out = m;
        for (XMLNode block : blocks) {
            if (!"metadata".equals(block.getName()) || !NAMESPACE.equals(block.getURI())) {
                continue;
            }
            for (XMLNode attribute : children(block)) {
                String key = attribute.getAttrValue("key");
                if ("attribute".equals(attribute.getName()) && key != null && !key.isBlank()) {
                    StringBuilder text = new StringBuilder();
                    collect(attribute, text);
                    out = out.withAttribute(key, text.toString());
                }
            }
        }
        return out;
    }

    /** The annotation element for the attributes SBML has no field for, or null when there are none. */
    static String xml(Metadata m) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : m.attributes().entrySet()) {
            if (NATIVE.contains(e.getKey())) {
                continue;
            }
            sb.append("  <").append(PREFIX).append(":attribute key=\"").append(escape(e.getKey())).append("\">")
                    .append(escape(e.getValue())).append("</").append(PREFIX).append(":attribute>\n");
        }
        if (sb.length() == 0) {
            return null;
        }
        return "<" + PREFIX + ":metadata xmlns:" + PREFIX + "=\"" + NAMESPACE + "\">\n" + sb + "</" + PREFIX + ":metadata>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<XMLNode> children(XMLNode node) {
        List<XMLNode> out = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
            if (node.getChildAt(i).isElement()) {
                out.add(node.getChildAt(i));
            }
        }
        return out;
    }

    /** The text of an XML subtree (notes in XHTML), whitespace collapsed. */
    static String plainText(XMLNode node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return normalize(sb.toString());
    }

    /** Runs of spaces become one space, blank lines go, ends are trimmed. */
    static String normalize(String s) {
        return s.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[ \\n]*", "\n").trim();
    }

    private static void collect(XMLNode node, StringBuilder sb) {
        if (node == null) {
            return;
        }
        if (node.isText()) {
            sb.append(node.getCharacters());
        }
        boolean block = node.isElement() && node.getName() != null
                && java.util.Set.of("p", "div", "br", "li", "h1", "h2", "h3", "tr").contains(node.getName());
        for (int i = 0; i < node.getChildCount(); i++) {
            collect(node.getChildAt(i), sb);
        }
        if (block) {
            sb.append('\n');
        }
    }
}
