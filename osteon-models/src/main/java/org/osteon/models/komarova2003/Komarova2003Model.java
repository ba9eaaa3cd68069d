package org.osteon.models.komarova2003;

import java.util.List;
import org.osteon.models.BuiltInModel;

/** Komarova et al. 2003: osteoclast/osteoblast power-law model of one remodelling site. */
public final class Komarova2003Model {
    public static final String ID = "komarova2003";

    private Komarova2003Model() {
    }

    public static BuiltInModel definition() {
        return BuiltInModel.text(ID, "Komarova et al. 2003: autocrine/paracrine remodelling cycle",
                "Komarova SV, Smith RJ, Dixon SJ, Sims SM, Wahl LM (2003) Mathematical model predicts a critical role for "
                        + "osteoclast autocrine regulation in the control of bone remodeling. Bone 33:206-215",
                "10.1016/S8756-3282(03)00157-1",
                "Osteoclasts and osteoblasts at one remodelling site with power-law autocrine/paracrine regulation, and bone "
                        + "mass; a perturbation of the steady state gives a single damped remodelling cycle.",
                List.of(BuiltInModel.scenarioOf(ID, "komarova2003-single-cycle"),
                        BuiltInModel.scenarioOf(ID, "komarova2003-single-cycle-biomodels")));
    }
}
