package org.osteon.sbml;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osteon.model.Model;
import org.osteon.model.UnitDefinition;

/**
 * Osteon units in SBML's terms. An Osteon unit definition may be built on other definitions and on
 * common non-SI units ({@code day}, {@code hour}, ...); an SBML unit definition is a product of
 * base units only. {@link #expand} flattens a unit into a multiplier and base-unit exponents.
 */
final class SbmlUnits {
    /** SBML Level 3 base units (with the American spellings Osteon also accepts). */
    static final Set<String> BASE = Set.of("ampere", "avogadro", "becquerel", "candela", "coulomb", "dimensionless",
            "farad", "gram", "gray", "henry", "hertz", "item", "joule", "katal", "kelvin", "kilogram", "litre", "lumen",
            "lux", "metre", "mole", "newton", "ohm", "pascal", "radian", "second", "siemens", "sievert", "steradian",
            "tesla", "volt", "watt", "weber");

    /** Common units that are not SBML base units, in base units. */
    private static final Map<String, Expanded> DERIVED = Map.of(
            "minute", new Expanded(60, Map.of("second", 1.0)),
            "hour", new Expanded(3600, Map.of("second", 1.0)),
            "day", new Expanded(86400, Map.of("second", 1.0)),
            "week", new Expanded(604800, Map.of("second", 1.0)),
            "liter", new Expanded(1, Map.of("litre", 1.0)),
            "meter", new Expanded(1, Map.of("metre", 1.0)));

    /** multiplier * product(base ^ exponent). */
    record Expanded(double multiplier, Map<String, Double> exponents) {
    }

    private final Model model;

    SbmlUnits(Model model) {
        this.model = model;
    }

    /** The unit in base units, or empty when it names something unknown (or its definitions loop). */
    Optional<Expanded> expand(String unit) {
        return expand(unit, 0);
    }

    private Optional<Expanded> expand(String unit, int depth) {
        if (depth > 32) {
            return Optional.empty();
        }
        String lower = unit.toLowerCase(Locale.ROOT);
        if (BASE.contains(unit)) {
            return Optional.of(new Expanded(1, Map.of(unit, 1.0)));
        }
        Optional<UnitDefinition> def = model.unit(unit);
        if (def.isEmpty()) {
            return Optional.ofNullable(DERIVED.get(lower));
        }
        double multiplier = def.get().multiplier();
        Map<String, Double> exponents = new LinkedHashMap<>();
        for (UnitDefinition.Factor f : def.get().factors()) {
            Optional<Expanded> inner = expand(f.unit(), depth + 1);
            if (inner.isEmpty()) {
                return Optional.empty();
            }
            multiplier *= Math.pow(inner.get().multiplier(), f.exponent());
            inner.get().exponents().forEach((k, e) -> exponents.merge(k, e * f.exponent(), Double::sum));
        }
        exponents.values().removeIf(e -> e == 0);
        exponents.remove("dimensionless");
        return Optional.of(new Expanded(multiplier, exponents));
    }

    /** Whether the unit is an amount of substance (mole or item, with any multiplier). */
    boolean isSubstance(String unit) {
        return expand(unit).map(e -> e.exponents().size() == 1
                && (e.exponents().getOrDefault("mole", 0.0) == 1 || e.exponents().getOrDefault("item", 0.0) == 1)).orElse(false);
    }
}
