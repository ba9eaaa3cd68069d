package org.osteon.analysis.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteon.util.Suggestions;

/**
 * Observed data in long format: CSV with columns {@code time, output, value} and optionally
 * {@code sd} and {@code group} (any order, any case; empty or {@code .} values are skipped rows).
 * Every problem is an {@link IllegalArgumentException} naming the file and line.
 */
public final class DataSet {
    /** Most rows a data file may have. */
    public static final int MAX_ROWS = 1_000_000;
    /** The group of rows without a group column. */
    public static final String DEFAULT_GROUP = "all";

    private final String source;
    private final List<Observation> rows;

    private DataSet(String source, List<Observation> rows) {
        this.source = source;
        this.rows = List.copyOf(rows);
    }

    public static DataSet of(String source, List<Observation> rows) {
        return new DataSet(source, rows);
    }

    public static DataSet read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": data file not found");
            }
            if (Files.size(file) > 256L << 20) {
                throw new IllegalArgumentException(file + ": data file larger than 256 MiB");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read data (" + e.getMessage() + ")");
        }
    }

    public static DataSet parse(String text, String source) {
        String[] lines = text.split("\r?\n", -1);
        int h = 0;
        while (h < lines.length && (lines[h].isBlank() || lines[h].startsWith("#"))) {
            h++;
        }
        if (h >= lines.length) {
            throw new IllegalArgumentException(source + ": no data; expected a header time,output,value[,sd][,group]");
        }
        String[] header = lines[h].split(",", -1);
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c].trim().toLowerCase(Locale.ROOT);
            if (col.put(name, c) != null) {
                throw new IllegalArgumentException(source + ":" + (h + 1) + ": column '" + header[c].trim() + "' appears twice");
            }
        }
        for (String need : List.of("time", "output", "value")) {
            if (!col.containsKey(need)) {
                throw new IllegalArgumentException(source + ":" + (h + 1) + ": no '" + need + "' column"
                        + Suggestions.didYouMean(need, col.keySet()) + "; data is long format: time,output,value[,sd][,group]");
            }
        }
        List<Observation> out = new ArrayList<>();
        for (int i = h + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(where + ": expected " + header.length + " values (as in the header), found "
                        + cells.length);
            }
            String valueText = cells[col.get("value")].trim();
            if (valueText.isEmpty() || valueText.equals(".") || valueText.equalsIgnoreCase("NA")) {
                continue;
            }
            double time = number(cells[col.get("time")], "time", where);
            double value = number(valueText, "value", where);
            String output = cells[col.get("output")].trim();
            if (output.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty output name");
            }
            double sd = Double.NaN;
            if (col.containsKey("sd")) {
                String sdText = cells[col.get("sd")].trim();
                if (!sdText.isEmpty() && !sdText.equals(".") && !sdText.equalsIgnoreCase("NA")) {
                    sd = number(sdText, "sd", where);
                    if (!(sd > 0)) {
                        throw new IllegalArgumentException(where + ": sd must be positive, found " + sdText);
                    }
                }
            }
            String group = col.containsKey("group") ? cells[col.get("group")].trim() : DEFAULT_GROUP;
            if (group.isEmpty()) {
                group = DEFAULT_GROUP;
            }
            if (out.size() >= MAX_ROWS) {
                throw new IllegalArgumentException(where + ": more than " + MAX_ROWS + " rows");
            }
            out.add(new Observation(group, output, time, value, sd, where));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows");
        }
        return new DataSet(source, out);
    }

    private static double number(String text, String what, String where) {
        String t = text.trim();
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + what + " must be a number, found '" + t + "'");
        }
    }

    public String source() {
        return source;
    }

    public List<Observation> rows() {
        return rows;
    }

    /** The groups in order of first appearance. */
    public List<String> groups() {
        return rows.stream().map(Observation::group).distinct().toList();
    }
}
