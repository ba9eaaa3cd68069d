package org.osteon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Issue 13: in SVG (and so in the HTML report) the legend of a lower panel was drawn in the wrong
 * place, while PNG was right. Each legend entry must lie beside its own panel, in SVG coordinates
 * with every enclosing group's translation applied.
 */
class SvgLegendPlacementTest {
    private static final Pattern TRANSLATE = Pattern.compile("translate\\(\\s*([-0-9.eE]+)[ ,]+([-0-9.eE]+)\\s*\\)");

    @Test
    void eachPanelsLegendIsBesideThatPanel() {
        double[] x = new double[50];
        double[] small = new double[50];
        double[] large = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            small[i] = 1 + 0.01 * i;
            large[i] = 1e6 * (1 + 0.01 * i);
        }
        int height = 600;
        Figure f = Plots.line("x", x, List.of(new Series("upper_series", "upper_series", "pM", small),
                new Series("lower_series", "lower_series", "mM", large)), PlotSpec.titled("two panels").withSize(900, height));
        assertThat(f.charts()).as("the two magnitudes go to two panels").hasSize(2);

        Map<String, Double> y = textY(Images.parseXml(Plots.svg(f)));
        // Panels split the height below the title (about 40 px) roughly in half.
        assertThat(y.get("upper_series")).as("legend of the upper panel").isBetween(40.0, height / 2.0);
        assertThat(y.get("lower_series")).as("legend of the lower panel").isBetween(height / 2.0, (double) height);
    }

    /** The absolute y of each text element, by its content. */
    private static Map<String, Double> textY(Document svg) {
        Map<String, Double> out = new LinkedHashMap<>();
        collect(svg.getDocumentElement(), 0, out);
        return out;
    }

    private static void collect(Element e, double dy, Map<String, Double> out) {
        Matcher m = TRANSLATE.matcher(e.getAttribute("transform"));
        double here = dy + (m.find() ? Double.parseDouble(m.group(2)) : 0);
        if ("text".equals(e.getLocalName())) {
            if (!e.getAttribute("y").isEmpty()) {
                out.put(e.getTextContent().trim(), here + Double.parseDouble(e.getAttribute("y")));
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, here, out);
            }
        }
    }
}
