package org.osteon.models.petersonriggs2010;

import org.osteon.models.BoneModelVerification;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/** Shared set-up of the petersonriggs2010 tests: scenarios written inline, solved through the built-in catalog. */
final class PetersonRiggs {
    static final String MODEL = PetersonRiggs2010Model.ID;
    /** 20 ug of teriparatide in pmol, as OpenBoneMin's amt_teri: 20e6/4117.8. */
    static final double TERIPARATIDE_20UG_PMOL = 20e6 / 4117.8;
    /** 60 mg of denosumab in ng (the depot holds the administered ng; DENF scales absorption). */
    static final double DENOSUMAB_60MG_NG = 60e6;

    private PetersonRiggs() {
    }

    /** A scenario of the model from YAML lines after {@code model:} (until, step, doses, set...). */
    static Scenario scenario(String name, String body) {
        return ScenarioReader.parse("name: " + name + "\nmodel: " + MODEL + "\n" + body, "test:" + name, null);
    }

    static Trajectory run(String name, String body, SolverSettings settings) {
        return BoneModelVerification.run(scenario(name, body), settings);
    }

    /** Percent deviation of the column from its first value, largest in magnitude over the run. */
    static double maxPercentDeviation(Trajectory tr, String id) {
        double[] v = tr.column(id);
        double worst = 0;
        for (double x : v) {
            double d = 100 * (x / v[0] - 1);
            if (Math.abs(d) > Math.abs(worst)) {
                worst = d;
            }
        }
        return worst;
    }
}
