package org.osteon.models.komarova2003;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osteon.models.BoneModelVerification;
import org.osteon.models.BuiltInModel;
import org.osteon.models.ShippedScenarioChecks;
import org.osteon.trajectory.Trajectory;

class Komarova2003ScenariosTest {
    @Test
    void everyShippedScenarioLoadsAndRuns() {
        BuiltInModel def = Komarova2003Model.definition();
        assertThat(BoneModelVerification.CATALOG.descriptor("komarova2003")).contains(def);
        assertThat(def.scenarios()).hasSize(2);
        for (String id : new String[] {"komarova2003-single-cycle", "komarova2003-single-cycle-biomodels"}) {
            Trajectory tr = ShippedScenarioChecks.loadAndRun("komarova2003", id);
            assertThat(tr.size()).isEqualTo(1501);
            assertThat(tr.last("x1")).isCloseTo(1.0606601717798212, org.assertj.core.api.Assertions.within(1e-6));
        }
    }
}
