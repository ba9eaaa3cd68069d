package org.osteon.models.ranklpathway;

import java.util.List;
import org.osteon.models.BuiltInModel;

/** The integrated RANK/RANKL/OPG pathway model of the Osteon source outline. */
public final class RanklPathwayModel {
    public static final String ID = "rankl-pathway";

    /** Scenario names, one per clinical statement of the outline (see docs/models/rankl-pathway.md). */
    static final List<String> SCENARIOS = List.of(
            "baseline", "opg-loss", "rankl-knockout", "rank-knockout", "paget",
            "metastasis", "metastasis-opg", "metastasis-bisphosphonate",
            "myeloma", "periprosthetic", "periprosthetic-denosumab",
            "menopause", "menopause-estrogen", "calcitonin", "tgfb", "il10",
            "hyperparathyroidism", "teriparatide", "il1", "vitamin-d", "pge2", "pthrp",
            "menopause-denosumab", "freedom", "denosumab-stop", "zoledronate");

    private RanklPathwayModel() {
    }

    public static BuiltInModel definition() {
        return new BuiltInModel(ID, "RANKL pathway: hormones, cytokines, drugs and diseases of bone remodelling",
                "Osteon model built on Pivonka P et al. (2008) Bone 43:249-263", "10.1016/j.bone.2008.03.025",
                "Every mechanism and clinical statement of the source outline on the Pivonka 2008 structure",
                BuiltInModel.resourceOf(ID), () -> org.osteon.compile.CompileOptions.DEFAULT,
                SCENARIOS.stream().map(s -> BuiltInModel.scenarioOf(ID, ID + "-" + s)).toList());
    }
}
