package org.osteon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documented request limits on set entries, interventions, dose entries, dose administrations,
 * outputs and runs (docs/web.md, "Limits"), each at its default value: a request exactly at the limit
 * is answered 200, one item more is 400 with the limit in the message and the field it concerns.
 * The limits are read from {@link WebLimits#defaults()}, and the test checks they are the documented numbers.
 */
class WebLimitsAtTheLimitTest extends ServerTestBase {
    private static final WebLimits LIMITS = WebLimits.defaults();
    private static String model;

    /**
     * A cheap model with enough names for every limit: one decaying state {@code x}, parameters
     * {@code p0..p<maxSetEntries>} and assigned outputs {@code o0..o<maxOutputs>} (one more of each than the limit).
     */
    @BeforeAll
    static void uploadAModelWithManyNames() {
        StringBuilder text = new StringBuilder("model many_names\n  x' = -k * x\n  x = 1; k = 0.01\n");
        for (int i = 0; i <= LIMITS.maxSetEntries(); i++) {
            text.append("  p").append(i).append(" = 1\n");
        }
        for (int i = 0; i <= LIMITS.maxOutputs(); i++) {
            text.append("  o").append(i).append(" := x * p").append(i).append('\n');
        }
        Http.Response r = http.post("/api/models", text.append("end\n").toString().getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        model = r.json().get("id").asText();
    }

    @Test
    void theLimitsUnderTestAreTheDocumentedDefaults() {
        assertThat(List.of(LIMITS.maxSetEntries(), LIMITS.maxInterventions(), LIMITS.maxDoses(), LIMITS.maxOutputs(),
                LIMITS.maxRuns())).containsExactly(500, 200, 4000, 200, 8);
    }

    @Test
    void setEntries() {
        int max = LIMITS.maxSetEntries();
        accepted(simulate("\"set\":" + set(max)));
        JsonNode e = refused(simulate("\"set\":" + set(max + 1)), "set");
        assertThat(e.get("error").asText()).isEqualTo("'set' has " + (max + 1) + " entries, more than the limit of " + max);
    }

    @Test
    void interventions() {
        int max = LIMITS.maxInterventions();
        IntFunction<String> item = i -> "{\"set\":\"p" + i + "\",\"value\":2,\"from\":" + i * 0.1 + ",\"to\":" + (i * 0.1 + 0.05) + "}";
        accepted(simulate("\"interventions\":" + list(max, item)));
        JsonNode e = refused(simulate("\"interventions\":" + list(max + 1, item)), "interventions");
        assertThat(e.get("error").asText()).isEqualTo("'interventions' has " + (max + 1) + " items, more than the limit of " + max);
    }

    @Test
    void doseEntriesAreCountedAgainstTheInterventionLimit() {
        int max = LIMITS.maxInterventions();
        IntFunction<String> item = i -> "{\"target\":\"x\",\"amount\":0.001,\"at\":" + i * 0.1 + "}";
        accepted(simulate("\"doses\":" + list(max, item)));
        JsonNode e = refused(simulate("\"doses\":" + list(max + 1, item)), "doses");
        assertThat(e.get("error").asText()).isEqualTo("'doses' has " + (max + 1) + " items, more than the limit of " + max);
    }

    @Test
    void doseAdministrations() {
        int max = LIMITS.maxDoses();
        // every 0.01 from 0: all administrations fall inside the 100-day span, so none is dropped before counting
        IntFunction<String> doses = n -> "\"doses\":[{\"target\":\"x\",\"amount\":0.001,\"at\":0,\"every\":0.01,\"count\":" + n + "}]";
        accepted(simulate(doses.apply(max)));
        JsonNode e = refused(simulate(doses.apply(max + 1)), "doses[0].count");
        assertThat(e.get("error").asText()).startsWith("more than " + max + " dose administrations in the simulated span");
    }

    @Test
    void outputs() {
        int max = LIMITS.maxOutputs();
        IntFunction<String> item = i -> "\"o" + i + "\"";
        JsonNode ok = accepted(simulate("\"outputs\":" + list(max, item)));
        assertThat(ok.get("columns").size()).isEqualTo(max);
        JsonNode e = refused(simulate("\"outputs\":" + list(max + 1, item)), "outputs");
        assertThat(e.get("error").asText()).isEqualTo("more than " + max + " outputs");
    }

    @Test
    void runsOfAComparison() {
        int max = LIMITS.maxRuns();
        IntFunction<String> run = i -> "{\"name\":\"r" + i + "\",\"scenario\":{\"model\":\"" + model + "\",\"until\":10,"
                + "\"set\":{\"k\":" + (0.01 * (i + 1)) + "},\"outputs\":[\"x\"]}}";
        Http.Response ok = http.post("/api/compare", "{\"runs\":" + list(max, run) + "}");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        JsonNode e = refused(http.post("/api/compare", "{\"runs\":" + list(max + 1, run) + "}"), "runs");
        assertThat(e.get("error").asText()).isEqualTo("at most " + max + " runs in one request, found " + (max + 1));
    }

    /** POST /api/simulate of the model until day 100 with the given extra members. */
    private static Http.Response simulate(String members) {
        return http.post("/api/simulate", "{\"model\":\"" + model + "\",\"until\":100," + members + "}");
    }

    private static JsonNode accepted(Http.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode refused(Http.Response r, String field) {
        return ApiTest.assertError(r, 400, field);
    }

    /** {@code {"p0": 1.5, ..., "p<n-1>": 1.5}}. */
    private static String set(int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("p" + i, 1.5);
        }
        return Http.json(m);
    }

    private static String list(int n, IntFunction<String> item) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(item.apply(i));
        }
        return "[" + String.join(",", items) + "]";
    }
}
