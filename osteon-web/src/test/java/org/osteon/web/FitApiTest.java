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
        return data(1000, null);
    }

    /** OCa on days 10..60 under a PTH infusion I_P, rows tagged with {@code group} when not null. */
    private static String data(double pth, String group) {
        JsonNode tr = http.post("/api/simulate", "{\"model\":\"pivonka2008\",\"until\":60,\"step\":10,\"interventions\":"
                + "[{\"set\":\"I_P\",\"value\":" + pth + ",\"from\":0,\"to\":100}],\"outputs\":[\"OCa\"]}").json();
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
                    .append(v.get(i).asDouble()).append(group == null ? "" : ",\"group\":\"" + group + "\"").append('}');
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

    /** Two arms (PTH infusions of 1000 and 200), each with its own scenario; A_OCa is shared. */
    private static String twoArms(String extraRow) {
        String arm = "{\"model\":\"pivonka2008\",\"until\":60,\"interventions\":[{\"set\":\"I_P\",\"value\":%s,\"from\":0,\"to\":100}]}";
        return "{\"scenario\":{\"model\":\"pivonka2008\",\"until\":60},\"groups\":{\"high\":" + String.format(arm, "1000")
                + ",\"low\":" + String.format(arm, "200") + "},\"data\":[" + data(1000, "high") + "," + data(200, "low") + extraRow
                + "],\"estimate\":[{\"name\":\"A_OCa\",\"initial\":1.2,\"lower\":0.01,\"upper\":10}],\"error\":{\"additive\":1e-5}}";
    }

    @Test
    void fitsSeveralArmsEachWithItsScenario() {
        Http.Response r = http.post("/api/fit", twoArms(""));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("converged").asBoolean()).isTrue();
        // Noise-free data of both arms at the published A_OCa = 0.7: recovered to the solvers' accuracy.
        assertThat(j.get("parameters").get(0).get("estimate").asDouble()).isBetween(0.7 * (1 - 1e-4), 0.7 * (1 + 1e-4));
        assertThat(j.get("residuals")).hasSize(12);
    }

    @Test
    void aRowOfAnUnknownArmOrWithoutArmIsNamed() {
        String unknown = ",{\"time\":10,\"output\":\"OCa\",\"value\":0.001,\"group\":\"hihg\"}";
        Http.Response r = http.post("/api/fit", twoArms(unknown));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("data[12].group");
        assertThat(r.json().get("error").asText()).contains("high, low");
        Http.Response none = http.post("/api/fit", twoArms(",{\"time\":10,\"output\":\"OCa\",\"value\":0.001}"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("field").asText()).isEqualTo("data[12].group");
        Http.Response badArm = http.post("/api/fit", twoArms("").replace("\"low\":{\"model\":\"pivonka2008\"",
                "\"low\":{\"model\":\"pivonka2009\""));
        assertThat(badArm.status()).isEqualTo(400);
        assertThat(badArm.json().get("field").asText()).isEqualTo("groups.low.model");
    }
}
