package org.osteon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.units.DimensionalAnalysis;

/**
 * Every built-in model's declared units are consistent (docs/units.md), or the model opts out with
 * its reason. The check found TGF-beta's release rate declared dimensionless in pivonka2008, the BMU
 * lattices, rankl-pathway (k_res) and martinezreina2019 (alpha): now per day, values unchanged.
 */
class BuiltInUnitsTest {
    private static final BuiltInCatalog CATALOG = new BuiltInCatalog();

    static Stream<String> models() {
        return BuiltInModels.all().stream().map(BuiltInModel::id);
    }

    @ParameterizedTest
    @MethodSource("models")
    void unitsAreConsistentOrTheModelSaysWhyNot(String id) {
        DimensionalAnalysis.Report r = DimensionalAnalysis.check(CATALOG.model(id).orElseThrow());
        if (id.equals("petersonriggs2010")) {
            assertThat(r.optOut()).startsWith("unchecked: OpenBoneMin is an empirical model");
            return;
        }
        assertThat(r.optOut()).as(id + " opts out").isNull();
        assertThat(r.inconsistencies()).as(id).isEmpty();
        assertThat(r.timeUnitDeclared()).as(id + " declares its time unit").isTrue();
    }
}
