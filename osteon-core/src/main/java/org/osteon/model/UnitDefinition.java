package org.osteon.model;

import java.util.List;

/**
 * A unit: {@code multiplier * product(factor.unit ^ factor.exponent)}, for example
 * {@code unit pM = 1e-12 mole / litre} is multiplier 1e-12 with factors mole^1, litre^-1.
 * The special ids {@code time_unit}, {@code substance}, {@code volume} set model defaults.
 */
public record UnitDefinition(String id, double multiplier, List<Factor> factors) {
    public UnitDefinition {
        ModelSymbol.requireId(id);
        factors = List.copyOf(factors);
    }

    /** A unit raised to a power. */
    public record Factor(String unit, double exponent) {
        public Factor {
            ModelSymbol.requireId(unit);
        }
    }
}
