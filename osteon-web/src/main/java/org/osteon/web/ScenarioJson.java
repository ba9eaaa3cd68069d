package org.osteon.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.dosing.Dosing;
import org.osteon.dosing.Regimen;
import org.osteon.dosing.Route;
import org.osteon.units.Calendar;
import org.osteon.units.Quantity;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioException;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SolverSettings;
import org.osteon.solve.Integrators;
import org.osteon.util.Suggestions;

/**
 * Scenarios as JSON, with the keys of the YAML scenarios. Reading checks types and ranges and
 * the {@link WebLimits}, then the names against the model; every problem is an {@link ApiException}
 * naming the offending field (a path such as {@code doses[2].amount}, prefixed for nested scenarios).
 * Models are named by id: a built-in model or one uploaded ({@link WebCatalog}); a web request never
 * names a file on the server.
 *
 * <p>A quantity (a dose amount, a time, the calendar's month) is a plain number in the model's own
 * unit, or has a unit: as text the way the YAML writes it ({@code "60 mg"}, {@code "6 months"}), or
 * as {@code {"value": 60, "unit": "mg"}}. {@link #write} uses the object form, so that a client edits
 * the number and keeps the unit without parsing text, and what it sends back is read as the same
 * scenario: every key that changes a run (times with units, {@code month}/{@code year},
 * {@code covariates}, {@code tolerances}, doses given {@code for} a span) goes both ways, and a
 * scenario shown in the explorer runs as it does from the command line.
 */
final class ScenarioJson {
    static final Set<String> KEYS = Set.of("name", "description", "model", "start", "until", "step", "solver", "rtol",
            "atol", "set", "interventions", "doses", "outputs", "month", "year", "covariates", "tolerances");
    private static final Set<String> INTERVENTION_KEYS = Set.of("set", "value", "from", "to");
    private static final Set<String> DOSE_KEYS = Set.of("target", "amount", "at", "every", "count", "for", "route",
            "duration", "rate");
    private static final Set<String> QUANTITY_KEYS = Set.of("value", "unit");
    private static final Set<String> TOLERANCE_KEYS = Set.of("rtol", "atol");
    private static final int MAX_DOSE_COUNT = 100_000;

    /** A scenario ready to solve. */
    record Prepared(Scenario scenario, CompiledModel model, SimulationProblem problem, SolverSettings settings) {
    }

    private final WebLimits limits;
    private final WebCatalog catalog;
    private final ScenarioRunner runner;

    ScenarioJson(WebLimits limits, WebCatalog catalog) {
        this.limits = limits;
        this.catalog = catalog;
        this.runner = new ScenarioRunner(catalog);
    }

    WebCatalog catalog() {
        return catalog;
    }

    ScenarioRunner runner() {
        return runner;
    }

    /** Reads, checks and prepares the scenario at {@code node}; {@code prefix} is its path in the request ("" at the top). */
    Prepared prepare(JsonNode node, String prefix) {
        return prepare(read(node, prefix), prefix);
    }

    Scenario read(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(prefix.isEmpty() ? null : strip(prefix),
                    "a scenario must be a JSON object with keys such as model, until, set, interventions, doses, outputs");
        }
        checkKeys(node, prefix, KEYS);
        String model = string(node, "model", prefix, 100);
        if (model == null) {
            throw ApiException.badRequest(prefix + "model", "missing key 'model': a built-in model id such as "
                    + String.join(", ", catalog.modelIds()) + ", or the id of an uploaded model");
        }
        String name = string(node, "name", prefix, 200);
        String description = string(node, "description", prefix, 5000);
        Map<String, Quantity> times = new LinkedHashMap<>();
        Double start = time(node, "start", prefix, times);
        Double until = time(node, "until", prefix, times);
        Double step = time(node, "step", prefix, times);
        String solver = string(node, "solver", prefix, 40);
        Double rtol = number(node, "rtol", prefix);
        Double atol = number(node, "atol", prefix);
        if (rtol != null && !(rtol >= 1e-12 && rtol <= 0.1)) {
            throw ApiException.badRequest(prefix + "rtol", "'rtol' must be between 1e-12 and 0.1, found " + rtol);
        }
        if (atol != null && !(atol >= 1e-20 && atol <= 1)) {
            throw ApiException.badRequest(prefix + "atol", "'atol' must be between 1e-20 and 1, found " + atol);
        }
        if (solver != null) {
            try {
                Integrators.byName(solver);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(prefix + "solver", e.getMessage());
            }
        }
        Calendar calendar = calendar(node, prefix);
        Map<String, Quantity> covariates = covariates(node.get("covariates"), prefix);
        Map<String, Scenario.Tolerance> tolerances = tolerances(node.get("tolerances"), prefix);
        Map<String, Double> set = set(node.get("set"), prefix);
        List<Scenario.Intervention> interventions = interventions(node.get("interventions"), prefix, times);
        List<Regimen> doses = doses(node.get("doses"), prefix);
        List<String> outputs = outputs(node.get("outputs"), prefix);
        Scenario s = new Scenario(name, description, model, null, start, until, step, solver, rtol, atol, set, interventions,
                doses, outputs, "request", Map.of(), tolerances, calendar, covariates, List.of(), times);
        checkTimes(s, prefix);
        return s;
    }

    /**
     * The limits on the span, the output points and the dose administrations, and the order of
     * times, with every time in the model's time unit: times given with a unit are converted with
     * the model's units and the scenario's calendar, as the run will convert them.
     */
    private void checkTimes(Scenario s, String prefix) {
        Optional<CompiledModel> compiled = catalog.compiled(s.model()); // built-in or uploaded
        Dosing[] dosing = new Dosing[1];
        java.util.function.BiFunction<Quantity, String, Double> inModel = (q, field) -> {
            if (q == null || !q.hasUnit()) {
                return q == null ? null : q.value();
            }
            if (dosing[0] == null) {
                CompiledModel m = compiled.orElseGet(() -> model(s.model(), prefix + "model")); // names the bad model id
                try {
                    dosing[0] = runner.dosing(s, m);
                } catch (ScenarioException e) {
                    throw ApiException.badRequest(strip(prefix), e.getMessage().replace("request: ", ""));
                }
            }
            try {
                return dosing[0].time(q);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(field, "'" + field.substring(field.lastIndexOf('.') + 1) + "': " + e.getMessage());
            }
        };
        Map<String, Quantity> times = s.timeQuantities();
        Double start = s.start() != null ? s.start() : inModel.apply(times.get("start"), prefix + "start");
        Double until = s.until() != null ? s.until() : inModel.apply(times.get("until"), prefix + "until");
        Double step = s.step() != null ? s.step() : inModel.apply(times.get("step"), prefix + "step");
        double t0 = start == null ? 0 : start;
        double tEnd = until == null ? ScenarioRunner.DEFAULT_UNTIL + t0 : until;
        if (until != null && !(until > t0)) {
            throw ApiException.badRequest(prefix + "until", "'until' (" + until + ") must be after 'start' (" + t0 + ")");
        }
        String timeUnit = compiled.map(CompiledModel::timeUnit).orElse("day");
        double spanDays = (tEnd - t0) * daysPer(timeUnit);
        if (spanDays > limits.maxSpan()) {
            throw ApiException.badRequest(prefix + "until", "the simulated span " + (tEnd - t0) + " " + timeUnit + " ("
                    + spanDays + " days) is longer than the limit of " + limits.maxSpan() + " days");
        }
        if (step != null) {
            if (!(step > 0)) {
                throw ApiException.badRequest(prefix + "step", "'step' must be positive, found " + step);
            }
            double points = Math.floor((tEnd - t0) / step) + 1;
            if (points > limits.maxPoints()) {
                throw ApiException.badRequest(prefix + "step", "step " + step + " over " + (tEnd - t0) + " gives " + (long) points
                        + " output points, more than the limit of " + limits.maxPoints() + "; use a larger step");
            }
        }
        for (int i = 0; i < s.interventions().size(); i++) {
            String p = prefix + "interventions[" + i + "].";
            Scenario.Intervention iv = s.interventions().get(i);
            Quantity qFrom = times.get("interventions[" + i + "].from");
            Quantity qTo = times.get("interventions[" + i + "].to");
            double from = qFrom != null ? inModel.apply(qFrom, p + "from") : iv.from();
            double to = qTo != null ? inModel.apply(qTo, p + "to") : iv.to();
            if (to < from) {
                throw ApiException.badRequest(p + "to", "'to' (" + to + ") must not be before 'from' (" + from + ")");
            }
        }
        long administrations = 0;
        for (int i = 0; i < s.doses().size(); i++) {
            String p = prefix + "doses[" + i + "].";
            Regimen r = s.doses().get(i);
            double at = inModel.apply(r.start(), p + "at");
            if (at < t0) {
                throw ApiException.badRequest(p + "at", "dose at t=" + at + " is before the start of the run (" + t0 + ")");
            }
            long n = r.count();
            double every = 0;
            if (r.interval() != null) {
                every = inModel.apply(r.interval(), p + "every");
                if (!(every > 0)) {
                    throw ApiException.badRequest(p + "every", "'every' must be positive, found " + r.interval());
                }
            }
            if (r.span() != null) {
                double span = inModel.apply(r.span(), p + "for");
                n = (long) Math.min(MAX_DOSE_COUNT + 1, Math.ceil(span / every));
                if (n > MAX_DOSE_COUNT) {
                    throw ApiException.badRequest(p + "for", "'for' " + r.span() + " every " + r.interval() + " gives more than "
                            + MAX_DOSE_COUNT + " doses");
                }
            }
            // Administrations after the end never happen: only those in the simulated span count.
            administrations += inside(at, every, (int) n, t0, tEnd);
            if (administrations > limits.maxDoses()) {
                throw ApiException.badRequest(p + (r.span() != null ? "for" : "count"), "more than " + limits.maxDoses()
                        + " dose administrations in the simulated span (each one restarts the solver); give fewer or larger doses");
            }
        }
    }

    /** Checks the names against the model and builds the problem. */
    Prepared prepare(Scenario s, String prefix) {
        CompiledModel model = model(s.model(), prefix + "model");
        Layout layout = model.layout();
        for (String key : s.set().keySet()) {
            if (layout.stateIndex(key) < 0 && layout.parameterIndex(key) < 0) {
                String why = layout.outputIndex(key) >= 0 ? "it is computed by a rule; set one of its inputs instead"
                        : "model '" + model.id() + "' has no such state or parameter" + Suggestions.didYouMean(key, layout.allIds());
                throw ApiException.badRequest(prefix + "set." + key, "cannot set '" + key + "': " + why);
            }
        }
        for (int i = 0; i < s.interventions().size(); i++) {
            String target = s.interventions().get(i).target();
            if (layout.parameterIndex(target) < 0) {
                String hint = layout.stateIndex(target) >= 0 ? " ('" + target + "' is a state: use a dose, or set its initial value)"
                        : Suggestions.didYouMean(target, layout.parameters().stream().map(v -> v.id()).toList());
                throw ApiException.badRequest(prefix + "interventions[" + i + "].set", "intervention target '" + target
                        + "' is not a parameter of model '" + model.id() + "'" + hint);
            }
        }
        for (int i = 0; i < s.doses().size(); i++) {
            String target = s.doses().get(i).target();
            if (layout.stateIndex(target) < 0 && layout.parameterIndex(target) < 0) {
                throw ApiException.badRequest(prefix + "doses[" + i + "].target", "dose target '" + target
                        + "' is not a state or parameter of model '" + model.id() + "'" + Suggestions.didYouMean(target, layout.allIds()));
            }
        }
        for (int i = 0; i < s.outputs().size(); i++) {
            String out = s.outputs().get(i);
            if (layout.find(out).isEmpty()) {
                throw ApiException.badRequest(prefix + "outputs[" + i + "]", "unknown output '" + out + "'"
                        + Suggestions.didYouMean(out, layout.allIds()) + " in model '" + model.id() + "'");
            }
        }
        try {
            SimulationProblem problem = runner.problem(s, model);
            return new Prepared(s, model, problem, runner.settings(s));
        } catch (ScenarioException e) {
            throw ApiException.badRequest(strip(prefix), e.getMessage().replace("request: ", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(strip(prefix), e.getMessage());
        }
    }

    /** Length of one time unit of a model in days, so that the span limit means the same for every model. */
    static double daysPer(String timeUnit) {
        return switch (timeUnit) {
            case "hour" -> 1 / 24.0;
            case "minute" -> 1 / 1440.0;
            case "second" -> 1 / 86400.0;
            case "week" -> 7;
            case "year" -> 365.25;
            default -> 1;
        };
    }

    /** The compiled model {@code id}, built-in (compiled once, cached by the catalog) or uploaded. */
    CompiledModel model(String id, String field) {
        if (id.contains("/") || id.contains("\\") || id.endsWith(".ant") || id.endsWith(".xml")) {
            throw ApiException.badRequest(field, "the web API does not read files on the server; found a file name '" + id
                    + "'. Upload the model text (POST /api/models) and use the id it returns, or a built-in model: "
                    + String.join(", ", catalog.modelIds()));
        }
        return catalog.compiled(id).orElseThrow(() -> ApiException.badRequest(field, catalog.unknown(id)));
    }

    private Map<String, Double> set(JsonNode node, String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(prefix + "set", "'set' must map names to numbers, e.g. {\"I_P\": 0, \"OBa\": 1e-3}");
        }
        if (node.size() > limits.maxSetEntries()) {
            throw ApiException.badRequest(prefix + "set", "'set' has " + node.size() + " entries, more than the limit of "
                    + limits.maxSetEntries());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), value(e.getValue(), prefix + "set." + e.getKey()));
        }
        return out;
    }

    private List<Scenario.Intervention> interventions(JsonNode node, String prefix, Map<String, Quantity> times) {
        List<Scenario.Intervention> out = new ArrayList<>();
        List<JsonNode> items = items(node, prefix, "interventions", "{\"set\": NAME, \"value\": X, \"from\": T1, \"to\": T2}",
                limits.maxInterventions());
        for (int i = 0; i < items.size(); i++) {
            String p = prefix + "interventions[" + i + "].";
            JsonNode item = items.get(i);
            checkKeys(item, p, INTERVENTION_KEYS);
            String target = requiredString(item, "set", p);
            double value = required(item, "value", p);
            if (item.get("from") == null || item.get("from").isNull()) {
                throw ApiException.badRequest(p + "from", "missing key 'from' (a number)");
            }
            Double from = time(item, "from", p, times, "interventions[" + i + "].");
            Double to = time(item, "to", p, times, "interventions[" + i + "].");
            boolean toWithUnit = times.containsKey("interventions[" + i + "].to");
            // given with a unit: NaN until the model's time unit is known (Scenario.inModelTime), as the YAML reader does
            out.add(new Scenario.Intervention(target, value, from == null ? Double.NaN : from,
                    to != null ? to : toWithUnit ? Double.NaN : Double.POSITIVE_INFINITY));
        }
        return out;
    }

    private List<Regimen> doses(JsonNode node, String prefix) {
        List<Regimen> out = new ArrayList<>();
        List<JsonNode> items = items(node, prefix, "doses", "{\"target\": NAME, \"amount\": X or \"60 mg\", \"at\": T,"
                + " \"every\": DT, \"count\": N or \"for\": SPAN, \"route\": \"bolus|infusion|depot\", \"duration\": D}",
                limits.maxInterventions());
        for (int i = 0; i < items.size(); i++) {
            String p = prefix + "doses[" + i + "].";
            JsonNode item = items.get(i);
            checkKeys(item, p, DOSE_KEYS);
            String target = requiredString(item, "target", p);
            Quantity amount = quantity(item, "amount", p);
            Quantity at = quantity(item, "at", p);
            if (at == null) {
                throw ApiException.badRequest(p + "at", "missing key 'at' (the time of the first dose)");
            }
            Quantity every = quantity(item, "every", p);
            Double count = number(item, "count", p);
            Quantity span = quantity(item, "for", p);
            Quantity duration = quantity(item, "duration", p);
            Quantity rate = quantity(item, "rate", p);
            Route route = duration != null || rate != null ? Route.INFUSION : Route.BOLUS;
            String routeText = string(item, "route", p, 30);
            if (routeText != null) {
                try {
                    route = Route.parse(routeText);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(p + "route", e.getMessage());
                }
            }
            int n = span != null ? 0 : 1;
            if (count != null) {
                if (span != null) {
                    throw ApiException.badRequest(p + "for", "give either 'count' or 'for' (a span of doses), not both");
                }
                if (count != Math.rint(count) || count < 1 || count > MAX_DOSE_COUNT) {
                    throw ApiException.badRequest(p + "count", "'count' must be a whole number from 1 to " + MAX_DOSE_COUNT
                            + ", found " + count);
                }
                n = count.intValue();
            }
            if (every != null && !(every.value() > 0)) {
                throw ApiException.badRequest(p + "every", "'every' must be positive, found " + every);
            }
            if (n != 1 && every == null) {
                throw ApiException.badRequest(p + (span != null ? "for" : "count"), (span != null ? "'for'" : "'count' > 1")
                        + " needs 'every' (the interval between doses)");
            }
            try {
                out.add(new Regimen(target, amount, route, at, n != 1 ? every : null, n, span, duration, rate, null));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(p.substring(0, p.length() - 1), e.getMessage());
            }
        }
        return out;
    }

    /**
     * A time: a plain number (the model's time unit) is returned; one with a unit ("4 years") is put
     * in {@code times} under its key path (the model converts it, Scenario.inModelTime) and null returned.
     */
    private Double time(JsonNode node, String key, String prefix, Map<String, Quantity> times) {
        return time(node, key, prefix, times, "");
    }

    private Double time(JsonNode node, String key, String prefix, Map<String, Quantity> times, String path) {
        Quantity q = quantity(node, key, prefix);
        if (q == null) {
            return null;
        }
        if (!q.hasUnit()) {
            if (node.get(key).isTextual()) { // "100": a number sent as text is a client's mistake, not a time
                throw ApiException.badRequest(prefix + key, "'" + key + "' must be a number, or a time with its unit such as"
                        + " \"6 months\", found " + kind(node.get(key)));
            }
            return q.value();
        }
        times.put(path + key, q);
        return null;
    }

    /** {@code month} and {@code year}: lengths of time, such as "28 d" (a plain number is days). */
    private Calendar calendar(JsonNode node, String prefix) {
        Calendar c = Calendar.DEFAULT;
        for (String key : List.of("month", "year")) {
            Quantity q = quantity(node, key, prefix);
            if (q == null) {
                continue;
            }
            double days;
            try {
                days = q.hasUnit() ? q.value() * DAYS.parse(q.unit()).in(DAYS.parse("d")) : q.value();
                if (!DAYS.parse(q.hasUnit() ? q.unit() : "d").isTime() || !(days > 0)) {
                    throw new IllegalArgumentException("it must be a positive time");
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(prefix + key, "'" + key + "' must be a length of time such as \"28 d\", found '"
                        + q + "': " + e.getMessage());
            }
            c = key.equals("month") ? c.withMonthDays(days) : c.withYearDays(days);
        }
        return c;
    }

    private static final org.osteon.units.Units DAYS = org.osteon.units.Units.standard(Calendar.DEFAULT);

    /** Patient covariates such as {"weight": "70 kg"} (per-body-weight doses use them). */
    private Map<String, Quantity> covariates(JsonNode node, String prefix) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(prefix + "covariates", "'covariates' must map names to values, e.g. {\"weight\": \"70 kg\"}");
        }
        if (node.size() > limits.maxSetEntries()) {
            throw ApiException.badRequest(prefix + "covariates", "'covariates' has " + node.size()
                    + " entries, more than the limit of " + limits.maxSetEntries());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            out.put(key, quantity(node, key, prefix + "covariates."));
        }
        return out;
    }

    /** Per-state tolerances: {"OCa": {"atol": 1e-15}}. */
    private Map<String, Scenario.Tolerance> tolerances(JsonNode node, String prefix) {
        Map<String, Scenario.Tolerance> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(prefix + "tolerances", "'tolerances' must map state names to {\"rtol\": X, \"atol\": Y}");
        }
        if (node.size() > limits.maxSetEntries()) {
            throw ApiException.badRequest(prefix + "tolerances", "'tolerances' has " + node.size()
                    + " entries, more than the limit of " + limits.maxSetEntries());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = prefix + "tolerances." + e.getKey() + ".";
            if (!e.getValue().isObject()) {
                throw ApiException.badRequest(p.substring(0, p.length() - 1), "each tolerance must be {\"rtol\": X, \"atol\": Y}");
            }
            checkKeys(e.getValue(), p, TOLERANCE_KEYS);
            Double r = number(e.getValue(), "rtol", p);
            Double a = number(e.getValue(), "atol", p);
            for (Map.Entry<String, Double> v : Map.of("rtol", r == null ? 1.0 : r, "atol", a == null ? 1.0 : a).entrySet()) {
                if (!(v.getValue() > 0)) {
                    throw ApiException.badRequest(p + v.getKey(), "'" + v.getKey() + "' must be positive, found " + v.getValue());
                }
            }
            out.put(e.getKey(), new Scenario.Tolerance(r, a));
        }
        return out;
    }

    /** A number, text with a unit such as "60 mg" or "6 months", or {"value": 60, "unit": "mg"}. */
    private Quantity quantity(JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            String p = prefix + key + ".";
            checkKeys(v, p, QUANTITY_KEYS);
            double value = required(v, "value", p);
            String unit = string(v, "unit", p, 100);
            if (unit == null || unit.isBlank()) { // a number without a unit is written as the number itself
                throw ApiException.badRequest(p + "unit", "missing key 'unit' (such as \"mg\" or \"months\"); a number in the"
                        + " model's own unit is given as the number alone");
            }
            return Quantity.of(value, unit.trim());
        }
        if (v.isTextual()) {
            String text = string(node, key, prefix, 100);
            try {
                Quantity q = Quantity.parse(text);
                if (Math.abs(q.value()) > limits.maxAbsValue()) {
                    throw ApiException.badRequest(prefix + key, "value out of range: " + text);
                }
                return q;
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(prefix + key, e.getMessage());
            }
        }
        return Quantity.of(value(v, prefix + key));
    }

    /** How many of at, at+every, ... (n times) fall in [t0, tEnd]. */
    private static long inside(double at, double every, int n, double t0, double tEnd) {
        if (n == 1 || every == 0) {
            return at >= t0 && at <= tEnd ? 1 : 0;
        }
        double firstK = Math.max(0, Math.ceil((t0 - at) / every));
        double lastK = Math.min(n - 1, Math.floor((tEnd - at) / every));
        return lastK >= firstK ? (long) (lastK - firstK + 1) : 0;
    }

    private List<String> outputs(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        List<JsonNode> parts = new ArrayList<>();
        if (node.isTextual()) {
            for (String s : node.asText().split(",")) {
                if (!s.isBlank()) {
                    parts.add(JsonNodeFactory.instance.textNode(s.trim()));
                }
            }
        } else if (node.isArray()) {
            node.forEach(parts::add);
        } else {
            throw ApiException.badRequest(prefix + "outputs", "'outputs' must be a list of names, e.g. [\"OBa\", \"OCa\"]");
        }
        if (parts.size() > limits.maxOutputs()) {
            throw ApiException.badRequest(prefix + "outputs", "more than " + limits.maxOutputs() + " outputs");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode n = parts.get(i);
            if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > 100) {
                throw ApiException.badRequest(prefix + "outputs[" + i + "]", "each output must be a name (a non-empty string)");
            }
            if (!seen.add(n.asText().trim())) {
                throw ApiException.badRequest(prefix + "outputs[" + i + "]", "output '" + n.asText() + "' is listed twice");
            }
        }
        out.addAll(seen);
        return out;
    }

    private List<JsonNode> items(JsonNode node, String prefix, String key, String expected, int max) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest(prefix + key, "'" + key + "' must be a list of " + expected);
        }
        if (node.size() > max) {
            throw ApiException.badRequest(prefix + key, "'" + key + "' has " + node.size() + " items, more than the limit of " + max);
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw ApiException.badRequest(prefix + key + "[" + i + "]", "each item of '" + key + "' must be an object: " + expected);
            }
            out.add(node.get(i));
        }
        return out;
    }

    private static void checkKeys(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw ApiException.badRequest(prefix + key, "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
                        + "; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String string(JsonNode node, String key, String prefix, int maxLength) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(prefix + key, "'" + key + "' must be a string, found " + kind(v));
        }
        if (v.asText().length() > maxLength) {
            throw ApiException.badRequest(prefix + key, "'" + key + "' is longer than " + maxLength + " characters");
        }
        return v.asText();
    }

    private static String requiredString(JsonNode node, String key, String prefix) {
        String s = string(node, key, prefix, 100);
        if (s == null || s.isBlank()) {
            throw ApiException.badRequest(prefix + key, "missing key '" + key + "'");
        }
        return s.trim();
    }

    private double required(JsonNode node, String key, String prefix) {
        Double v = number(node, key, prefix);
        if (v == null) {
            throw ApiException.badRequest(prefix + key, "missing key '" + key + "' (a number)");
        }
        return v;
    }

    private Double number(JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : value(v, prefix + key);
    }

    /** A finite number no larger in magnitude than {@code maxAbsValue}. */
    private double value(JsonNode v, String field) {
        if (!v.isNumber()) {
            throw ApiException.badRequest(field, "'" + field.substring(field.lastIndexOf('.') + 1) + "' must be a number, found " + kind(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || Math.abs(d) > limits.maxAbsValue()) {
            throw ApiException.badRequest(field, "value out of range: " + v.asText() + " (numbers must be finite and at most "
                    + limits.maxAbsValue() + " in magnitude)");
        }
        return d;
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) {
            String t = v.asText();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        return v.isObject() ? "an object" : v.isArray() ? "a list" : v.isBoolean() ? "a boolean" : v.isNumber() ? "a number"
                : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String strip(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix.isEmpty() ? null : prefix;
    }

    /**
     * The scenario as JSON with the YAML keys (for the built-in scenarios the UI loads); quantities
     * with a unit as {"value": V, "unit": U}. {@link #read} reads it back as the same scenario.
     */
    static ObjectNode write(Scenario s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        if (s.name() != null) {
            o.put("name", s.name());
        }
        if (s.description() != null) {
            o.put("description", s.description().strip());
        }
        o.put("model", s.model());
        Map<String, Quantity> times = s.timeQuantities();
        putTime(o, "start", s.start(), times.get("start"));
        putTime(o, "until", s.until(), times.get("until"));
        putTime(o, "step", s.step(), times.get("step"));
        if (s.solver() != null) {
            o.put("solver", s.solver());
        }
        putIf(o, "rtol", s.rtol());
        putIf(o, "atol", s.atol());
        if (s.calendar().monthDays() != Calendar.DEFAULT_MONTH_DAYS) {
            putQuantity(o, "month", Quantity.of(s.calendar().monthDays(), "d"));
        }
        if (s.calendar().yearDays() != Calendar.DEFAULT_YEAR_DAYS) {
            putQuantity(o, "year", Quantity.of(s.calendar().yearDays(), "d"));
        }
        if (!s.covariates().isEmpty()) {
            ObjectNode cov = o.putObject("covariates");
            s.covariates().forEach((k, q) -> putQuantity(cov, k, q));
        }
        if (!s.tolerances().isEmpty()) {
            ObjectNode tol = o.putObject("tolerances");
            s.tolerances().forEach((state, t) -> {
                ObjectNode n = tol.putObject(state);
                putIf(n, "rtol", t.rtol());
                putIf(n, "atol", t.atol());
            });
        }
        ObjectNode set = o.putObject("set");
        s.set().forEach(set::put);
        ArrayNode ivs = o.putArray("interventions");
        for (int k = 0; k < s.interventions().size(); k++) {
            Scenario.Intervention iv = s.interventions().get(k);
            ObjectNode i = ivs.addObject().put("set", iv.target()).put("value", iv.value());
            putTime(i, "from", iv.from(), times.get("interventions[" + k + "].from"));
            Quantity to = times.get("interventions[" + k + "].to");
            if (to != null || Double.isFinite(iv.to())) {
                putTime(i, "to", iv.to(), to);
            }
        }
        ArrayNode doses = o.putArray("doses");
        for (Regimen d : s.doses()) {
            ObjectNode n = doses.addObject().put("target", d.target());
            putQuantity(n, "amount", d.amount());
            putQuantity(n, "at", d.start());
            if (d.span() != null) {
                putQuantity(n, "every", d.interval());
                putQuantity(n, "for", d.span());
            } else if (d.count() > 1) {
                putQuantity(n, "every", d.interval());
                n.put("count", d.count());
            }
            if (d.route() != Route.BOLUS) {
                n.put("route", d.route().label());
            }
            putQuantity(n, "duration", d.duration());
            putQuantity(n, "rate", d.rate());
        }
        ArrayNode outs = o.putArray("outputs");
        s.outputs().forEach(outs::add);
        return o;
    }

    /** A time: its quantity when it was given with a unit, else the number (in the model's time unit). */
    private static void putTime(ObjectNode o, String key, Double value, Quantity withUnit) {
        if (withUnit != null) {
            putQuantity(o, key, withUnit);
        } else {
            putIf(o, key, value);
        }
    }

    private static void putQuantity(ObjectNode o, String key, Quantity q) {
        if (q == null) {
            return;
        }
        if (q.hasUnit()) {
            o.putObject(key).put("value", q.value()).put("unit", q.unit());
        } else {
            o.put(key, q.value());
        }
    }

    private static void putIf(ObjectNode o, String key, Double v) {
        if (v != null) {
            o.put(key, v);
        }
    }
}
