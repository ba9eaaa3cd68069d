package org.osteon.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osteon.scenario.Scenario;

/** The JSON form of a scenario as the API takes it, for tools outside this package (load test, scripts). */
public final class ScenarioJsonAccess {
    private ScenarioJsonAccess() {
    }

    public static ObjectNode toJson(Scenario s) {
        return ScenarioJson.write(s);
    }
}
