package org.osteon.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.analysis.fit.DataSet;
import org.osteon.analysis.fit.ErrorModel;
import org.osteon.analysis.fit.Estimate;
import org.osteon.analysis.fit.FitSpec;
import org.osteon.analysis.fit.Observation;
import org.osteon.analysis.fit.Transform;
import org.osteon.scenario.Scenario;

/**
 * The body of {@code POST /api/fit}: a scenario (as for /api/simulate), data rows, the estimated
 * parameters and the error model. Its limits keep one request within a worker's time budget.
 */
final class FitJson {
    /** Most data rows of a request. */
    static final int MAX_ROWS = 2000;
    /** Most estimated parameters. */
    static final int MAX_ESTIMATES = 8;
    /** Most local fits (multi-start). */
    static final int MAX_STARTS = 8;
    /** Objective evaluations per local fit. */
    static final int MAX_EVALUATIONS = 200;
    /** Most groups (trial arms), each with its own scenario. */
    static final int MAX_GROUPS = 8;
    static final Set<String> KEYS = Set.of("scenario", "groups", "data", "estimate", "error", "transform", "starts", "seed");

    private FitJson() {
    }

    static FitSpec read(JsonNode body, ScenarioJson scenarios) {
        Scenario s = scenarios.read(body.get("scenario"), "scenario.");
        scenarios.prepare(s, "scenario.");
        Map<String, Scenario> groups = groups(body.get("groups"), scenarios);
        JsonNode data = body.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            throw ApiException.badRequest("data", "'data' must be a non-empty array of {\"time\": T, \"output\": NAME, \"value\": X[, \"sd\": S]}");
        }
        if (data.size() > MAX_ROWS) {
            throw ApiException.badRequest("data", "'data' has " + data.size() + " rows, more than the limit of " + MAX_ROWS);
        }
        List<Observation> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode r = data.get(i);
            String p = "data[" + i + "]";
            if (!r.isObject() || !r.path("time").isNumber() || !r.path("value").isNumber() || !r.path("output").isTextual()) {
                throw ApiException.badRequest(p, "each data row is {\"time\": number, \"output\": name, \"value\": number[, \"sd\": number]"
                        + "[, \"group\": name]}");
            }
            double sd = Double.NaN;
            if (r.has("sd")) {
                if (!r.get("sd").isNumber() || !(r.get("sd").asDouble() > 0)) {
                    throw ApiException.badRequest(p + ".sd", "sd must be a positive number, found " + r.get("sd"));
                }
                sd = r.get("sd").asDouble();
            }
            double t = r.get("time").asDouble();
            double v = r.get("value").asDouble();
            if (!Double.isFinite(t) || !Double.isFinite(v)) {
                throw ApiException.badRequest(p, "time and value must be finite numbers");
            }
            rows.add(new Observation(group(r, groups, p), r.get("output").asText(), t, v, sd, p));
        }
        JsonNode est = body.get("estimate");
        if (est == null || !est.isArray() || est.isEmpty() || est.size() > MAX_ESTIMATES) {
            throw ApiException.badRequest("estimate", "'estimate' must be an array of 1 to " + MAX_ESTIMATES
                    + " {\"name\": P, \"initial\": X, \"lower\": L, \"upper\": U, \"scale\": \"log\"|\"linear\"}");
        }
        List<Estimate> estimates = new ArrayList<>();
        for (int i = 0; i < est.size(); i++) {
            JsonNode e = est.get(i);
            String p = "estimate[" + i + "]";
            if (!e.path("name").isTextual() || !e.path("initial").isNumber()) {
                throw ApiException.badRequest(p, "an estimate needs a name and a numeric initial value");
            }
            double initial = e.get("initial").asDouble();
            boolean log = e.has("scale") ? "log".equals(e.get("scale").asText()) : initial > 0;
            double lower = e.path("lower").isNumber() ? e.get("lower").asDouble() : log ? 0 : Double.NEGATIVE_INFINITY;
            double upper = e.path("upper").isNumber() ? e.get("upper").asDouble() : Double.POSITIVE_INFINITY;
            try {
                estimates.add(new Estimate(e.get("name").asText(), initial, lower, upper, log));
            } catch (IllegalArgumentException ex) {
                throw ApiException.badRequest(p, ex.getMessage());
            }
        }
        JsonNode err = body.get("error");
        if (err == null || !err.isObject()) {
            throw ApiException.badRequest("error", "'error' must be {\"additive\": a} or {\"proportional\": b} (or both)");
        }
        ErrorModel error;
        try {
            error = new ErrorModel(err.path("additive").asDouble(0), err.path("proportional").asDouble(0), false, false);
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest("error", ex.getMessage());
        }
        Map<String, Transform> transforms = new LinkedHashMap<>();
        JsonNode tr = body.get("transform");
        if (tr != null && tr.isObject()) {
            for (var it = tr.fields(); it.hasNext(); ) {
                var f = it.next();
                try {
                    transforms.put(f.getKey(), Transform.parse(f.getValue().asText()));
                } catch (IllegalArgumentException ex) {
                    throw ApiException.badRequest("transform." + f.getKey(), ex.getMessage());
                }
            }
        }
        int starts = body.path("starts").asInt(1);
        if (starts < 1 || starts > MAX_STARTS) {
            throw ApiException.badRequest("starts", "'starts' must be from 1 to " + MAX_STARTS);
        }
        FitSpec.Options options = new FitSpec.Options(starts, "multistart", body.path("seed").asLong(1), MAX_EVALUATIONS, 1e-8, 1);
        try {
            return new FitSpec(s, groups, DataSet.of("request", rows), transforms, estimates, error, Map.of(), options, List.of());
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest(null, ex.getMessage());
        }
    }

    /**
     * {@code "groups": {"A": scenario, ...}}: one scenario per trial arm, as in a fit spec file;
     * data rows name their arm in {@code "group"}.
     */
    private static Map<String, Scenario> groups(JsonNode node, ScenarioJson scenarios) {
        Map<String, Scenario> groups = new LinkedHashMap<>();
        if (node == null) {
            return groups;
        }
        if (!node.isObject() || node.isEmpty() || node.size() > MAX_GROUPS) {
            throw ApiException.badRequest("groups", "'groups' must be an object of 1 to " + MAX_GROUPS
                    + " named scenarios, e.g. {\"placebo\": {...}, \"treated\": {...}}");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var g = it.next();
            String prefix = "groups." + g.getKey() + ".";
            Scenario s = scenarios.read(g.getValue(), prefix);
            scenarios.prepare(s, prefix);
            groups.put(g.getKey(), s);
        }
        return groups;
    }

    /** A row's group: absent is the default group; with groups, it must name one of them. */
    private static String group(JsonNode row, Map<String, Scenario> groups, String field) {
        JsonNode g = row.get("group");
        if (g == null) {
            if (!groups.isEmpty()) {
                throw ApiException.badRequest(field + ".group", "with 'groups' every data row names its group: one of "
                        + String.join(", ", groups.keySet()));
            }
            return DataSet.DEFAULT_GROUP;
        }
        if (!g.isTextual() || !groups.containsKey(g.asText())) {
            throw ApiException.badRequest(field + ".group", "group " + g + " is not one of the request's groups"
                    + (groups.isEmpty() ? " (it has none: add 'groups' with a scenario for each)"
                    : ": " + String.join(", ", groups.keySet())));
        }
        return g.asText();
    }
}
