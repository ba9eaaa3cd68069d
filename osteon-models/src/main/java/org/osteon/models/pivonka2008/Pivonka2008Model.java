package org.osteon.models.pivonka2008;

import java.util.List;
import org.osteon.models.BuiltInModel;

/** Pivonka et al. 2008: bone-cell populations with TGF-beta, PTH and production-limited RANKL/OPG. */
public final class Pivonka2008Model {
    public static final String ID = "pivonka2008";

    /** The published PTH load case first, then one exploration scenario per input. */
    public static final List<String> SCENARIOS = List.of(
            "pivonka2008-pth",
            "pivonka2008-opg-injection",
            "pivonka2008-rankl-injection",
            "pivonka2008-tgfb-injection",
            "pivonka2008-obp-injection",
            "pivonka2008-oba-injection",
            "pivonka2008-oca-injection");

    private Pivonka2008Model() {
    }

    public static BuiltInModel definition() {
        return BuiltInModel.text(ID, "Pivonka et al. 2008: model structure and control of bone remodelling",
                "Pivonka P, Zimak J, Smith DW, Gardiner BS, Dunstan CR, Sims NA, Martin TJ, Mundy GR (2008) Model structure "
                        + "and control of bone remodeling: a theoretical study. Bone 43:249-263",
                "10.1016/j.bone.2008.03.025",
                "Osteoblast precursors, active osteoblasts and active osteoclasts with TGF-beta, PTH and production-limited "
                        + "RANKL/OPG (RANKL on precursors, OPG from active osteoblasts), bone_models 0.1.0 parameter values.",
                SCENARIOS.stream().map(s -> BuiltInModel.scenarioOf(ID, s)).toList());
    }
}
