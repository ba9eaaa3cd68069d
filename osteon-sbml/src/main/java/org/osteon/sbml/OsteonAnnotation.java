package org.osteon.sbml;

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
        Metadata out = m;
        for (XMLNode block : elements(top)) {
            if (!"metadata".equals(block.getName()) || !NAMESPACE.equals(block.getURI())) {
                continue;
            }
            for (XMLNode attribute : elements(block)) {
                String key = attribute.getAttrValue("key");
                if ("attribute".equals(attribute.getName()) && key != null && !key.isBlank()) {
                    out = out.withAttribute(key, plainText(attribute));
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

    private static java.util.List<XMLNode> elements(XMLNode node) {
        java.util.List<XMLNode> out = new java.util.ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isElement() && node.getName() != null && node.getName().equals("annotation")) {
            for (int i = 0; i < node.getChildCount(); i++) {
                out.addAll(elements(node.getChildAt(i)));
            }
            return out;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            XMLNode c = node.getChildAt(i);
            if (c.isElement()) {
                out.add(c);
            }
        }
        if (out.isEmpty() && node.isElement()) {
            out.add(node);
        }
        return out;
    }

    /** The text of an XML subtree (notes in XHTML), whitespace collapsed. */
    static String plainText(XMLNode node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[ \\n]*", "\n").trim();
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
