package org.osteon.trajectory;

import java.util.List;
import java.util.Locale;
import org.osteon.units.Calendar;
import org.osteon.units.Unit;
import org.osteon.units.Units;

/**
 * Time units for showing results: a ten-year run reads better in years than in 3652 days. Only the
 * time axis is converted (every rate inside the model keeps its own unit). The lengths come from
 * {@link Units}, the one home of unit arithmetic: a month is 365.25/12 days and a year 365.25 days
 * (the Julian year, as in pharmacometrics; {@link Calendar#DEFAULT}).
 */
public final class TimeUnits {
    private static final Units UNITS = Units.standard(Calendar.DEFAULT);
    /** The canonical names, shortest first. */
    private static final List<String> NAMES = List.of("second", "minute", "hour", "day", "week", "month", "year");

    private TimeUnits() {
    }

    /** The names accepted for output: second, minute, hour, day, week, month, year. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The canonical name of a time unit ("weeks" and "wk" are "week", any name {@link Units} reads as a
     * time of one of these lengths; "a" is a year), or null if it is not one.
     */
    public static String canonical(String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.strip().toLowerCase(Locale.ROOT);
        Unit resolved = resolve(u.equals("a") ? "year" : u);
        if (resolved == null || !resolved.isTime()) {
            return null;
        }
        for (String name : NAMES) {
            if (UNITS.resolve(name).factor() == resolved.factor()) {
                return name;
            }
        }
        return null;
    }

    private static Unit resolve(String name) {
        try {
            return UNITS.resolve(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
        double fromSeconds = UNITS.resolve(from).factor();
        double toSeconds = UNITS.resolve(to).factor();
        double[] times = tr.times();
        for (int i = 0; i < times.length; i++) {
            times[i] = times[i] * fromSeconds / toSeconds; // exact for whole weeks of days
        }
        double[][] values = new double[tr.columns().size()][];
        for (int c = 0; c < values.length; c++) {
            values[c] = tr.column(tr.columns().get(c).id());
        }
        return new Trajectory(tr.modelId(), to, times, tr.columns(), values, tr.runInfo());
    }
}
