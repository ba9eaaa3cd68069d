package org.osteon.models.scheiner2013;

import java.util.List;
import org.osteon.compile.CompileOptions;
import org.osteon.models.BuiltInModel;

/**
 * Scheiner, Pivonka and Hellmich (2013): Pivonka 2008 bone-cell populations coupled to the
 * continuum micromechanics of cortical bone (mechanical regulation of OBp proliferation and of
 * RANKL production). Text in {@code scheiner2013.ant}, including the micromechanics as the
 * exact rational form whose coefficients {@link ScheinerMicromechanics} computes (a test keeps
 * them equal), so the file is a complete model for any Antimony tool; documentation in
 * docs/models/scheiner2013.md.
 */
public final class Scheiner2013Model {
    public static final String ID = "scheiner2013";

    private Scheiner2013Model() {
    }

    public static BuiltInModel definition() {
        return new BuiltInModel(ID,
                "Scheiner, Pivonka & Hellmich 2013: mechanobiology of cortical bone",
                "Scheiner S, Pivonka P, Hellmich C (2013) Coupling systems biology with multiscale mechanics, "
                        + "for computer simulations of bone remodeling. Comput Methods Appl Mech Eng 254:181-196",
                "10.1016/j.cma.2012.10.015",
                "Pivonka 2008 bone-cell populations with mechanical feedback: the strain-energy density in the bone "
                        + "matrix (two-phase micromechanics, cylindrical vascular pores) drives OBp proliferation "
                        + "(overuse) and RANKL production (disuse); vascular porosity and bone-matrix fractions evolve.",
                BuiltInModel.resourceOf(ID),
                () -> CompileOptions.DEFAULT,
                List.of(BuiltInModel.scenarioOf(ID, "scheiner2013-disuse")));
    }
}
