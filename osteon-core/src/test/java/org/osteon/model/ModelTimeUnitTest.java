package org.osteon.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The label of a model's time unit. Expected names: SBML Level 3 (section 4.4) writes time units
 * as multiples of the base unit second, e.g. BIOMD0000000613 declares hours as 3600 second; the
 * label must say hour, not Osteon's default day.
 */
class ModelTimeUnitTest {
    @ParameterizedTest
    @CsvSource({
        "1, second, 1, second",
        "60, second, 1, minute",
        "3600, second, 1, hour",
        "86400, second, 1, day",
        "604800, second, 1, week",
        "1, hour, 1, hour",
        "1, day, 1, day",
        "7200, second, 1, time_unit",
        "1, second, 2, time_unit",
    })
    void aDeclaredTimeUnitIsNamedByWhatItIs(double multiplier, String base, double exponent, String expected) {
        Model m = Model.builder("m")
                .unit(new UnitDefinition("time_unit", multiplier, List.of(new UnitDefinition.Factor(base, exponent))))
                .build();
        assertThat(m.timeUnit()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void withoutADeclarationTimeIsInDays() {
        assertThat(Model.builder("m").build().timeUnit()).isEqualTo("day");
    }
}
