package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command (the newcomer's first run) works through the real entry point and
 * writes a CSV that parses back and a non-blank plot. Files go to a temporary directory.
 */
class ReadmeCommandTest {
    @TempDir
    Path dir;

    @Test
    void firstReadmeCommandProducesCsvAndPlot() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../README.md"));
        String command = lines.stream().filter(l -> l.startsWith("./osteon ")).findFirst().orElseThrow();
        String[] words = command.substring("./osteon ".length()).trim().split("\\s+");
        List<String> args = new ArrayList<>();
        Path csv = null;
        Path png = null;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0 && Set.of("--out", "--plot").contains(words[i - 1])) {
                Path p = dir.resolve(w);
                if (words[i - 1].equals("--out")) {
                    csv = p;
                } else {
                    png = p;
                }
                w = p.toString();
            }
            args.add(w);
        }
        Cli r = Cli.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("time,").contains("BMD_LS_change");
        assertThat(rows).hasSizeGreaterThan(1000);
        for (String value : rows.get(rows.size() - 1).split(",", -1)) {
            // Both runs cover the whole grid: no empty or NaN cell at the end.
            assertThat(Double.parseDouble(value)).as(rows.get(rows.size() - 1)).isFinite();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(400);
        int nonWhite = 0;
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                nonWhite += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(nonWhite).isGreaterThan(500);
    }
}
