package org.osteon.units;

/**
 * A unit as a factor times powers of four base dimensions: gram, mole, metre and second. Two
 * units convert into each other when their exponents agree: {@code 60 mg} is
 * {@code 60 * 1e-3} gram, and {@code ng/ml} is {@code 1e-9 / 1e-6} gram per cubic metre.
 * Units Osteon cannot relate to these (ampere, kelvin, international units, ...) are
 * {@link #convertible() not convertible}.
 *
 * @param text   the unit as written, for messages
 * @param factor size in base units (gram, mole, metre, second)
 */
public record Unit(String text, double factor, double mass, double substance, double length, double time,
                   boolean convertible) {
    public static final Unit DIMENSIONLESS = new Unit("dimensionless", 1, 0, 0, 0, 0, true);

    static Unit base(String text, double factor, double mass, double substance, double length, double time) {
        return new Unit(text, factor, mass, substance, length, time, true);
    }

    static Unit other(String text) {
        return new Unit(text, 1, 0, 0, 0, 0, false);
    }

    public Unit times(Unit o) {
        return new Unit(text + "*" + o.text, factor * o.factor, mass + o.mass, substance + o.substance,
                length + o.length, time + o.time, convertible && o.convertible);
    }

    public Unit pow(double e) {
        return new Unit(e == 1 ? text : "(" + text + ")^" + e, Math.pow(factor, e), mass * e, substance * e, length * e,
                time * e, convertible);
    }

    public Unit dividedBy(Unit o) {
        return times(o.pow(-1)).named(text + "/" + o.text);
    }

    public Unit named(String name) {
        return new Unit(name, factor, mass, substance, length, time, convertible);
    }

    /** Same dimension: a value in this unit converts into {@code o}. */
    public boolean sameDimension(Unit o) {
        return convertible && o.convertible && mass == o.mass && substance == o.substance && length == o.length
                && time == o.time;
    }

    public boolean isDimensionless() {
        return sameDimension(DIMENSIONLESS);
    }

    /** A duration. */
    public boolean isTime() {
        return sameDimension(base("s", 1, 0, 0, 0, 1));
    }

    /** How many {@code target}s one of this unit is. */
    public double in(Unit target) {
        if (!sameDimension(target)) {
            throw new IllegalArgumentException("cannot convert " + text + " (" + dimension() + ") to " + target.text
                    + " (" + target.dimension() + ")");
        }
        return factor / target.factor;
    }

    /** The dimension in words, e.g. "mass / volume". */
    public String dimension() {
        if (!convertible) {
            return "a unit Osteon cannot convert";
        }
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        part(num, den, "mass", mass);
        part(num, den, "amount of substance", substance);
        if (length % 3 == 0) {
            part(num, den, "volume", length / 3);
        } else {
            part(num, den, "length", length);
        }
        part(num, den, "time", time);
        if (num.length() == 0 && den.length() == 0) {
            return "dimensionless";
        }
        return (num.length() == 0 ? "1" : num) + (den.length() == 0 ? "" : " / " + den);
    }

    private static void part(StringBuilder num, StringBuilder den, String name, double e) {
        if (e == 0) {
            return;
        }
        StringBuilder into = e > 0 ? num : den;
        if (into.length() > 0) {
            into.append(" * ");
        }
        into.append(name);
        double a = Math.abs(e);
        if (a != 1) {
            into.append('^').append(a == Math.rint(a) ? String.valueOf((long) a) : String.valueOf(a));
        }
    }
}
