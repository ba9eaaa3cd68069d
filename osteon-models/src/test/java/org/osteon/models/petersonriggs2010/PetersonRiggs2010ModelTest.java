package org.osteon.models.petersonriggs2010;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.models.BoneModelVerification;
import org.osteon.simulation.InitialConditions;

/** Structure of petersonriggs2010 checked against OpenBoneMin 9dfb189 as the reference notes describe it. */
class PetersonRiggs2010ModelTest {
    private static final CompiledModel MODEL = BoneModelVerification.CATALOG.compiled(PetersonRiggs.MODEL).orElseThrow();

    /** OpenBoneMin.cpp's 43 compartments in $INIT order (reference notes section 2). */
    static final List<String> OPENBONEMIN_STATES = List.of("DENSC", "PTH", "S", "PTmax", "B", "P", "ECCPhos", "T", "R",
            "HAp", "PhosGut", "IntraPO", "OC", "ROB1", "L", "RNK", "O", "Q", "Qbone", "RX2", "CREB", "BCL2", "TERISC",
            "TERICENT", "PKGUT", "PKCENT", "PKPER1", "PKPER2", "DENCENT", "DENPER", "UCA", "TGFB", "TGFBact", "OBfast",
            "OBslow", "M", "N", "AOH", "EST", "BMDls", "BMDlsDEN", "BMDfn", "GFR");

    /** OpenBoneMin's hour-valued ages, kept in years here: compared in faithful mode (364-day years). */
    private static final Set<String> AGES_IN_HOURS = Set.of("ageENTER", "ageDONE", "menoDUR");

    @Test
    void hasOpenBoneMinsStatesInOrderThenOsteonsThree() {
        List<String> states = MODEL.layout().states().stream().map(Variable::id).toList();
        assertThat(states.subList(0, 43)).containsExactlyElementsOf(OPENBONEMIN_STATES);
        assertThat(states.subList(43, states.size())).containsExactly("TERIPTH", "AGE", "BMD_LS");
    }

    @Test
    void everyOpenBoneMinParameterHasItsValue() throws IOException {
        Map<String, Double> expected = openBoneMinParameters();
        assertThat(expected).hasSize(153); // reference notes section 1: 153 [PARAM] entries
        InitialConditions faithful = InitialConditions.prepare(MODEL, Map.of("faithful", 1.0), 0);
        Layout layout = MODEL.layout();
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            int k = layout.parameterIndex(e.getKey());
            assertThat(k).as("parameter %s", e.getKey()).isNotNegative();
            double value = faithful.parameters()[k];
            assertThat(value).as(e.getKey()).isCloseTo(e.getValue(), within(Math.abs(e.getValue()) * 1e-15));
        }
    }

    @Test
    void correctedModeUsesYearsOf365Point25DaysForAge() {
        InitialConditions corrected = InitialConditions.prepare(MODEL, Map.of(), 0);
        assertThat(parameter(corrected, "faithful")).isZero();
        assertThat(parameter(corrected, "ageENTER")).isEqualTo(41 * 8766.0);
        assertThat(parameter(corrected, "ageDONE")).isEqualTo(51 * 8766.0);
        assertThat(corrected.state()[MODEL.layout().stateIndex("AGE")]).isEqualTo(41 * 8766.0);
    }

    /**
     * The baseline values OpenBoneMin computes in [MAIN] (reference notes section 2, quoted to five
     * significant figures, hence the relative bound of 5e-5).
     */
    @Test
    void initialValuesComputedFromParametersAsInOpenBoneMinMain() {
        InitialConditions init = InitialConditions.prepare(MODEL, Map.of(), 0);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("TGFB", 228.142);
        expected.put("TGFBact", 0.228142);
        expected.put("OBfast", 0.0039987);
        // the notes print 0.0010146 for OBtot0*(1 - FracOBfast) = 0.00101453: the formula is the reference
        expected.put("OBslow", 0.00501324 * (1 - 0.797629));
        expected.put("M", 2.2283e-4);
        expected.put("N", 8.9133e-5);
        expected.put("AOH", 126.0);
        expected.put("GFR", 6.0);
        expected.put("PTH", 53.90);
        expected.put("P", 32.90);
        expected.put("B", 1260.0);
        expected.put("ECCPhos", 16.8);
        expected.forEach((id, v) -> assertThat(init.state()[MODEL.layout().stateIndex(id)]).as(id)
                .isCloseTo(v, within(Math.abs(v) * 5e-5)));
    }

    /**
     * Reference notes section 3: the EC50s are solved from the baseline so that each effect is exactly
     * 1 (or its baseline rate) at t = 0. Checked on the compiled model's outputs at the start, to
     * rounding (1e-12).
     */
    @Test
    void calibrationFormulasMakeEveryEffectOneAtBaseline() {
        InitialConditions init = InitialConditions.prepare(MODEL, Map.of(), 0);
        double[] out = new double[MODEL.layout().outputCount()];
        MODEL.outputs(0, init.state(), init.parameters(), out);
        double pic0 = parameter(init, "Pic0");
        Map<String, Double> ones = new LinkedHashMap<>();
        ones.put("MeffOC", 1.0);
        ones.put("LsurvOC", 1.0);
        ones.put("T68", 1.0);
        ones.put("CtriolPTeff", 1.0);
        ones.put("ReabsPTHeff", 1.0);
        ones.put("LpthEff", 1.0);
        ones.put("OsteoEffect", 1.0);
        ones.put("MOCratioEff", 1.0);
        ones.put("PhosEffect", 1.0);
        ones.put("tmEST", 1.0);
        ones.put("PicROB", pic0);
        ones.put("PicOB", pic0);
        ones.put("PicOC", pic0);
        ones.put("PicOBkb", pic0);
        ones.put("RX2Kout", parameter(init, "RX2Kout0"));
        ones.put("crebKin", parameter(init, "crebKin0"));
        ones.put("kbprime", parameter(init, "kb"));
        ones.put("T63", parameter(init, "kout") * parameter(init, "PTH_0"));
        ones.put("OCeqn", parameter(init, "T13"));
        // urinary calcium at baseline: 0.15 mmol/h in the notes (section 3.4), exactly the literal 0.149997 of
        // OpenBoneMin's ReabsMax
        ones.put("J27", 0.149997);
        ones.forEach((id, v) -> assertThat(out[MODEL.layout().outputIndex(id)]).as(id).isCloseTo(v, within(Math.abs(v) * 1e-12 + 1e-15)));
        // not a solved calibration but a consequence of T77, T80, T81: "0.15 at R = 0.5" (section 3.3), to the quote's rounding
        assertThat(out[MODEL.layout().outputIndex("T85")]).isCloseTo(0.15, within(0.005));
    }

    @Test
    void switchFlagsStartFromTheStartingState() {
        InitialConditions base = InitialConditions.prepare(MODEL, Map.of(), 0);
        assertThat(parameter(base, "RUNX2_high")).isZero(); // BCL2 = 100 <= 105
        assertThat(parameter(base, "PO4_high")).isZero(); // C2 = 1.2, not above
        assertThat(parameter(base, "UCa_flowing")).isOne();
        assertThat(parameter(base, "UPO4_flowing")).isOne();
        InitialConditions high = InitialConditions.prepare(MODEL, Map.of("BCL2", 110.0, "ECCPhos", 18.0), 0);
        assertThat(parameter(high, "RUNX2_high")).isOne();
        assertThat(parameter(high, "PO4_high")).isOne();
    }

    static double parameter(InitialConditions init, String id) {
        int k = MODEL.layout().parameterIndex(id);
        assertThat(k).as("parameter %s", id).isNotNegative();
        return init.parameters()[k];
    }

    /** name = value pairs of the copied Appendix A; values like 0.7/24.0 or 8736*41 are evaluated. */
    static Map<String, Double> openBoneMinParameters() throws IOException {
        String text;
        try (InputStream in = PetersonRiggs2010ModelTest.class.getResourceAsStream("/petersonriggs2010/openbonemin-param-values.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String item : text.replace('\n', '·').split("·")) {
            if (item.isBlank()) {
                continue;
            }
            String[] kv = item.split("=");
            values.put(kv[0].trim(), arithmetic(kv[1].trim()));
        }
        return values;
    }

    /** a, a/b or a*b. */
    private static double arithmetic(String s) {
        if (s.contains("/")) {
            String[] ab = s.split("/");
            return Double.parseDouble(ab[0]) / Double.parseDouble(ab[1]);
        }
        if (s.contains("*")) {
            String[] ab = s.split("\\*");
            return Double.parseDouble(ab[0]) * Double.parseDouble(ab[1]);
        }
        return Double.parseDouble(s);
    }
}
