package org.osteon.models.pathway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osteon.models.pathway.LayeredLayout.Box;
import org.osteon.models.pathway.LayeredLayout.Point;

/**
 * A {@link Pathway} drawn as a standalone SVG picture by Osteon itself (no Graphviz): a
 * {@link LayeredLayout left-to-right layered layout}, node shapes and colours by kind (as the web
 * explorer draws them), edges with the arrowheads of the DOT output (activates: arrow, inhibits: bar,
 * binds: hollow diamond, dashed, produces: open arrow, dotted, involves: no head, grey), and a legend
 * of the kinds and edge types present. Diseases stand in a column of their own on the right, as in the
 * web explorer. Every text is escaped, so a name cannot inject markup. Hovering a node or edge shows
 * its details (the model term, the outline sentence) as a tooltip.
 */
public final class PathwaySvg {
    /** More nodes than this make an unreadable picture (the web explorer's limit too). */
    public static final int MAX_NODES = ReactionNetwork.MAX_NODES;
    private static final double FONT = 12;
    private static final double CHAR_WIDTH = 7.0;
    private static final double LINE = 15;
    private static final int WRAP = 22;
    private static final double HEADER = 44;

    private record KindStyle(String shape, String fill, String stroke, String word) {
    }

    private record EdgeStyle(String colour, String dash, double width, String head, String word) {
    }

    private static final Map<String, KindStyle> KINDS = new java.util.LinkedHashMap<>();
    private static final Map<String, EdgeStyle> EDGES = new java.util.LinkedHashMap<>();
    private static final KindStyle OTHER_KIND = new KindStyle("rect", "#f3f3f3", "#666666", "other");
    private static final EdgeStyle OTHER_EDGE = new EdgeStyle("#888888", null, 1.5, "arrow", "other relation");

    static {
        KINDS.put("cell", new KindStyle("ellipse", "#d6e6f7", "#2f6ea8", "cell"));
        KINDS.put("molecule", new KindStyle("rounded", "#fff4c2", "#a57d00", "molecule"));
        KINDS.put("receptor", new KindStyle("rounded", "#fff4c2", "#a57d00", "receptor"));
        KINDS.put("cytokine", new KindStyle("rounded", "#fff4c2", "#a57d00", "cytokine"));
        KINDS.put("hormone", new KindStyle("rounded", "#ffe0c2", "#c25e00", "hormone"));
        KINDS.put("marker", new KindStyle("rect", "#f3f3f3", "#666666", "marker"));
        KINDS.put("agent", new KindStyle("rect", "#eeeeee", "#555555", "agent"));
        KINDS.put("drug", new KindStyle("rounded", "#d6efd2", "#2e7d32", "drug"));
        KINDS.put("process", new KindStyle("rect", "#ececec", "#555555", "process"));
        KINDS.put("disease", new KindStyle("octagon", "#f8d4d4", "#b71c1c", "disease"));
        KINDS.put("state", new KindStyle("rounded", "#d6e6f7", "#2f6ea8", "state (rate rule)"));
        KINDS.put("computed", new KindStyle("rect", "#fff4c2", "#a57d00", "computed (assignment rule)"));
        EDGES.put("activates", new EdgeStyle("#2e7d32", null, 2, "arrow", "activates"));
        EDGES.put("inhibits", new EdgeStyle("#c62828", null, 2.5, "tee", "inhibits"));
        EDGES.put("binds", new EdgeStyle("#6a3d9a", "6 4", 2, "diamond", "binds"));
        EDGES.put("produces", new EdgeStyle("#37474f", "2 3", 2, "vee", "produces"));
        EDGES.put("involves", new EdgeStyle("#bbbbbb", "5 4", 1.2, "none", "involves (disease)"));
        EDGES.put("consumed", new EdgeStyle("#37474f", null, 1.5, "arrow", "consumed by reaction"));
        EDGES.put("yields", new EdgeStyle("#37474f", null, 1.5, "arrow", "reaction yields"));
        EDGES.put("modifies", new EdgeStyle("#8a6d00", "5 3", 1.5, "circle", "modifies reaction"));
        EDGES.put("influences", new EdgeStyle("#546e7a", null, 1.3, "arrow", "appears in the equation of"));
    }

    private PathwaySvg() {
    }

    /**
     * The picture.
     *
     * @throws IllegalArgumentException if the pathway has more than {@link #MAX_NODES} nodes, or an edge
     *                                  names a node it does not have
     */
    public static String render(Pathway p) {
        List<Pathway.Node> nodes = p.nodes();
        if (nodes.size() > MAX_NODES) {
            throw new IllegalArgumentException("the pathway of " + p.model() + " has " + nodes.size()
                    + " nodes, more than the " + MAX_NODES + " a picture can show readably; use --format dot or json");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        List<LayeredLayout.Edge> edges = new ArrayList<>();
        for (Pathway.Edge e : p.edges()) {
            Integer from = index.get(e.from());
            Integer to = index.get(e.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to() + " of the pathway of " + p.model()
                        + " names a node it does not have");
            }
            edges.add(new LayeredLayout.Edge(from, to));
        }
        List<List<String>> lines = new ArrayList<>();
        double[][] sizes = new double[nodes.size()][];
        Set<Integer> trailing = new LinkedHashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Pathway.Node n = nodes.get(i);
            List<String> l = wrap(n.label() == null ? n.id() : n.label());
            lines.add(l);
            sizes[i] = size(style(n.kind()).shape(), l);
            if ("disease".equals(n.kind())) {
                trailing.add(i);
            }
        }
        LayeredLayout.Result layout = LayeredLayout.layout(sizes, edges, trailing);

        Legend legend = new Legend(p);
        double width = Math.max(layout.width(), legend.width());
        double height = HEADER + layout.height() + legend.height();
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"Helvetica, Arial, DejaVu Sans, sans-serif\" font-size=\"").append(num(FONT)).append("\">\n");
        svg.append("<title>").append(escape("Pathway of " + p.model())).append("</title>\n");
        markers(svg);
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"16\" y=\"22\" font-size=\"16\" font-weight=\"bold\">").append(escape("Pathway of " + p.model()))
                .append("</text>\n");
        svg.append("<text x=\"16\" y=\"38\" font-size=\"11\" fill=\"#555555\">").append(escape(p.source() == null ? "" : p.source()))
                .append("</text>\n");
        svg.append("<g class=\"edges\">\n");
        for (int i = 0; i < p.edges().size(); i++) {
            Pathway.Edge e = p.edges().get(i);
            List<Point> route = layout.routes().get(i);
            Box from = layout.boxes().get(edges.get(i).from());
            Box to = layout.boxes().get(edges.get(i).to());
            String d = route.isEmpty() ? selfLoop(from, style(nodes.get(edges.get(i).from()).kind()).shape())
                    : curve(route, from, style(nodes.get(edges.get(i).from()).kind()).shape(), to,
                            style(nodes.get(edges.get(i).to()).kind()).shape());
            edge(svg, e, d, nodes.get(edges.get(i).from()), nodes.get(edges.get(i).to()));
        }
        svg.append("</g>\n<g class=\"nodes\">\n");
        for (int i = 0; i < nodes.size(); i++) {
            node(svg, nodes.get(i), lines.get(i), shift(layout.boxes().get(i)));
        }
        svg.append("</g>\n");
        legend.draw(svg, HEADER + layout.height());
        return svg.append("</svg>\n").toString();
    }

    private static KindStyle style(String kind) {
        return KINDS.getOrDefault(kind, OTHER_KIND);
    }

    private static EdgeStyle edgeStyle(String type) {
        return EDGES.getOrDefault(type, OTHER_EDGE);
    }

    /** The layout is drawn below the header. */
    private static Box shift(Box b) {
        return new Box(b.x(), b.y() + HEADER, b.width(), b.height());
    }

    /** A label in lines of at most {@value #WRAP} characters, broken at spaces where it can be. */
    static List<String> wrap(String label) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            while (word.length() > WRAP) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                out.add(word.substring(0, WRAP));
                word = word.substring(WRAP);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > WRAP) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    private static double[] size(String shape, List<String> lines) {
        double text = lines.stream().mapToInt(String::length).max().orElse(1) * CHAR_WIDTH;
        double w = text + 16;
        double h = lines.size() * LINE + 10;
        switch (shape) {
            case "ellipse":
                return new double[] {w * 1.25 + 6, h + 10};
            case "octagon":
                return new double[] {w + 16, h + 6};
            default:
                return new double[] {w, h};
        }
    }

    private static void node(StringBuilder svg, Pathway.Node n, List<String> lines, Box b) {
        KindStyle k = style(n.kind());
        String label = n.label() == null ? n.id() : n.label();
        svg.append("<g class=\"node node-").append(escape(n.kind())).append("\" data-id=\"").append(escape(n.id()))
                .append("\" aria-label=\"").append(escape(label)).append("\">");
        svg.append("<title>").append(escape(label + " (" + n.kind() + ")"
                + (n.symbols().isEmpty() ? "" : "; in the model: " + String.join(", ", n.symbols()))
                + (n.outline().isEmpty() ? "" : "\n" + String.join("\n", n.outline())))).append("</title>");
        shape(svg, k, b);
        double top = b.centreY() - (lines.size() - 1) * LINE / 2 + FONT * 0.35;
        svg.append("<text text-anchor=\"middle\" fill=\"#1b1f24\">");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"").append(num(b.centreX())).append("\" y=\"").append(num(top + i * LINE)).append("\">")
                    .append(escape(lines.get(i))).append("</tspan>");
        }
        svg.append("</text></g>\n");
    }

    private static void shape(StringBuilder svg, KindStyle k, Box b) {
        String paint = "fill=\"" + k.fill() + "\" stroke=\"" + k.stroke() + "\" stroke-width=\"1.5\"";
        switch (k.shape()) {
            case "ellipse":
                svg.append("<ellipse cx=\"").append(num(b.centreX())).append("\" cy=\"").append(num(b.centreY()))
                        .append("\" rx=\"").append(num(b.width() / 2)).append("\" ry=\"").append(num(b.height() / 2))
                        .append("\" ").append(paint).append("/>");
                break;
            case "octagon":
                double c = b.height() / 4;
                double[][] pts = {{b.x() + c, b.y()}, {b.right() - c, b.y()}, {b.right(), b.y() + c}, {b.right(), b.bottom() - c},
                        {b.right() - c, b.bottom()}, {b.x() + c, b.bottom()}, {b.x(), b.bottom() - c}, {b.x(), b.y() + c}};
                svg.append("<polygon points=\"");
                for (int i = 0; i < pts.length; i++) {
                    svg.append(i > 0 ? " " : "").append(num(pts[i][0])).append(',').append(num(pts[i][1]));
                }
                svg.append("\" ").append(paint).append("/>");
                break;
            default:
                svg.append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"")
                        .append(num(b.width())).append("\" height=\"").append(num(b.height())).append('"')
                        .append(k.shape().equals("rounded") ? " rx=\"6\"" : "").append(' ').append(paint).append("/>");
        }
    }

    private static void edge(StringBuilder svg, Pathway.Edge e, String d, Pathway.Node from, Pathway.Node to) {
        EdgeStyle s = edgeStyle(e.type());
        svg.append("<g class=\"edge edge-").append(escape(e.type())).append("\" data-from=\"").append(escape(e.from()))
                .append("\" data-to=\"").append(escape(e.to())).append("\" data-type=\"").append(escape(e.type())).append("\">");
        StringBuilder tip = new StringBuilder(label(from) + " " + e.type() + " " + label(to));
        if (e.label() != null) {
            tip.append(" (").append(e.label()).append(')');
        }
        if (e.term() != null) {
            tip.append("\nmodel term: ").append(e.term());
        }
        if (e.outline() != null) {
            tip.append("\n").append(e.outline());
        } else if (e.basis() != null) {
            tip.append("\nbasis: ").append(e.basis());
        }
        svg.append("<title>").append(escape(tip.toString())).append("</title>");
        svg.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"")
                .append(num(s.width())).append('"');
        if (s.dash() != null) {
            svg.append(" stroke-dasharray=\"").append(s.dash()).append('"');
        }
        if (!s.head().equals("none")) {
            svg.append(" marker-end=\"url(#").append(markerId(e.type())).append(")\"");
        }
        svg.append("/></g>\n");
    }

    private static String label(Pathway.Node n) {
        return n.label() == null ? n.id() : n.label();
    }

    private static String markerId(String type) {
        return "head-" + (EDGES.containsKey(type) ? type : "other");
    }

    /** One arrowhead per edge type, in the type's colour; the tip sits at the path's end. */
    private static void markers(StringBuilder svg) {
        svg.append("<defs>\n");
        Map<String, EdgeStyle> all = new java.util.LinkedHashMap<>(EDGES);
        all.put("other", OTHER_EDGE);
        for (Map.Entry<String, EdgeStyle> m : all.entrySet()) {
            EdgeStyle s = m.getValue();
            if (s.head().equals("none")) {
                continue;
            }
            svg.append("<marker id=\"head-").append(m.getKey()).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                    .append(" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto\">");
            String c = s.colour();
            switch (s.head()) {
                case "tee":
                    svg.append("<path d=\"M8,0 L8,10\" stroke=\"").append(c).append("\" stroke-width=\"3\"/>");
                    break;
                case "diamond":
                    svg.append("<path d=\"M0,5 L5,1 L10,5 L5,9 z\" fill=\"#ffffff\" stroke=\"").append(c).append("\" stroke-width=\"1.2\"/>");
                    break;
                case "vee":
                    svg.append("<path d=\"M1,1 L10,5 L1,9\" fill=\"none\" stroke=\"").append(c).append("\" stroke-width=\"1.5\"/>");
                    break;
                case "circle":
                    svg.append("<circle cx=\"5.5\" cy=\"5\" r=\"4\" fill=\"#ffffff\" stroke=\"").append(c).append("\" stroke-width=\"1.2\"/>");
                    break;
                default:
                    svg.append("<path d=\"M0,1 L10,5 L0,9 z\" fill=\"").append(c).append("\"/>");
            }
            svg.append("</marker>\n");
        }
        svg.append("</defs>\n");
    }

    /**
     * A smooth path through the route's points, leaving and entering horizontally, with its ends moved
     * onto the outline of an ellipse.
     */
    private static String curve(List<Point> route, Box from, String fromShape, Box to, String toShape) {
        List<Point> pts = new ArrayList<>();
        for (Point pt : route) {
            pts.add(new Point(pt.x(), pt.y() + HEADER));
        }
        pts.set(0, onOutline(pts.get(0), shift(from), fromShape));
        pts.set(pts.size() - 1, onOutline(pts.get(pts.size() - 1), shift(to), toShape));
        StringBuilder d = new StringBuilder("M").append(num(pts.get(0).x())).append(',').append(num(pts.get(0).y()));
        for (int i = 1; i < pts.size(); i++) {
            Point a = pts.get(i - 1);
            Point b = pts.get(i);
            double dx = (b.x() - a.x()) / 2;
            d.append(" C").append(num(a.x() + dx)).append(',').append(num(a.y())).append(' ').append(num(b.x() - dx)).append(',')
                    .append(num(b.y())).append(' ').append(num(b.x())).append(',').append(num(b.y()));
        }
        return d.toString();
    }

    /** A point on the left or right side of a box, moved horizontally onto the ellipse the box holds. */
    private static Point onOutline(Point p, Box b, String shape) {
        if (!shape.equals("ellipse")) {
            return p;
        }
        double ry = b.height() / 2;
        double rx = b.width() / 2;
        double dy = Math.min(1, Math.abs(p.y() - b.centreY()) / ry);
        double dx = rx * Math.sqrt(1 - dy * dy);
        return new Point(p.x() < b.centreX() ? b.centreX() - dx : b.centreX() + dx, p.y());
    }

    /** A loop above a node's top for an edge from the node to itself. */
    private static String selfLoop(Box layoutBox, String shape) {
        Box b = shift(layoutBox);
        double x1 = b.centreX() + 8;
        double x2 = b.centreX() - 8;
        double y1 = top(b, x1, shape);
        double y2 = top(b, x2, shape);
        double lift = LayeredLayout.NODE_GAP - 4;
        return "M" + num(x1) + "," + num(y1) + " C" + num(x1 + 14) + "," + num(y1 - lift) + " " + num(x2 - 14) + ","
                + num(y2 - lift) + " " + num(x2) + "," + num(y2);
    }

    private static double top(Box b, double x, String shape) {
        if (!shape.equals("ellipse")) {
            return b.y();
        }
        double dx = Math.min(1, Math.abs(x - b.centreX()) / (b.width() / 2));
        return b.centreY() - b.height() / 2 * Math.sqrt(1 - dx * dx);
    }

    /** The kinds of node and types of edge the picture uses, each with its sample. */
    private static final class Legend {
        private static final double ROW = 26;
        private final List<String> kinds = new ArrayList<>();
        private final List<String> types = new ArrayList<>();

        Legend(Pathway p) {
            Set<String> k = new LinkedHashSet<>();
            p.nodes().forEach(n -> k.add(n.kind()));
            Set<String> t = new LinkedHashSet<>();
            p.edges().forEach(e -> t.add(e.type()));
            kinds.addAll(k);
            types.addAll(t);
        }

        double width() {
            return Math.max(rowWidth(kinds, true), rowWidth(types, false)) + 32;
        }

        double height() {
            return 2 * ROW + 16;
        }

        private static double rowWidth(List<String> items, boolean kind) {
            double w = 60;
            for (String s : items) {
                w += 44 + CHAR_WIDTH * (kind ? style(s).word() : edgeStyle(s).word()).length() + 16;
            }
            return w;
        }

        void draw(StringBuilder svg, double y) {
            svg.append("<g class=\"legend\">\n");
            svg.append("<text x=\"16\" y=\"").append(num(y + 17)).append("\" font-weight=\"bold\">Nodes</text>\n");
            double x = 76;
            for (String kind : kinds) {
                KindStyle k = style(kind);
                shape(svg, k, new Box(x, y + 6, 34, 16));
                String word = KINDS.containsKey(kind) ? k.word() : kind;
                svg.append("<text x=\"").append(num(x + 40)).append("\" y=\"").append(num(y + 18)).append("\">")
                        .append(escape(word)).append("</text>\n");
                x += 44 + CHAR_WIDTH * word.length() + 16;
            }
            double ey = y + ROW;
            svg.append("<text x=\"16\" y=\"").append(num(ey + 17)).append("\" font-weight=\"bold\">Edges</text>\n");
            x = 76;
            for (String type : types) {
                EdgeStyle s = edgeStyle(type);
                svg.append("<path d=\"M").append(num(x)).append(',').append(num(ey + 13)).append(" L").append(num(x + 34))
                        .append(',').append(num(ey + 13)).append("\" fill=\"none\" stroke=\"").append(s.colour())
                        .append("\" stroke-width=\"").append(num(s.width())).append('"');
                if (s.dash() != null) {
                    svg.append(" stroke-dasharray=\"").append(s.dash()).append('"');
                }
                if (!s.head().equals("none")) {
                    svg.append(" marker-end=\"url(#").append(markerId(type)).append(")\"");
                }
                String word = EDGES.containsKey(type) ? s.word() : type;
                svg.append("/><text x=\"").append(num(x + 40)).append("\" y=\"").append(num(ey + 17)).append("\">")
                        .append(escape(word)).append("</text>\n");
                x += 44 + CHAR_WIDTH * word.length() + 16;
            }
            svg.append("</g>\n");
        }
    }

    /** Text for XML content and attribute values; characters XML 1.0 cannot hold become U+FFFD. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                case '\r' -> out.append("&#13;");
                default -> {
                    boolean allowed = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
