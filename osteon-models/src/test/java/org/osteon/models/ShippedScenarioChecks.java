package org.osteon.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.trajectory.Trajectory;

/** What every shipped scenario must satisfy: listed, loadable, names its built-in model, runs. */
public final class ShippedScenarioChecks {
    private ShippedScenarioChecks() {
    }

    /** Checks the scenario file and runs it as {@code osteon run <id>} would; returns the result. */
    public static Trajectory loadAndRun(String modelId, String scenarioId) {
        assertThat(BoneModelVerification.CATALOG.scenarioIds()).contains(scenarioId);
        Scenario s = BoneModelVerification.scenario(scenarioId);
        assertThat(s.name()).isEqualTo(scenarioId);
        assertThat(s.model()).isEqualTo(modelId);
        assertThat(BoneModelVerification.CATALOG.modelIds()).contains(s.model());
        assertThat(s.description()).isNotBlank();
        return new ScenarioRunner(BoneModelVerification.CATALOG).run(s);
    }
}
