package org.osteon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** POST /api/fit: a small fit answered with estimates and intervals, and its limits and errors. */
class FitApiTest extends ServerTestBase {
    /** Osteoclasts of pivonka2008 under PTH on six days, from /api/simulate at the published A_OCa = 0.7. */
    private static String body(String estimate, String extra) {
        return "{\"scenario\":{\"model\":\"pivonka2008\",\"until\":60,\"interventions\":[{\"set\":\"I_P\",\"value\":1000,\"from\":0,\"to\":100}]},"
                + "\"data\":[" + data() + "],\"estimate\":[" + estimate + "],\"error\":{\"additive\":1e-5}" + extra + "}";
    }

    private static String data() {
        JsonNode tr = http.post("/api/simulate", "{\"model\":\"pivonka2008\",\"until\":60,\"step\":10,\"interventions\":"
                + "[{\"set\":\"I_P\",\"value\":1000,\"from\":0,\"to\":100}],\"outputs\":[\"OCa\"]}").json();
        StringBuilder sb = new StringBuilder();
        JsonNode t = tr.get("time");
        JsonNode v = null;
        for (JsonNode c : tr.get("columns")) {
            if (c.get("id").asText().equals("OCa")) {
                v = c.get("values");
            }
        }
        for (int i = 1; i < t.size(); i++) {
            sb.append(i > 1 ? "," : "").append("{\"time\":").append(t.get(i).asDouble()).append(",\"output\":\"OCa\",\"value\":")
                    .append(v.get(i).asDouble()).append('}');
        }
        return sb.toString();
    }

    @Test
    void fitsAndAnswersEstimatesWithIntervals() {
        Http.Response r = http.post("/api/fit", body("{\"name\":\"A_OCa\",\"initial\":1.2,\"lower\":0.01,\"upper\":10}", ""));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("converged").asBoolean()).isTrue();
        JsonNode p = j.get("parameters").get(0);
        assertThat(p.get("name").asText()).isEqualTo("A_OCa");
        // Noise-free data: the estimate is the value the data came from (to the solvers' accuracy).
        assertThat(p.get("estimate").asDouble()).isBetween(0.7 * (1 - 1e-4), 0.7 * (1 + 1e-4));
        assertThat(p.get("ci_low").asDouble()).isLessThan(0.7);
        assertThat(p.get("ci_high").asDouble()).isGreaterThan(0.7);
        assertThat(j.get("residuals")).hasSize(6);
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(http.post("/api/fit", body("{\"name\":\"A_OCx\",\"initial\":1}", "")).status()).isEqualTo(422);
        assertThat(http.post("/api/fit", body("{\"name\":\"A_OCa\",\"initial\":1}", ",\"starts\":99")).text()).contains("starts");
        assertThat(http.post("/api/fit", body("{\"name\":\"A_OCa\",\"initial\":1}", ",\"strats\":2")).text()).contains("unknown key 'strats'");
        assertThat(http.post("/api/fit", body("{\"name\":\"A_OCa\",\"initial\":-1,\"scale\":\"log\"}", "")).text()).contains("estimate[0]");
    }
}
