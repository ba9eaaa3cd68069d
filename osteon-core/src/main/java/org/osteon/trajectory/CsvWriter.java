package org.osteon.trajectory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Delimited text: a header {@code time,<id>,<id>...} then one row per output time. Numbers are
 * written in Java's shortest exact form, so reading them back gives the same doubles.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static void write(Trajectory tr, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(tr, out, ','));
    }

    public static void write(Trajectory tr, OutputStream out, char delimiter) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(tr, w, delimiter);
    }

    public static void write(Trajectory tr, Writer w, char delimiter) throws IOException {
        w.write("time");
        for (Column c : tr.columns()) {
            w.write(delimiter);
            w.write(c.id());
        }
        w.write('\n');
        double[][] cols = new double[tr.columns().size()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = tr.column(tr.columns().get(c).id());
        }
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < tr.size(); i++) {
            row.setLength(0);
            row.append(tr.time(i));
            for (double[] col : cols) {
                row.append(delimiter).append(col[i]);
            }
            row.append('\n');
            w.write(row.toString());
        }
        w.flush();
    }
}
