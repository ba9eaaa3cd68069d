package org.osteon.units;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osteon.model.Model;
import org.osteon.model.UnitDefinition;
import org.osteon.util.FiniteNumbers;
import org.osteon.util.Suggestions;

/**
 * Resolves unit names and unit expressions ({@code mg}, {@code ng/ml}, {@code mg/kg},
 * {@code 1/day}, {@code pmol/l}) to {@link Unit}s. Names are looked up first among the model's
 * own unit definitions ({@code unit pM = 1e-12 mole / litre}), then among SBML's base units and
 * the abbreviations clinicians write (mg, ug, mcg, nmol, ml, nM, h, d, week, month, year).
 * Months and years follow the {@link Calendar}.
 *
 * <p>Written by hand: no maintained Java library reads both SBML unit definitions and clinical
 * abbreviations, and the conversions needed here (scale factors between units of one dimension)
 * are a few lines.
 */
public final class Units {
    /** Avogadro's number (SBML Level 3's value for {@code item} and {@code avogadro}). */
    public static final double AVOGADRO = 6.02214076e23;
    private static final double DAY = 86400;
    private static final Set<String> SBML_OTHER = Set.of("ampere", "becquerel", "candela", "coulomb", "farad", "gray",
            "henry", "joule", "katal", "kelvin", "lumen", "lux", "newton", "ohm", "pascal", "radian", "siemens",
            "sievert", "steradian", "tesla", "volt", "watt", "weber");

    /** The built-in names under the default calendar, made once: every run of a dosed scenario asks for them. */
    private static final Map<String, Unit> DEFAULT_BUILT_INS = builtIns(Calendar.DEFAULT);
    private final Map<String, UnitDefinition> definitions;
    private final Calendar calendar;
    private final Map<String, Unit> builtIn;

    private Units(Map<String, UnitDefinition> definitions, Calendar calendar) {
        this.definitions = definitions;
        this.calendar = calendar;
        this.builtIn = calendar.equals(Calendar.DEFAULT) ? DEFAULT_BUILT_INS : builtIns(calendar);
    }

    /** Built-in names only. */
    public static Units standard(Calendar calendar) {
        return new Units(Map.of(), calendar);
    }

    /** The model's unit definitions first, then the built-in names. */
    public static Units of(Model model, Calendar calendar) {
        Map<String, UnitDefinition> defs = new HashMap<>();
        if (model != null) {
            model.units().forEach(u -> defs.put(u.id(), u));
        }
        return new Units(defs, calendar);
    }

    public Calendar calendar() {
        return calendar;
    }

    /** The model's time unit: its {@code time_unit} definition, else {@code name} (e.g. "day", "hour"). */
    public Unit timeUnit(String name) {
        Unit u = definitions.containsKey("time_unit") ? resolve("time_unit") : resolve(name);
        if (!u.isTime()) {
            throw new IllegalArgumentException("the model's time unit '" + name + "' is not a time (it is " + u.dimension() + ")");
        }
        return u.named(name);
    }

    /** A unit name: a model definition or a built-in name. */
    public Unit resolve(String name) {
        return resolve(name, new HashSet<>());
    }

    private Unit resolve(String name, Set<String> visiting) {
        UnitDefinition def = definitions.get(name);
        if (def != null) {
            if (!visiting.add(name)) {
                throw new IllegalArgumentException("unit '" + name + "' is defined in terms of itself");
            }
            Unit u = new Unit(name, def.multiplier(), 0, 0, 0, 0, true);
            for (UnitDefinition.Factor f : def.factors()) {
                u = u.times(resolve(f.unit(), visiting).pow(f.exponent()));
            }
            visiting.remove(name);
            return u.named(name);
        }
        Unit u = builtIn.get(name);
        if (u == null) {
            u = builtIn.get(name.toLowerCase(Locale.ROOT));
            if (u != null && !CASE_SENSITIVE.contains(name.toLowerCase(Locale.ROOT))) {
                return u.named(name);
            }
            Set<String> known = new HashSet<>(builtIn.keySet());
            known.addAll(definitions.keySet());
            throw new IllegalArgumentException("unknown unit '" + name + "'" + Suggestions.didYouMean(name, known)
                    + "; use a unit the model defines or one of mg, ug, ng, g, kg, mol, mmol, umol, nmol, pmol, l, ml,"
                    + " nM, pM, h, d, week, month, year");
        }
        return u;
    }

    /** Names whose case matters: {@code M} (molar) is not {@code m} (metre). */
    private static final Set<String> CASE_SENSITIVE = Set.of("m", "mm", "um", "nm", "pm", "fm");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d*\\.?\\d+(?:[eE][-+]?\\d+)?");

    /**
     * A unit expression: names joined by {@code *} or {@code /}, each with an optional
     * {@code ^exponent}, and plain numbers ({@code 1/day}). {@code a/b/c} is {@code a/(b*c)}'s
     * left-to-right reading {@code (a/b)/c}.
     */
    public Unit parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty unit");
        }
        return new Parser(t).expression().named(t);
    }

    private final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Unit expression() {
            Unit u = term();
            while (true) {
                skip();
                if (i >= s.length()) {
                    return u;
                }
                char c = s.charAt(i);
                if (c == '*' || c == '\u00b7') {
                    i++;
                    u = u.times(term());
                } else if (c == '/') {
                    i++;
                    u = u.times(term().pow(-1));
                } else if (c == ')') {
                    return u;
                } else {
                    throw error("expected '*', '/' or the end");
                }
            }
        }

        private Unit term() {
            skip();
            if (i >= s.length()) {
                throw error("expected a unit");
            }
            Unit u;
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                u = expression();
                skip();
                if (i >= s.length() || s.charAt(i) != ')') {
                    throw error("expected ')'");
                }
                i++;
            } else if (Character.isDigit(c) || c == '.') {
                java.util.regex.Matcher m = NUMBER.matcher(s).region(i, s.length());
                if (!m.lookingAt()) {
                    throw error("expected a number");
                }
                i = m.end();
                double factor;
                try {
                    factor = FiniteNumbers.parse(m.group()); // 1e999 must not become an infinite factor
                } catch (FiniteNumbers.NotFinite e) {
                    throw error("a factor " + e.getMessage());
                }
                u = new Unit(m.group(), factor, 0, 0, 0, 0, true);
            } else if (Character.isLetter(c) || c == '_' || c == '\u00b5' || c == '\u03bc') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '\u00b5' || s.charAt(i) == '\u03bc')) {
                    i++;
                }
                u = resolve(s.substring(start, i));
            } else {
                throw error("unexpected '" + c + "'");
            }
            skip();
            if (i < s.length() && s.charAt(i) == '^') {
                i++;
                skip();
                int start = i;
                if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                    i++;
                }
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                try {
                    u = u.pow(Double.parseDouble(s.substring(start, i)));
                } catch (NumberFormatException e) {
                    throw error("expected an exponent after '^'");
                }
            }
            return u;
        }

        private void skip() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("cannot read unit '" + s + "' at character " + (i + 1) + ": " + what);
        }
    }

    /** Shortest plain form of a number for messages: 30.4375, 6e+07, 182.625. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return stripZeros(parts[0]) + "e" + parts[1];
        }
        return stripZeros(s);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static Map<String, Unit> builtIns(Calendar calendar) {
        Map<String, Unit> m = new HashMap<>();
        Unit gram = Unit.base("g", 1, 1, 0, 0, 0);
        Unit mole = Unit.base("mol", 1, 0, 1, 0, 0);
        Unit metre = Unit.base("m", 1, 0, 0, 1, 0);
        Unit second = Unit.base("s", 1, 0, 0, 0, 1);
        Unit litre = metre.pow(3).times(new Unit("1e-3", 1e-3, 0, 0, 0, 0, true));
        put(m, gram, 1, "g", "gram", "grams");
        put(m, gram, 1e3, "kg", "kilogram", "kilograms");
        put(m, gram, 1e-3, "mg", "milligram", "milligrams");
        put(m, gram, 1e-6, "ug", "\u00b5g", "\u03bcg", "mcg", "microgram", "micrograms");
        put(m, gram, 1e-9, "ng", "nanogram", "nanograms");
        put(m, gram, 1e-12, "pg", "picogram", "picograms");
        put(m, mole, 1, "mol", "mole", "moles");
        put(m, mole, 1e-3, "mmol");
        put(m, mole, 1e-6, "umol", "\u00b5mol", "\u03bcmol");
        put(m, mole, 1e-9, "nmol");
        put(m, mole, 1e-12, "pmol");
        put(m, mole, 1e-15, "fmol");
        put(m, mole, 1 / AVOGADRO, "item", "items");
        put(m, Unit.DIMENSIONLESS, AVOGADRO, "avogadro");
        put(m, metre, 1, "m", "metre", "meter", "metres", "meters");
        put(m, metre, 1e-2, "cm");
        put(m, metre, 1e-3, "mm");
        put(m, litre, 1, "l", "L", "litre", "liter", "litres", "liters");
        put(m, litre, 1e-1, "dl", "dL");
        put(m, litre, 1e-3, "ml", "mL", "millilitre", "milliliter");
        put(m, litre, 1e-6, "ul", "uL", "\u00b5l", "\u00b5L");
        Unit molar = mole.times(litre.pow(-1));
        put(m, molar, 1, "M");
        put(m, molar, 1e-3, "mM");
        put(m, molar, 1e-6, "uM", "\u00b5M");
        put(m, molar, 1e-9, "nM");
        put(m, molar, 1e-12, "pM");
        put(m, molar, 1e-15, "fM");
        put(m, second, 1, "s", "sec", "second", "seconds");
        put(m, second, 60, "min", "minute", "minutes");
        put(m, second, 3600, "h", "hr", "hour", "hours");
        put(m, second, DAY, "d", "day", "days");
        put(m, second, 7 * DAY, "wk", "week", "weeks");
        put(m, second, calendar.monthDays() * DAY, "mo", "month", "months");
        put(m, second, calendar.yearDays() * DAY, "y", "yr", "year", "years");
        put(m, second.pow(-1), 1, "hertz", "Hz");
        put(m, Unit.DIMENSIONLESS, 1, "dimensionless", "1");
        for (String other : SBML_OTHER) {
            m.put(other, Unit.other(other));
        }
        m.put("IU", Unit.other("IU"));
        return Map.copyOf(m);
    }

    private static void put(Map<String, Unit> m, Unit base, double scale, String... names) {
        for (String n : names) {
            m.put(n, new Unit(n, base.factor() * scale, base.mass(), base.substance(), base.length(), base.time(),
                    base.convertible()));
        }
    }

    /** The names known without a model, for documentation and tests. */
    public static List<String> builtInNames() {
        return builtIns(Calendar.DEFAULT).keySet().stream().sorted().toList();
    }
}
