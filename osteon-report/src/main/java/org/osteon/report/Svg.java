package org.osteon.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SVG through VectorGraphics2D, tidied for standalone files and for inlining in HTML. */
final class Svg {
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Pattern FONT_FAMILY = Pattern.compile("font-family:(&quot;[^;]*?&quot;);");
    private static final Pattern IDS = Pattern.compile("(id=\"|url\\(#|href=\"#)([A-Za-z_][\\w.-]*)");
    private static final AtomicLong SERIAL = new AtomicLong();

    private Svg() {
    }

    static String render(Figure figure) {
        VectorGraphics2D g = new VectorGraphics2D();
        figure.paint(g);
        PageSize page = new PageSize(0, 0, figure.width(), figure.height());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), page).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        // The DOCTYPE points at a DTD on w3.org, which validating readers would try to fetch.
        svg = DOCTYPE.matcher(svg).replaceFirst("");
        // The font is named as found on this machine; elsewhere the browser default (often a
        // serif) would take over, so a generic family goes last.
        svg = FONT_FAMILY.matcher(svg).replaceAll("font-family:$1,sans-serif;");
        return svg;
    }

    /**
     * The SVG element alone, for inlining into HTML: without the XML declaration, and with its
     * ids made unique in the page (two figures would otherwise share clip-path ids).
     */
    static String inline(String svg) {
        String body = svg.substring(svg.indexOf("<svg"));
        String prefix = "f" + SERIAL.incrementAndGet() + "-";
        Matcher m = IDS.matcher(body);
        StringBuilder sb = new StringBuilder(body.length() + 256);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + prefix + m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
