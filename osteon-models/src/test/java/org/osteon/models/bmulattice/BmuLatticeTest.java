package org.osteon.models.bmulattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.models.BoneModelVerification;
import org.osteon.models.BuiltInCatalogAccess;
import org.osteon.models.BuiltInModel;
import org.osteon.models.ShippedScenarioChecks;
import org.osteon.scenario.Scenario;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * The tissue-scale models against what Osteon did not produce: the closed-form steady state of
 * discrete diffusion with a point source, conservation of the diffusing ligand, the mirror
 * symmetries of the lattice, the single-BMU {@code pivonka2008} model in the uncoupled limit (itself
 * verified against the bone_models reference), and the seed outline's statements on metastasis.
 * Tolerances are fixed before the runs: the model is solved at rtol 1e-8 (BoneModelVerification.TIGHT)
 * and compared at 1e-6 relative, 100x the solver tolerance for accumulated global error.
 */
class BmuLatticeTest {
    private static final double S_PTHRP = 1000;

    private static Scenario metastasis(String id, Map<String, Double> set, double until) {
        return BoneModelVerification.scenario(id).withOverrides(until, until / 10, null, null, null, set);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BmuLatticeModels.ID_1D, BmuLatticeModels.ID_2D})
    void theShippedFileIsTheTemplatesOutput(String id) {
        assertThat(BuiltInCatalogAccess.text(id))
                .as("the shipped %s.ant differs from the template: regenerate it with "
                        + "java -cp osteon-models/target/classes org.osteon.models.bmulattice.BmuLatticeModels", id)
                .isEqualTo(BmuLatticeModels.text(id));
    }

    @Test
    void theSharedParametersAreThoseOfPivonka2008AndTheBoneVolumeBalancesAtRest() {
        Model lattice = BoneModelVerification.CATALOG.model(BmuLatticeModels.ID_1D).orElseThrow();
        Model single = BoneModelVerification.CATALOG.model("pivonka2008").orElseThrow();
        int shared = 0;
        for (Parameter p : single.parameters()) {
            var same = lattice.parameters().stream().filter(q -> q.id().equals(p.id())).findFirst();
            if (same.isPresent()) {
                assertThat(same.get().value()).as(p.id()).isEqualTo(p.value());
                shared++;
            }
        }
        assertThat(shared).isEqualTo(29); // 25 constants and the 4 systemic inputs
        double kResorb = value(lattice, "k_resorb");
        double kForm = value(lattice, "k_form");
        assertThat(kResorb * Double.parseDouble(BmuLattice.OCA0)).isCloseTo(0.02, within(1e-15));
        assertThat(kForm * Double.parseDouble(BmuLattice.OBA0)).isCloseTo(0.02, within(1e-15));
    }

    private static double value(Model m, String id) {
        return m.parameters().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().value();
    }

    /**
     * The PTH field does not depend on the cells, so once it has relaxed (rate at least D_PTH =
     * 86/day; 2 days is e^-170) it is the steady state of k (u_(s-1) - 2 u_s + u_(s+1)) - D u_s +
     * S delta_(s,c) = 0 with no flux at the ends, u = PTH - beta_PTH/D_PTH: u_s = a cosh(mu (s - 1/2))
     * left of the centre c (mirrored right of it), cosh mu = 1 + D/(2k), and a from the balance at c.
     */
    @Test
    void theChainsPthFieldIsTheClosedFormSteadyStateOfDiscreteDiffusionWithAPointSource() {
        Trajectory tr = BoneModelVerification.run(metastasis("bmu-lattice-1d-metastasis", Map.of("S_RANKL", 0.0), 2),
                BoneModelVerification.TIGHT);
        int n = BmuLatticeModels.CHAIN.nx();
        int c = (n + 1) / 2;
        double d = 86;
        double k = 5.0; // diffusivity 5.0 mm2/day over h^2 = 1 mm2
        double p0 = 250 / d;
        double mu = acosh(1 + d / (2 * k));
        double a = S_PTHRP / (k * ((2 + d / k) * Math.cosh(mu * (c - 0.5)) - 2 * Math.cosh(mu * (c - 1.5))));
        for (int s = 1; s <= n; s++) {
            double u = s <= c ? a * Math.cosh(mu * (s - 0.5)) : a * Math.cosh(mu * (n + 0.5 - s));
            assertThat(tr.last("PTH_" + s)).as("PTH_%d", s).isCloseTo(p0 + u, within(1e-6 * (p0 + u)));
        }
        // most of the tumour's PTHrP stays at the lesion: its neighbours carry about 5 % of its excess
        assertThat((tr.last("PTH_" + (c - 1)) - p0) / (tr.last("PTH_" + c) - p0)).isBetween(0.04, 0.06);
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    /** Diffusion only moves PTH between sites: at steady state D_PTH * sum of the excess = the tumour's secretion. */
    @Test
    void theLatticeConservesTheDiffusingLigand() {
        Trajectory tr = BoneModelVerification.run(metastasis("bmu-lattice-2d-metastasis", Map.of(), 2),
                BoneModelVerification.TIGHT);
        double excess = 0;
        for (String s : BmuLatticeModels.SQUARE.siteSuffixes()) {
            excess += tr.last("PTH" + s) - 250.0 / 86;
        }
        assertThat(86 * excess).isCloseTo(S_PTHRP, within(1e-6 * S_PTHRP));
        // ... and it does spread: the four neighbours of the lesion hold the same, non-zero share
        double neighbour = tr.last("PTH_5_6") - 250.0 / 86;
        assertThat(neighbour).isGreaterThan(1e-3 * (tr.last("PTH_6_6") - 250.0 / 86));
        for (String s : List.of("_7_6", "_6_5", "_6_7")) {
            assertThat(tr.last("PTH" + s) - 250.0 / 86).isCloseTo(neighbour, within(1e-9 * neighbour));
        }
    }

    /**
     * The lesion at the centre of a square lattice: bone loss after 100 days is invariant under x <-> y
     * and both mirrors, to 1e-6 of the lesion's loss (the generator writes each site's exchange terms in
     * a fixed neighbour order, so mirrored sites differ by rounding only).
     */
    @Test
    void boneLossInTheSquareLatticeHasTheLatticesSymmetries() {
        // the scenario's own solver settings: mirrored sites see the same steps, so only rounding differs
        Trajectory tr = BoneModelVerification.run(metastasis("bmu-lattice-2d-metastasis", Map.of(), 100),
                SolverSettings.DEFAULT);
        int n = BmuLatticeModels.SQUARE.nx();
        double lesionLoss = 100 - tr.last("BV_6_6");
        assertThat(lesionLoss).isPositive();
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                double v = tr.last("BV_" + i + "_" + j);
                double tolerance = 1e-6 * lesionLoss;
                assertThat(tr.last("BV_" + j + "_" + i)).as("BV at (%d,%d) vs (%d,%d)", j, i, i, j).isCloseTo(v, within(tolerance));
                assertThat(tr.last("BV_" + (n + 1 - i) + "_" + j)).as("x mirror of (%d,%d)", i, j).isCloseTo(v, within(tolerance));
                assertThat(tr.last("BV_" + i + "_" + (n + 1 - j))).as("y mirror of (%d,%d)", i, j).isCloseTo(v, within(tolerance));
            }
        }
    }

    /**
     * Without diffusion every site is a pivonka2008 BMU: after 3000 days (the slowest rate of the
     * BMU is about 0.03/day, so transients are below e^-90) the lesion is at pivonka2008's steady
     * state under I_P = S_PTHrP and I_L = S_RANKL, and a healthy site at its resting state.
     */
    @Test
    void withoutDiffusionEachSiteIsTheSingleBmuModel() {
        Map<String, Double> uncoupled = Map.of("diffusivity_PTH", 0.0, "diffusivity_OPG", 0.0);
        Trajectory lattice = BoneModelVerification.run(metastasis("bmu-lattice-1d-metastasis", uncoupled, 3000),
                BoneModelVerification.TIGHT);
        Scenario single = BoneModelVerification.scenario("pivonka2008-pth").withOverrides(3000.0, 300.0, null, null, null,
                Map.of("I_P", S_PTHRP, "I_L", 168.4));
        single = new Scenario(single.name(), single.description(), single.model(), single.baseDir(), single.start(),
                single.until(), single.step(), single.solver(), single.rtol(), single.atol(), single.set(), List.of(),
                single.doses(), single.outputs(), single.source(), single.positions());
        Trajectory bmu = BoneModelVerification.run(single, BoneModelVerification.TIGHT);
        Map<String, Double> rest = Map.of("OBp", Double.parseDouble(BmuLattice.OBP0), "OBa",
                Double.parseDouble(BmuLattice.OBA0), "OCa", Double.parseDouble(BmuLattice.OCA0));
        for (String cell : List.of("OBp", "OBa", "OCa")) {
            assertThat(lattice.last(cell + "_11")).as("%s at the lesion", cell)
                    .isCloseTo(bmu.last(cell), within(1e-6 * bmu.last(cell)));
            assertThat(lattice.last(cell + "_1")).as("%s at rest", cell)
                    .isCloseTo(rest.get(cell), within(1e-6 * rest.get(cell)));
        }
        assertThat(lattice.last("PTH_11")).isCloseTo(bmu.last("PTH"), within(1e-6 * bmu.last("PTH")));
        assertThat(lattice.last("OPG_11")).isCloseTo(bmu.last("OPG"), within(1e-6 * bmu.last("OPG")));
    }

    /**
     * Seed outline: resorption is stimulated by PTHrP in metastatic disease, and blocking RANKL by
     * OPG decreases skeletal metastasis. The lesion loses bone, loss falls with distance from it,
     * and systemic OPG reduces the loss at the lesion.
     */
    @Test
    void theMetastasisScenariosLoseBoneAtTheLesionLessFurtherAwayAndLessWithOpg() {
        Trajectory tumour = ShippedScenarioChecks.loadAndRun(BmuLatticeModels.ID_1D, "bmu-lattice-1d-metastasis");
        Trajectory opg = ShippedScenarioChecks.loadAndRun(BmuLatticeModels.ID_1D, "bmu-lattice-1d-metastasis-opg");
        assertThat(tumour.size()).isEqualTo(74);
        double lesion = tumour.last("BV_lesion");
        assertThat(lesion).isLessThan(100);
        assertThat(tumour.last("BV_10")).isGreaterThan(lesion);
        assertThat(tumour.last("BV_9")).isGreaterThan(tumour.last("BV_10"));
        assertThat(tumour.last("BV_8")).isGreaterThan(tumour.last("BV_9"));
        assertThat(tumour.last("BV_12")).isCloseTo(tumour.last("BV_10"), within(1e-6 * (100 - lesion)));
        assertThat(tumour.max("OCa_lesion")).isGreaterThan(tumour.first("OCa_lesion"));
        assertThat(opg.last("BV_lesion")).isGreaterThan(lesion);
        Trajectory square = ShippedScenarioChecks.loadAndRun(BmuLatticeModels.ID_2D, "bmu-lattice-2d-metastasis");
        assertThat(square.last("BV_lesion")).isLessThan(square.last("BV_5_6"));
        assertThat(square.last("BV_5_6")).isLessThan(square.last("BV_4_6"));
    }

    @Test
    void theModelsAreRegisteredWithTheirScenarios() {
        for (BuiltInModel m : List.of(BmuLatticeModels.chain(), BmuLatticeModels.square())) {
            assertThat(BoneModelVerification.CATALOG.descriptor(m.id())).contains(m);
        }
        assertThat(BoneModelVerification.CATALOG.scenarioIds())
                .contains("bmu-lattice-1d-metastasis", "bmu-lattice-1d-metastasis-opg", "bmu-lattice-2d-metastasis");
    }
}
