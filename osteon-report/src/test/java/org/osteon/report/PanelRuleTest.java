package org.osteon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelRuleTest {
    private static final Map<String, String> UNITS =
            Map.of("OBa", "pM", "OBp", "pM", "OPG", "pM", "RANKL", "pM", "BV", "%", "zero", "pM");
    private static final Map<String, Double> PEAKS =
            Map.of("OBa", 7e-4, "OBp", 1.5e-3, "OPG", 2.7e4, "RANKL", 13.0, "BV", 103.0, "zero", 0.0);

    @Test
    void differentUnitsNeverShareAnAxis() {
        assertThat(XyFigures.group(List.of("RANKL", "BV"), UNITS, PEAKS, false))
                .containsExactly(List.of("RANKL"), List.of("BV"));
    }

    @Test
    void peaksMoreThanTenfoldApartAreSplitSmallOnesTogether() {
        assertThat(XyFigures.group(List.of("OBa", "OPG", "OBp", "RANKL"), UNITS, PEAKS, false))
                .containsExactly(List.of("OBa", "OBp"), List.of("OPG"), List.of("RANKL"));
    }

    @Test
    void onALogAxisOnlyUnitsSplit() {
        assertThat(XyFigures.group(List.of("OBa", "OPG", "BV", "RANKL"), UNITS, PEAKS, true))
                .containsExactly(List.of("OBa", "OPG", "RANKL"), List.of("BV"));
    }

    @Test
    void anAllZeroSeriesJoinsTheSmallestBand() {
        assertThat(XyFigures.group(List.of("zero", "OPG", "OBa"), UNITS, PEAKS, false))
                .containsExactly(List.of("zero", "OBa"), List.of("OPG"));
    }

    @Test
    void theBoundaryIsAFactorOfTen() {
        Map<String, Double> peaks = Map.of("a", 100.0, "b", 10.0, "c", 9.99);
        Map<String, String> units = Map.of("a", "", "b", "", "c", "");
        assertThat(XyFigures.group(List.of("a", "b"), units, peaks, false)).hasSize(1);
        assertThat(XyFigures.group(List.of("a", "c"), units, peaks, false)).hasSize(2);
    }
}
