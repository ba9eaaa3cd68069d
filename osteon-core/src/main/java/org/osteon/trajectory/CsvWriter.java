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

    /** Where the units go: nowhere (plain ids, the default), into the header ({@code x [pM]}), or a second row. */
    public enum Units {
        NONE, HEADER, ROW
    }

    /** An output without a declared unit is marked so in a units header or row. */
    public static final String NO_UNIT = "-";

    public static void write(Trajectory tr, Writer w, char delimiter) throws IOException {
        write(tr, w, delimiter, Units.NONE);
    }

    public static void write(Trajectory tr, OutputStream out, char delimiter, Units units) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(tr, w, delimiter, units);
    }

    public static void write(Trajectory tr, Writer w, char delimiter, Units units) throws IOException {
        String timeUnit = tr.timeUnit() == null || tr.timeUnit().isBlank() ? NO_UNIT : tr.timeUnit();
        w.write(units == Units.HEADER ? "time [" + timeUnit + "]" : "time");
        for (Column c : tr.columns()) {
            w.write(delimiter);
            w.write(units == Units.HEADER ? c.id() + " [" + unit(c, delimiter) + "]" : c.id());
        }
        w.write('\n');
        if (units == Units.ROW) {
            w.write(timeUnit);
            for (Column c : tr.columns()) {
                w.write(delimiter);
                w.write(unit(c, delimiter));
            }
            w.write('\n');
        }
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

    /** The unit as a cell: never holding the delimiter or a line break, which would shift the columns. */
    private static String unit(Column c, char delimiter) {
        String u = c.displayUnit();
        return u == null ? NO_UNIT : u.replace(delimiter, ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
