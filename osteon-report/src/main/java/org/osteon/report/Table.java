package org.osteon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for a report: a header row and rows of cell text (plain text; the report escapes it).
 * Cells that read as numbers are right-aligned.
 */
public record Table(List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + copy.size() + " has " + row.size() + " cells but the header has "
                        + header.size());
            }
            copy.add(row.stream().map(c -> Objects.requireNonNullElse(c, "")).toList());
        }
        rows = List.copyOf(copy);
    }

    /** A number as the report's tables show it: 4 significant digits, scientific when far from 1. */
    public static String number(double v) {
        return Numbers.cell(v);
    }
}
