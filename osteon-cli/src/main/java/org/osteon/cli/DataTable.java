package org.osteon.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A result table for machines (CSV, TSV, JSON): named columns, cells that are numbers
 * ({@link Double} or {@link Integer}) or text. Numbers are written in Java's shortest exact form, so they read back
 * as the same doubles; in JSON, NaN (a failed point) becomes null.
 */
final class DataTable {
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    DataTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    List<String> columns() {
        return columns;
    }

    /** The rows (read-only view; the cell arrays are the table's own). */
    List<Object[]> rows() {
        return java.util.Collections.unmodifiableList(rows);
    }

    /** The same content as a table for people, numbers to 6 significant digits. */
    TextTable text() {
        TextTable t = new TextTable(columns);
        rows.forEach(r -> t.row(r));
        return t;
    }

    /** The same content for an HTML report, numbers as the report formats them. */
    org.osteon.report.Table report() {
        List<List<String>> out = new ArrayList<>();
        for (Object[] r : rows) {
            List<String> row = new ArrayList<>();
            for (Object c : r) {
                row.add(c instanceof Double d ? org.osteon.report.Table.number(d) : c == null ? "" : c.toString());
            }
            out.add(row);
        }
        return new org.osteon.report.Table(columns, out);
    }

    int size() {
        return rows.size();
    }

    DataTable add(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    void write(String format, OutputStream out) throws IOException {
        if (format.equals("json")) {
            writeJson(out);
        } else {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeDelimited(w, format.equals("tsv") ? '\t' : ',');
            w.flush();
        }
    }

    void writeDelimited(Writer w, char delimiter) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            sb.append(c == 0 ? "" : String.valueOf(delimiter)).append(cell(columns.get(c), delimiter));
        }
        w.write(sb.append('\n').toString());
        for (Object[] row : rows) {
            sb.setLength(0);
            for (int c = 0; c < row.length; c++) {
                sb.append(c == 0 ? "" : String.valueOf(delimiter)).append(cell(row[c], delimiter));
            }
            w.write(sb.append('\n').toString());
        }
    }

    private static String cell(Object v, char delimiter) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (v instanceof String && (s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0)) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Object[] row : rows) {
                g.writeStartObject();
                for (int c = 0; c < row.length; c++) {
                    g.writeFieldName(columns.get(c));
                    Object v = row[c];
                    if (v instanceof Double d) {
                        if (Double.isFinite(d)) {
                            g.writeNumber(d);
                        } else {
                            g.writeNull();
                        }
                    } else if (v instanceof Integer i) {
                        g.writeNumber(i);
                    } else if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }
}
