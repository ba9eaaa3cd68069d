package org.osteon.models.martinezreina2019;

import java.util.List;
import org.osteon.compile.CompileOptions;
import org.osteon.models.BuiltInModel;

/** Martinez-Reina &amp; Pivonka (2019): PMO, denosumab and bone mineralisation. */
public final class MartinezReina2019Model {
    public static final String ID = "martinezreina2019";

    private MartinezReina2019Model() {
    }

    /** Compile options: the mineralisation queue and the denosumab regimen (Java parts). */
    public static CompileOptions options() {
        return CompileOptions.DEFAULT.withExtension(new MineralisationQueue()).withExtension(new DenosumabRegimen());
    }

    public static BuiltInModel definition() {
        return new BuiltInModel(ID, "Martinez-Reina & Pivonka 2019: denosumab, PMO and bone mineralisation",
                "Martinez-Reina J, Pivonka P (2019) Effects of long-term treatment of denosumab on bone mineral density: "
                        + "insights from an in-silico model of bone mineralization. Bone 125:87-95",
                "10.1016/j.bone.2019.04.022",
                "Trabecular bone cell model (Scheiner/Pivonka) with a 1000-day mineralisation queue, ash-dependent "
                        + "stiffness, postmenopausal osteoporosis and denosumab (stepwise or continuous PK)",
                BuiltInModel.resourceOf(ID), MartinezReina2019Model::options,
                List.of(BuiltInModel.scenarioOf(ID, "martinezreina2019-pmo"),
                        BuiltInModel.scenarioOf(ID, "martinezreina2019-pmo-denosumab-stepwise"),
                        BuiltInModel.scenarioOf(ID, "martinezreina2019-pmo-denosumab-continuous"),
                        BuiltInModel.scenarioOf(ID, "martinezreina2019-pmo-denosumab-continuous-accumulating"),
                        BuiltInModel.scenarioOf(ID, "martinezreina2019-pmo-denosumab-continuous-conserving")));
    }
}
