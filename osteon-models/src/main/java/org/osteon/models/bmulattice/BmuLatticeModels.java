package org.osteon.models.bmulattice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osteon.models.BuiltInModel;

/**
 * The two tissue-scale built-in models, both written by the {@link BmuLattice} template: a 1-D
 * chain of 21 sites and a 2-D lattice of 11 x 11 sites (1 mm apart), with an osteolytic
 * metastasis at the centre.
 */
public final class BmuLatticeModels {
    public static final String ID_1D = "bmu-lattice-1d";
    public static final String ID_2D = "bmu-lattice-2d";
    public static final BmuLattice CHAIN = new BmuLattice(21, 1);
    public static final BmuLattice SQUARE = new BmuLattice(11, 11);

    private static final String CITATION = "Pivonka P, Zimak J, Smith DW, Gardiner BS, Dunstan CR, Sims NA, Martin TJ, "
            + "Mundy GR (2008) Model structure and control of bone remodeling: a theoretical study. Bone 43:249-263";

    private BmuLatticeModels() {
    }

    public static BuiltInModel chain() {
        return BuiltInModel.text(ID_1D, "BMU chain: an osteolytic metastasis in a row of 21 Pivonka 2008 BMUs", CITATION,
                "10.1016/j.bone.2008.03.025",
                "21 pivonka2008 BMUs 1 mm apart exchanging PTH/PTHrP and OPG by diffusion; a tumour at the centre "
                        + "secretes PTHrP and RANKL; local bone volume per site. Generated from one per-site template.",
                List.of(BuiltInModel.scenarioOf(ID_1D, ID_1D + "-metastasis"),
                        BuiltInModel.scenarioOf(ID_1D, ID_1D + "-metastasis-opg")));
    }

    public static BuiltInModel square() {
        return BuiltInModel.text(ID_2D, "BMU lattice: an osteolytic metastasis in an 11 x 11 lattice of Pivonka 2008 BMUs",
                CITATION, "10.1016/j.bone.2008.03.025",
                "121 pivonka2008 BMUs on a square lattice 1 mm apart exchanging PTH/PTHrP and OPG by diffusion; a tumour "
                        + "at the centre secretes PTHrP and RANKL; local bone volume per site. Generated from one per-site template.",
                List.of(BuiltInModel.scenarioOf(ID_2D, ID_2D + "-metastasis")));
    }

    /** The Antimony text of a shipped lattice model, as the template writes it. */
    public static String text(String id) {
        return switch (id) {
            case ID_1D -> CHAIN.antimony("bmu_lattice_1d");
            case ID_2D -> SQUARE.antimony("bmu_lattice_2d");
            default -> throw new IllegalArgumentException("not a BMU lattice model: " + id);
        };
    }

    /**
     * Rewrites the shipped model files from the template. Run from the repository root:
     * {@code java -cp osteon-models/target/classes org.osteon.models.bmulattice.BmuLatticeModels osteon-models/src/main/resources}.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "osteon-models/src/main/resources");
        for (String id : List.of(ID_1D, ID_2D)) {
            Path file = root.resolve(BuiltInModel.resourceOf(id).substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(id), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }
}
