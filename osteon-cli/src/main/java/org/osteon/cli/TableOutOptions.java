package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --out FILE|-} and {@code --format}: where a command's result table goes, as CSV, TSV or JSON. */
final class TableOutOptions {
    static final List<String> FORMATS = List.of("csv", "tsv", "json");

    @Option(names = "--out", paramLabel = "FILE", description = "Write the results table: FILE.csv, .tsv or .json, or - for standard output.")
    String out;

    @Option(names = "--format", paramLabel = "FMT", description = "csv, tsv or json: the format for --out - (default csv), or instead of the extension.")
    String format;

    void validate() {
        format();
    }

    boolean toStdout() {
        return "-".equals(out);
    }

    String format() {
        String fmt = format != null ? format.toLowerCase(Locale.ROOT)
                : out == null || out.equals("-") ? "csv" : OutputFiles.extension(out);
        if (!FORMATS.contains(fmt)) {
            throw new UserException((format != null ? "--format " + format : "--out " + out)
                    + ": unknown table format; use csv, tsv or json");
        }
        return fmt;
    }

    /** Writes the table where {@code --out} says, if it says anything. */
    void write(DataTable table, OutputFiles files, PrintWriter stdout) throws IOException {
        if (out == null) {
            return;
        }
        String fmt = format();
        if (toStdout()) {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            table.write(fmt, buf);
            stdout.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            stdout.flush();
            return;
        }
        files.write(Path.of(out), os -> table.write(fmt, os), table.size() + " rows, " + table.columns().size() + " columns");
    }
}
