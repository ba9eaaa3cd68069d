package org.osteon.models.pivonka2008;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.models.BoneModelVerification;
import org.osteon.models.BuiltInModel;
import org.osteon.models.ShippedScenarioChecks;
import org.osteon.trajectory.Trajectory;

class Pivonka2008ScenariosTest {
    static java.util.List<String> scenarios() {
        BuiltInModel def = Pivonka2008Model.definition();
        assertThat(BoneModelVerification.CATALOG.descriptor("pivonka2008")).contains(def);
        assertThat(def.scenarios()).hasSize(7);
        return Pivonka2008Model.SCENARIOS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shippedScenarioLoadsAndRuns(String id) {
        Trajectory tr = ShippedScenarioChecks.loadAndRun("pivonka2008", id);
        assertThat(tr.size()).isEqualTo(141);
        assertThat(tr.runInfo().restartTimes()).isNotEmpty();
        for (String s : new String[] {"OBp", "OBa", "OCa"}) {
            assertThat(tr.min(s)).as(s).isPositive();
        }
    }
}
