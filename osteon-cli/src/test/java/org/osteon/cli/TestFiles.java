package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Reads back what the commands wrote, so that tests check content, not just existence. */
final class TestFiles {
    private TestFiles() {
    }

    static final Path RESOURCES = Path.of("src/test/resources/cli");
    static final Path EXAMPLES = Path.of("../examples");

    static String res(String name) {
        return RESOURCES.resolve(name).toString();
    }

    static String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    /** A parsed CSV: header and numeric rows (NaN stays NaN). */
    record Csv(List<String> header, List<double[]> rows) {
        int column(String name) {
            int c = header.indexOf(name);
            assertThat(c).as("column " + name + " in " + header).isGreaterThanOrEqualTo(0);
            return c;
        }

        double[] values(String name) {
            int c = column(name);
            return rows.stream().mapToDouble(r -> r[c]).toArray();
        }
    }

    static Csv csv(Path file) throws IOException {
        return csv(Files.readString(file), ',');
    }

    static Csv csv(String text, char delimiter) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split(String.valueOf(delimiter), -1));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(String.valueOf(delimiter), -1);
            assertThat(cells).hasSize(header.size());
            double[] r = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                r[i] = Double.parseDouble(cells[i]);
            }
            rows.add(r);
        }
        return new Csv(header, rows);
    }

    /** Decodes the PNG and checks it has the expected size and real content (many colours, not one flat fill). */
    static BufferedImage png(Path file, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img).as("decodable PNG " + file).isNotNull();
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(height);
        Set<Integer> colours = new HashSet<>();
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours in " + file).isGreaterThan(10);
        assertThat(dark).as("drawn (dark) pixels in " + file).isGreaterThan(200);
        return img;
    }

    static BufferedImage png(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img).as("decodable PNG " + file).isNotNull();
        return png(file, img.getWidth(), img.getHeight());
    }

    /** Parses an SVG (or the XHTML report) as XML: well-formed or the test fails. */
    static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    /** No file at all, including the temporary files of atomic writes. */
    static void assertNoFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString).toList()).isEmpty();
        }
    }
}
