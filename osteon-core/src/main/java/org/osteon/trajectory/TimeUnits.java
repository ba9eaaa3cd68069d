package org.osteon.trajectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time units for showing results: a ten-year run reads better in years than in 3652 days. Only the
 * time axis is converted (every rate inside the model keeps its own unit); a month is 365.25/12 days
 * and a year 365.25 days (the Julian year, as in pharmacometrics).
 */
public final class TimeUnits {
    /** Length of each unit in days, by its canonical name. */
    private static final Map<String, Double> DAYS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        DAYS.put("second", 1 / 86_400.0);
        DAYS.put("minute", 1 / 1_440.0);
        DAYS.put("hour", 1 / 24.0);
        DAYS.put("day", 1.0);
        DAYS.put("week", 7.0);
        DAYS.put("month", 365.25 / 12);
        DAYS.put("year", 365.25);
        for (String unit : DAYS.keySet()) {
            ALIASES.put(unit, unit);
            ALIASES.put(unit + "s", unit);
        }
        ALIASES.put("s", "second");
        ALIASES.put("min", "minute");
        ALIASES.put("h", "hour");
        ALIASES.put("hr", "hour");
        ALIASES.put("d", "day");
        ALIASES.put("wk", "week");
        ALIASES.put("yr", "year");
        ALIASES.put("a", "year");
    }

    private TimeUnits() {
    }

    /** The names accepted for output: second, minute, hour, day, week, month, year. */
    public static List<String> names() {
        return List.copyOf(DAYS.keySet());
    }

    /** The canonical name of a time unit ("weeks" and "wk" are "week"), or null if it is not one. */
    public static String canonical(String unit) {
        return unit == null ? null : ALIASES.get(unit.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The trajectory with its times in {@code unit} (the same trajectory when it already is).
     *
     * @throws IllegalArgumentException if either unit is not a time unit
     */
    public static Trajectory convert(Trajectory tr, String unit) {
        String to = canonical(unit);
        if (to == null) {
            throw new IllegalArgumentException("unknown time unit '" + unit + "'; use one of " + String.join(", ", names()));
        }
        String from = canonical(tr.timeUnit() == null || tr.timeUnit().isBlank() ? "day" : tr.timeUnit());
        if (from == null) {
            throw new IllegalArgumentException("the model's time unit '" + tr.timeUnit() + "' is not one of "
                    + String.join(", ", names()) + ", so its times cannot be shown in " + to);
        }
        if (from.equals(to) && to.equals(tr.timeUnit())) {
            return tr;
        }
        double fromDays = DAYS.get(from);
        double toDays = DAYS.get(to);
        double[] times = tr.times();
        for (int i = 0; i < times.length; i++) {
            times[i] = times[i] * fromDays / toDays; // exact for whole weeks of days
        }
        double[][] values = new double[tr.columns().size()][];
        for (int c = 0; c < values.length; c++) {
            values[c] = tr.column(tr.columns().get(c).id());
        }
        return new Trajectory(tr.modelId(), to, times, tr.columns(), values, tr.runInfo());
    }
}
