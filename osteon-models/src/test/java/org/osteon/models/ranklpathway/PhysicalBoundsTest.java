package org.osteon.models.ranklpathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.compile.Variable;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/**
 * Nothing goes non-physical in any shipped scenario: no negative cells, concentrations or drug
 * amounts, and the bone volume fraction stays inside (0, 1). Tolerance: a state may dip below zero
 * only by solver noise: 1e-11 absolute, ten times the default atol (1e-12 per step; the error of
 * many steps adds up, e.g. a cleared drug decaying to 1e-30 or a pool held at zero), and a marker
 * of the order of 100 % by 1e-9 % (the same noise on a cell population scaled to % of baseline).
 */
class PhysicalBoundsTest {
    static Stream<String> scenarios() {
        return RanklPathwayModel.SCENARIOS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void statesStayPhysical(String scenario) {
        Trajectory tr = Outcome.run(scenario);
        for (Column c : tr.columns()) {
            if (c.kind() == Variable.Kind.RATE_RULE || c.kind() == Variable.Kind.SPECIES) {
                assertThat(tr.min(c.id())).as("%s: minimum of %s", scenario, c.id()).isGreaterThan(-1e-11);
            }
        }
        assertThat(tr.min("BV")).as("%s: BV", scenario).isGreaterThan(0);
        assertThat(tr.max("BV")).as("%s: BV", scenario).isLessThan(1);
        for (String marker : new String[] {"CTX", "P1NP", "ALP", "RANKL", "OPG", "RANKL_OPG"}) {
            assertThat(tr.min(marker)).as("%s: %s", scenario, marker).isGreaterThanOrEqualTo(-1e-9);
        }
    }
}
