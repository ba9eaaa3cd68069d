package org.osteon.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osteon.util.FiniteNumbers;

/**
 * A number with an optional unit as a user writes it ({@code 60 mg}, {@code 6 months},
 * {@code 1e6 ng}, {@code 4.5}). The unit stays text until it is resolved against a model's
 * units, because a model may define its own unit names.
 *
 * @param unit the unit expression, or {@code null} for a plain number (in the units of whatever it is given to)
 */
public record Quantity(double value, String unit) {
    private static final Pattern FORM = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");

    public Quantity {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a quantity must be a finite number, found " + value);
        }
        if (unit != null && unit.isBlank()) {
            unit = null;
        }
    }

    public static Quantity of(double value) {
        return new Quantity(value, null);
    }

    public static Quantity of(double value, String unit) {
        return new Quantity(value, unit);
    }

    /**
     * Reads "number [unit]".
     *
     * @throws IllegalArgumentException when the text does not start with a number
     */
    public static Quantity parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a number with an optional unit (like '60 mg' or '6 months'), found '"
                    + text.trim() + "'");
        }
        double v = FiniteNumbers.parse(m.group(1)); // 1e400 must not become Infinity
        String u = m.group(2);
        return new Quantity(v, u.isEmpty() ? null : u);
    }

    public boolean hasUnit() {
        return unit != null;
    }

    /** The value in {@code target}; a plain number is taken to be in {@code target} already. */
    public double in(Unit target, Units units) {
        return unit == null ? value : value * units.parse(unit).in(target);
    }

    @Override
    public String toString() {
        return unit == null ? Units.format(value) : Units.format(value) + " " + unit;
    }
}
