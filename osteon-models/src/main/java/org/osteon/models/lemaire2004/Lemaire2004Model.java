package org.osteon.models.lemaire2004;

import java.util.List;
import org.osteon.models.BuiltInModel;

/** Lemaire et al. 2004: bone-cell populations with TGF-beta, PTH and RANKL/RANK/OPG. */
public final class Lemaire2004Model {
    public static final String ID = "lemaire2004";

    /** The nine load cases of bone_models 0.1.0, in order (case 8 is infeasible and fails on purpose). */
    public static final List<String> SCENARIOS = List.of(
            "lemaire2004-case1-oba-injection",
            "lemaire2004-case2-oba-removal",
            "lemaire2004-case3-pth-injection",
            "lemaire2004-case4-oca-injection",
            "lemaire2004-case5-oca-removal",
            "lemaire2004-case6-opg-injection",
            "lemaire2004-case7-obp-injection",
            "lemaire2004-case8-obp-removal",
            "lemaire2004-case9-rankl-injection");

    private Lemaire2004Model() {
    }

    public static BuiltInModel definition() {
        return BuiltInModel.text(ID, "Lemaire et al. 2004: osteoblast/osteoclast interactions in bone remodelling",
                "Lemaire V, Tobin FL, Greller LD, Cho CR, Suva LJ (2004) Modeling the interactions between osteoblast and "
                        + "osteoclast activities in bone remodeling. J Theor Biol 229:293-309",
                "10.1016/j.jtbi.2004.03.023",
                "Responding and active osteoblasts and active osteoclasts coupled by TGF-beta, PTH and RANKL/RANK/OPG, with the "
                        + "nine load cases (injections and removals) of bone_models 0.1.0 and a bone-volume state.",
                SCENARIOS.stream().map(s -> BuiltInModel.scenarioOf(ID, s)).toList());
    }
}
