package org.osteon.models;

import java.util.List;

/** The list of built-in models. Each model's definition lives in its own class. */
public final class BuiltInModels {
    private BuiltInModels() {
    }

    public static List<BuiltInModel> all() {
        return List.of(
                org.osteon.models.komarova2003.Komarova2003Model.definition(),
                org.osteon.models.lemaire2004.Lemaire2004Model.definition(),
                org.osteon.models.pivonka2008.Pivonka2008Model.definition(),
                org.osteon.models.scheiner2013.Scheiner2013Model.definition(),
                org.osteon.models.martinezreina2019.MartinezReina2019Model.definition(),
                org.osteon.models.petersonriggs2010.PetersonRiggs2010Model.definition(),
                org.osteon.models.ranklpathway.RanklPathwayModel.definition(),
                org.osteon.models.bmulattice.BmuLatticeModels.chain(),
                org.osteon.models.bmulattice.BmuLatticeModels.square());
    }

    /** The Java parts of the built-in model {@code id} ({@link BuiltInModel#javaParts()}); empty for any other id. */
    public static List<String> javaParts(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst().map(BuiltInModel::javaParts).orElse(List.of());
    }
}
