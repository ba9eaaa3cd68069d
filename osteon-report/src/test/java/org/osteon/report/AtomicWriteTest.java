package org.osteon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** A failed write must never leave a partial or half-replaced file behind. */
class AtomicWriteTest {
    @TempDir
    Path dir;

    private static Figure small() {
        return Plots.timeSeries(List.of(new NamedTrajectory("r", Synthetic.decayAndOscillation())),
                PlotSpec.titled("t").withSize(400, 300));
    }

    /** A figure whose drawing fails half way, as a bug in a renderer would. */
    private static Figure failing() {
        XYChart broken = new XYChart(400, 300) {
            @Override
            public void paint(Graphics2D g, int width, int height) {
                g.fillRect(0, 0, 10, 10);
                throw new IllegalStateException("renderer bug");
            }
        };
        return Figure.of("broken", 400, 300, List.of(broken));
    }

    @Test
    void directoryThatCannotBeCreatedLeavesNoFile() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "a file where a directory should be");
        Path png = blocker.resolve("plot.png");
        Path svg = blocker.resolve("plot.svg");
        Path html = blocker.resolve("report.html");

        assertThatThrownBy(() -> Plots.writePng(small(), png)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Plots.writeSvg(small(), svg)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> HtmlReport.titled("t").write(html)).isInstanceOf(IOException.class);
        // Files.notExists cannot tell under a regular file, so ask the positive question.
        assertThat(Files.exists(png)).isFalse();
        assertThat(Files.exists(svg)).isFalse();
        assertThat(Files.exists(html)).isFalse();
        assertThat(Files.readString(blocker)).isEqualTo("a file where a directory should be");
    }

    @Test
    void readOnlyDirectoryLeavesNoFile() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root writes anywhere, so a read-only mode bit proves nothing then; a directory of the proc file
            // system refuses new files to everyone (Linux), so the check runs for every user.
            Path target = Files.isWritable(locked) ? Path.of("/proc/self") : locked;
            assumeTrue(Files.isDirectory(target), "neither permissions nor /proc refuse writes here");
            for (Path file : List.of(target.resolve("osteon-plot.png"), target.resolve("osteon-plot.svg"),
                    target.resolve("osteon-report.html"))) {
                assertThatThrownBy(() -> {
                    if (file.toString().endsWith(".png")) {
                        Plots.writePng(small(), file);
                    } else if (file.toString().endsWith(".svg")) {
                        Plots.writeSvg(small(), file);
                    } else {
                        HtmlReport.titled("t").write(file);
                    }
                }).isInstanceOf(IOException.class).hasMessageStartingWith(file + ": cannot write");
                assertThat(Files.exists(file)).isFalse();
            }
            try (var files = Files.list(locked)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void renderingFailureKeepsThePreviousFileIntact() throws Exception {
        Path png = dir.resolve("plot.png");
        Path svg = dir.resolve("plot.svg");
        Path html = dir.resolve("report.html");
        Plots.writePng(small(), png);
        Plots.writeSvg(small(), svg);
        HtmlReport.titled("good").write(html);
        byte[] pngBefore = Files.readAllBytes(png);
        String svgBefore = Files.readString(svg);
        String htmlBefore = Files.readString(html);

        assertThatThrownBy(() -> Plots.writePng(failing(), png)).hasMessageContaining("renderer bug");
        assertThatThrownBy(() -> Plots.writeSvg(failing(), svg)).hasMessageContaining("renderer bug");
        assertThatThrownBy(() -> HtmlReport.titled("bad").figure("broken", failing()).write(html))
                .hasMessageContaining("renderer bug");

        assertThat(Files.readAllBytes(png)).isEqualTo(pngBefore);
        assertThat(Files.readString(svg)).isEqualTo(svgBefore);
        assertThat(Files.readString(html)).isEqualTo(htmlBefore);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plot.png", "plot.svg",
                    "report.html");
        }
    }
}
