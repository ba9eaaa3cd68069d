package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void nothingIsWrittenOnceTheSessionIsCancelled() {
        Session session = Session.quiet();
        StringWriter out = new StringWriter();
        OutputFiles files = new OutputFiles(session, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), List.of());
        session.cancel();
        assertThatThrownBy(() -> files.write(dir.resolve("a.csv"), os -> os.write(1), null))
                .isInstanceOf(CancellationException.class);
        assertThat(dir.toFile().list()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void announcementsMoveToStderrWhenStdoutCarriesData() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        OutputFiles files = new OutputFiles(Session.quiet(), new PrintWriter(out, true), new PrintWriter(err, true), List.of())
                .dataOnStdout(true);
        files.write(dir.resolve("a.csv"), os -> os.write('x'), "1 row");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("wrote " + dir.resolve("a.csv") + " (1 row)" + System.lineSeparator());
    }

    @Test
    void fileNameHelpers() {
        assertThat(OutputFiles.withSuffix("out/plot.png", "OCa")).isEqualTo("out/plot-OCa.png");
        assertThat(OutputFiles.withSuffix("out.v2/plot", "a b")).isEqualTo("out.v2/plot-a_b");
        assertThat(OutputFiles.extension("dir/Report.HTML")).isEqualTo("html");
        assertThatThrownBy(() -> OutputFiles.requireExtension("--plot", "x.jpg", List.of("png", "svg")))
                .isInstanceOf(UserException.class).hasMessage("--plot x.jpg: unknown file type; use .png, .svg");
    }

    @Test
    void jsonTablesWriteNaNAsNullAndKeepIntegers() throws Exception {
        DataTable t = new DataTable(List.of("name", "rank", "value")).add("a", 1, Double.NaN).add("b,c", 2, 0.5);
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        t.write("json", json);
        var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toByteArray());
        assertThat(rows.get(0).get("value").isNull()).isTrue();
        assertThat(rows.get(1).get("rank").isInt()).isTrue();
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        t.write("csv", csv);
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("name,rank,value\na,1,NaN\n\"b,c\",2,0.5\n");
    }
}
