package org.osteon.models;

import static org.osteon.models.BoneModelVerification.DEFAULT_LIMIT;
import static org.osteon.models.BoneModelVerification.TIGHT;
import static org.osteon.models.BoneModelVerification.TIGHT_LIMIT;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * The {@code bdf} method on published models against the shared tight references (Radau at
 * 1e-10/1e-14, accurate to about 1e-9 of each variable's peak; /work/shared/reference, copied to
 * src/test/resources/reference): the same limits as the models' own tests run with {@code auto}
 * (1e-6 of peak at rtol 1e-8, 1e-3 of peak at the default settings). A lean sample: one load
 * case per model family, including the restarts at Lemaire's and Pivonka's window edges.
 */
class BdfPublishedModelsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("lemaire2004-case3-pth-injection", "lemaire_case3_PTH_injection_tight.csv",
                        columns("OBp", "OBp_pM", "OBa", "OBa_pM", "OCa", "OCa_pM")),
                Arguments.of("pivonka2008-pth", "pivonka_case1_PTH_injection_tight.csv",
                        columns("OBp", "OBp_pM", "OBa", "OBa_pM", "OCa", "OCa_pM")),
                Arguments.of("komarova2003-single-cycle", "komarova_single_cycle_paper_tight.csv",
                        columns("x1", "x1_OC_cells", "x2", "x2_OB_cells", "z", "z_bone_mass_pct")));
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bdfMatchesTheTightReference(String scenarioId, String referenceFile, Map<String, String> columns) {
        ReferenceData ref = ReferenceData.load(referenceFile);
        Trajectory tight = BoneModelVerification.run(scenarioId, TIGHT.withMethod("bdf"));
        Map<String, Double> eTight = BoneModelVerification.errors(tight, ref, columns);
        BoneModelVerification.print(scenarioId + " bdf rtol 1e-8", eTight, tight);
        BoneModelVerification.assertWithin(scenarioId + " bdf rtol 1e-8", eTight, TIGHT_LIMIT);

        Trajectory def = BoneModelVerification.run(scenarioId, SolverSettings.DEFAULT.withMethod("bdf"));
        Map<String, Double> eDefault = BoneModelVerification.errors(def, ref, columns);
        BoneModelVerification.print(scenarioId + " bdf default", eDefault, def);
        BoneModelVerification.assertWithin(scenarioId + " bdf default", eDefault, DEFAULT_LIMIT);
    }
}
