package org.osteon.dosing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osteon.compile.Layout;
import org.osteon.units.Quantity;
import org.osteon.util.Suggestions;

/**
 * A dosing-event table in the NONMEM / mrgsolve layout: CSV with columns {@code time, amt, cmt}
 * and optionally {@code id, evid, ii, addl, rate, ss} (any case, any order; other columns such as
 * covariates or {@code dv} are ignored; {@code .} is an empty cell). Rows with {@code evid} 1 are
 * doses; 0 (observations) and 2 (other events) are skipped. {@code addl} extra doses follow every
 * {@code ii}; {@code rate > 0} makes an infusion of duration amt/rate.
 *
 * <p>{@code cmt} names a state, or numbers the model's states in the order {@code osteon describe}
 * lists them (1 = the first), unless a mapping is given (cmt 1 = Den_depot). Times are in the
 * model's time unit and amounts in the target's unit unless units are given.
 *
 * <p>Not supported, and refused with the line named: steady-state dosing ({@code ss} not 0),
 * modelled rates or durations ({@code rate} -1 or -2), and resets ({@code evid} 3 or 4).
 */
public final class DoseTable {
    /** Largest table read (rows). */
    public static final int MAX_ROWS = 1_000_000;
    private static final Set<String> REQUIRED = Set.of("time", "amt", "cmt");

    /** One dose row as read, before cmt is resolved against a model. */
    private record Row(int line, double time, double amount, String cmt, double ii, int addl, double rate) {
    }

    private final String source;
    private final List<Row> rows;
    private final String timeUnit;
    private final String amountUnit;
    private final Map<String, String> cmtNames;

    private DoseTable(String source, List<Row> rows, String timeUnit, String amountUnit, Map<String, String> cmtNames) {
        this.source = source;
        this.rows = rows;
        this.timeUnit = timeUnit;
        this.amountUnit = amountUnit;
        this.cmtNames = cmtNames;
    }

    /**
     * @param timeUnit   unit of the time and ii columns, or {@code null} for the model's
     * @param amountUnit unit of the amt column, or {@code null} for each target's own unit
     * @param cmtNames   cmt value to state name, may be empty
     * @param id         the subject to replay when the table has several, or {@code null}
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static DoseTable read(Path file, String timeUnit, String amountUnit, Map<String, String> cmtNames, String id) {
        String text;
        try {
            if (Files.size(file) > 64L << 20) {
                throw new IllegalArgumentException(file + ": dosing table larger than 64 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read dosing table (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), timeUnit, amountUnit, cmtNames, id);
    }

    public static DoseTable parse(String text, String source, String timeUnit, String amountUnit,
                                  Map<String, String> cmtNames, String id) {
        String[] lines = text.split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && (lines[headerLine].isBlank() || lines[headerLine].startsWith("#"))) {
            headerLine++;
        }
        if (headerLine >= lines.length) {
            throw new IllegalArgumentException(source + ": empty dosing table; expected a header such as time,amt,cmt,ii,addl,rate,evid");
        }
        String[] header = split(lines[headerLine]);
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c].trim().toLowerCase(Locale.ROOT);
            if (col.containsKey(name)) {
                throw new IllegalArgumentException(source + ":" + (headerLine + 1) + ": column '" + header[c].trim() + "' appears twice");
            }
            col.put(name, c);
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                throw new IllegalArgumentException(source + ":" + (headerLine + 1) + ": the dosing table has no '" + r
                        + "' column" + Suggestions.didYouMean(r, col.keySet()) + "; it needs time, amt and cmt (and may have id, evid, ii, addl, rate, ss)");
            }
        }
        List<Row> rows = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] cells = split(line);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(where + "expected " + header.length + " values (as in the header), found " + cells.length);
            }
            String rowId = col.containsKey("id") ? cells[col.get("id")].trim() : null;
            if (rowId != null) {
                ids.add(rowId);
                if (id != null && !id.equals(rowId)) {
                    continue;
                }
            }
            double evid = number(cells, col, "evid", where, Double.NaN);
            double amt = number(cells, col, "amt", where, 0);
            if (Double.isNaN(evid)) {
                evid = amt != 0 ? 1 : 0;
            }
            if (evid == 0 || evid == 2) {
                continue;
            }
            if (evid == 3 || evid == 4) {
                throw new IllegalArgumentException(where + "evid " + (int) evid + " (reset) is not supported; split the study into separate runs");
            }
            if (evid != 1) {
                throw new IllegalArgumentException(where + "evid must be 0, 1 or 2, found " + evid);
            }
            double time = number(cells, col, "time", where, Double.NaN);
            if (Double.isNaN(time)) {
                throw new IllegalArgumentException(where + "a dose needs a time");
            }
            if (!(amt > 0)) {
                throw new IllegalArgumentException(where + "a dose (evid 1) needs a positive amt, found " + amt);
            }
            double ss = number(cells, col, "ss", where, 0);
            if (ss != 0) {
                throw new IllegalArgumentException(where + "steady-state dosing (ss " + ss + ") is not supported; give the doses"
                        + " before the study (addl) or start from a steady state");
            }
            double ii = number(cells, col, "ii", where, 0);
            double addl = number(cells, col, "addl", where, 0);
            if (addl < 0 || addl != Math.rint(addl) || addl >= Regimen.MAX_COUNT) {
                throw new IllegalArgumentException(where + "addl must be a whole number from 0 to " + (Regimen.MAX_COUNT - 1) + ", found " + addl);
            }
            if (addl > 0 && !(ii > 0)) {
                throw new IllegalArgumentException(where + "addl " + (long) addl + " needs a positive ii (the interval), found " + ii);
            }
            double rate = number(cells, col, "rate", where, 0);
            if (rate == -1 || rate == -2) {
                throw new IllegalArgumentException(where + "rate " + (int) rate + " (rate or duration set by the model) is not"
                        + " supported; give the rate in the table");
            }
            if (rate < 0) {
                throw new IllegalArgumentException(where + "rate must be 0 (bolus) or positive (infusion), found " + rate);
            }
            String cmt = cells[col.get("cmt")].trim();
            if (cmt.isEmpty() || cmt.equals(".")) {
                throw new IllegalArgumentException(where + "a dose needs a cmt (the state it goes into)");
            }
            if (rows.size() >= MAX_ROWS) {
                throw new IllegalArgumentException(where + "more than " + MAX_ROWS + " doses");
            }
            rows.add(new Row(i + 1, time, amt, cmt, ii, (int) addl, rate));
        }
        if (id == null && ids.size() > 1) {
            throw new IllegalArgumentException(source + ": the dosing table has " + ids.size() + " subjects (id "
                    + String.join(", ", ids.stream().limit(5).toList()) + (ids.size() > 5 ? ", ..." : "")
                    + "); choose one (id: N)");
        }
        if (id != null && !ids.isEmpty() && !ids.contains(id)) {
            throw new IllegalArgumentException(source + ": the dosing table has no subject with id " + id
                    + Suggestions.didYouMean(id, ids));
        }
        return new DoseTable(source, List.copyOf(rows), timeUnit, amountUnit, Map.copyOf(cmtNames));
    }

    private static String[] split(String line) {
        return line.split(line.indexOf(',') >= 0 ? "," : line.indexOf('\t') >= 0 ? "\t" : "\\s+", -1);
    }

    private static double number(String[] cells, Map<String, Integer> col, String name, String where, double missing) {
        Integer c = col.get(name);
        if (c == null) {
            return missing;
        }
        String s = cells[c].trim();
        if (s.isEmpty() || s.equals(".")) {
            return missing;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "column '" + name + "' must be a number, found '" + s + "'");
        }
    }

    public String source() {
        return source;
    }

    public int size() {
        return rows.size();
    }

    /**
     * The doses as regimens for a model: cmt resolved to a state name through the mapping, a
     * state of that name, or the 1-based state number.
     */
    public List<Regimen> regimens(Layout layout) {
        List<Regimen> out = new ArrayList<>();
        for (Row r : rows) {
            String where = source + ":" + r.line();
            String target = state(r.cmt(), layout, where);
            Quantity amount = Quantity.of(r.amount(), amountUnit);
            Regimen reg = Regimen.of(target, amount).start(Quantity.of(r.time(), timeUnit));
            if (r.addl() > 0) {
                reg = reg.every(Quantity.of(r.ii(), timeUnit), r.addl() + 1);
            }
            if (r.rate() > 0) {
                reg = reg.over(Quantity.of(r.amount() / r.rate(), timeUnit));
            }
            out.add(reg.origin(where));
        }
        return out;
    }

    private String state(String cmt, Layout layout, String where) {
        String mapped = cmtNames.getOrDefault(cmt, cmt);
        if (layout.stateIndex(mapped) >= 0) {
            return mapped;
        }
        if (mapped.matches("\\d+")) {
            int k = Integer.parseInt(mapped);
            if (k >= 1 && k <= layout.stateCount()) {
                return layout.states().get(k - 1).id();
            }
            throw new IllegalArgumentException(where + ": cmt " + k + " is not a state number (the model has "
                    + layout.stateCount() + " states; map cmt numbers to state names with cmt: {" + k + ": NAME})");
        }
        throw new IllegalArgumentException(where + ": cmt '" + cmt + "' is not a state of the model"
                + Suggestions.didYouMean(mapped, layout.states().stream().map(v -> v.id()).toList()));
    }
}
