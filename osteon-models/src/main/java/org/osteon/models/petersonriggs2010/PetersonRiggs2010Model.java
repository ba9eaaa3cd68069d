package org.osteon.models.petersonriggs2010;

import java.util.List;
import org.osteon.models.BuiltInModel;

/**
 * Peterson &amp; Riggs 2010 calcium homeostasis and bone remodelling, as extended and distributed in
 * OpenBoneMin (denosumab and teriparatide PK/PD, BMD, estrogen, kidney decline). Time in hours.
 */
public final class PetersonRiggs2010Model {
    public static final String ID = "petersonriggs2010";

    /** Baseline first, then the drug regimens of Peterson &amp; Riggs 2012 and the other conditions. */
    public static final List<String> SCENARIOS = List.of(
            "petersonriggs2010-baseline",
            "petersonriggs2010-denosumab-60mg-q6m-48mo",
            "petersonriggs2010-denosumab-14mg-then-60mg-q6m-48mo",
            "petersonriggs2010-denosumab-30mg-q3m-restart-48mo",
            "petersonriggs2010-denosumab-210mg-q6m-stop-48mo",
            "petersonriggs2010-denosumab-discontinuation",
            "petersonriggs2010-teriparatide-20ug-1y",
            "petersonriggs2010-gfr-decline",
            "petersonriggs2010-estrogen-loss");

    private PetersonRiggs2010Model() {
    }

    public static BuiltInModel definition() {
        return BuiltInModel.text(ID, "Peterson & Riggs 2010: calcium homeostasis and bone remodelling (OpenBoneMin)",
                "Peterson MC, Riggs MM (2010) A physiologically based mathematical model of integrated calcium homeostasis "
                        + "and bone remodeling. Bone 46:49-63; Peterson MC, Riggs MM (2012) CPT Pharmacometrics Syst Pharmacol "
                        + "1:e14; OpenBoneMin (Metrum Research Group) 9dfb189",
                "10.1016/j.bone.2009.08.053",
                "PTH, calcitriol, gut and kidney calcium and phosphate, bone cells with RANK/RANKL/OPG and TGF-beta; "
                        + "denosumab (mg) and teriparatide (ug) PK/PD, estrogen, kidney decline, lumbar-spine BMD. Time in hours.",
                SCENARIOS.stream().map(s -> BuiltInModel.scenarioOf(ID, s)).toList());
    }
}
