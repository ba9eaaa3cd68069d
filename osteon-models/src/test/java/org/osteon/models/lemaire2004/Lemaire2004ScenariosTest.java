package org.osteon.models.lemaire2004;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.models.BoneModelVerification;
import org.osteon.models.BuiltInModel;
import org.osteon.models.ShippedScenarioChecks;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Trajectory;

class Lemaire2004ScenariosTest {
    static java.util.List<String> scenarios() {
        BuiltInModel def = Lemaire2004Model.definition();
        assertThat(BoneModelVerification.CATALOG.descriptor("lemaire2004")).contains(def);
        assertThat(def.scenarios()).hasSize(9);
        return Lemaire2004Model.SCENARIOS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shippedScenarioLoadsAndRuns(String id) {
        if (id.equals("lemaire2004-case8-obp-removal")) {
            // Documented infeasible case (spec section 8, L1): must fail loudly, naming state and time.
            assertThatThrownBy(() -> ShippedScenarioChecks.loadAndRun("lemaire2004", id))
                    .isInstanceOf(SolverException.class)
                    .hasMessageContaining("'OCa'")
                    .hasMessageContaining("t=20.7");
            return;
        }
        Trajectory tr = ShippedScenarioChecks.loadAndRun("lemaire2004", id);
        assertThat(tr.size()).isEqualTo(141);
        assertThat(tr.runInfo().restartTimes()).contains(20.0, 80.0);
        for (String s : new String[] {"OBp", "OBa", "OCa"}) {
            assertThat(tr.min(s)).as(s).isPositive();
        }
    }
}
