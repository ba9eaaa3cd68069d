package org.osteon.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.population.LocalPopulation;
import org.osteon.analysis.population.PatientSink;
import org.osteon.analysis.population.PercentileSketches;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationResult;
import org.osteon.analysis.population.PopulationSpec;
import org.osteon.analysis.population.PopulationSpecReader;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioException;
import org.osteon.solve.Cancellation;

/**
 * {@code POST /api/population}: a small virtual population of a scenario, summarised as percentile
 * bands. The body is a scenario (as for /api/simulate) and the keys of a population spec
 * ({@code n, seed, parameters, covariates, correlation, covariance, outputs, initial, accuracy});
 * {@code n} is capped by the {@code maxPatients} limit and the run by the time budget. The
 * patients run one after another on the request's worker thread, so a population takes one
 * worker like any other request.
 */
final class PopulationApi {
    static final Set<String> KEYS = Set.of("scenario", "n", "seed", "parameters", "covariates", "correlation",
            "covariance", "outputs", "initial", "accuracy", "name");

    private final WebLimits limits;
    private final ObjectMapper mapper;
    private final ScenarioJson scenarios;
    private final ModelCatalog catalog;

    PopulationApi(WebLimits limits, ObjectMapper mapper, ScenarioJson scenarios) {
        this.limits = limits;
        this.mapper = mapper;
        this.scenarios = scenarios;
        this.catalog = scenarios.catalog();
    }

    /** The job for a request, every input checked; nothing has run yet. */
    PopulationJob prepare(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw ApiException.badRequest(k, "unknown key '" + k + "'" + org.osteon.util.Suggestions.didYouMean(k, KEYS)
                        + "; expected " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        if (!body.has("scenario")) {
            throw ApiException.badRequest("scenario", "missing key 'scenario' (as /api/simulate takes it)");
        }
        JsonNode n = body.get("n");
        if (n == null || !n.isIntegralNumber() || n.asLong() < 2 || n.asLong() > limits.maxPatients()) {
            throw ApiException.badRequest("n", "'n' must be a whole number of patients from 2 to " + limits.maxPatients()
                    + " (the maxPatients limit)");
        }
        ScenarioJson.Prepared p = scenarios.prepare(body.get("scenario"), "scenario.");
        ObjectNode spec = mapper.createObjectNode();
        body.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("scenario")) {
                spec.set(e.getKey(), e.getValue());
            }
        });
        if (!spec.has("seed")) {
            spec.put("seed", 1);
        }
        if (!spec.has("outputs") && !p.scenario().outputs().isEmpty()) {
            spec.set("outputs", mapper.valueToTree(p.scenario().outputs()));
        }
        PopulationSpec s;
        try {
            // A JSON object is YAML: the population spec reader checks it exactly as it checks spec files.
            s = PopulationSpecReader.read(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(spec), "request",
                    new ScenarioRecipe.Resolved(p.scenario(), p.model()), catalog);
        } catch (ScenarioException e) {
            String first = e.problems().get(0).replaceFirst("^request:\\d+:\\d+: ", "").replaceFirst("^request: ", "");
            throw ApiException.badRequest(field(first), first + (e.problems().size() > 1 ? " (and "
                    + (e.problems().size() - 1) + " more problems)" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PopulationJob(s, new ScenarioRecipe.Resolved(p.scenario(), p.model()), catalog);
    }

    private static String field(String message) {
        if (message.startsWith("'")) {
            return "parameters"; // "'K_D8' (lognormal) takes ...": a variable's own keys
        }
        for (String k : new String[] {"parameter", "covariate", "correlation", "covariance", "output", "distribution"}) {
            if (message.contains(k)) {
                return k.equals("output") ? "outputs" : k.equals("distribution") ? "parameters" : k + "s";
            }
        }
        return null;
    }

    /** Runs the population under the request's cancellation (its time budget) and writes the bands as JSON. */
    byte[] run(PopulationJob job, Cancellation c) {
        Monitor monitor = new Monitor() {
            @Override
            public boolean cancelled() {
                return c.stopReason() != null;
            }
        };
        PopulationResult r;
        try {
            r = LocalPopulation.run(job, 1, monitor, PatientSink.NONE);
        } catch (CancellationException e) {
            throw new ApiException(422, "n", "the population did not finish within the time budget of "
                    + limits.timeBudgetMillis() + " ms (" + e.getMessage() + "); ask for fewer patients or a shorter run");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("patients", r.patients());
            g.writeNumberField("succeeded", r.succeeded());
            g.writeNumberField("failed", r.failures().count());
            g.writeArrayFieldStart("failureReasons");
            for (Map.Entry<String, Long> e : r.failures().reasons()) {
                g.writeStartObject();
                g.writeStringField("reason", e.getKey());
                g.writeNumberField("count", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("accuracy", job.spec().accuracy());
            g.writeNumberField("seed", job.spec().seed());
            g.writeStringField("timeUnit", r.timeUnit());
            g.writeArrayFieldStart("time");
            for (double t : r.times()) {
                g.writeNumber(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("outputs");
            PercentileSketches s = r.percentiles();
            for (int o = 0; o < r.outputs().size(); o++) {
                String id = r.outputs().get(o);
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("label", job.label(id));
                g.writeStringField("unit", job.unit(id));
                for (int q = 0; q < PercentileSketches.COLUMNS.size(); q++) {
                    g.writeArrayFieldStart(PercentileSketches.COLUMNS.get(q));
                    for (int t = 0; t < r.times().length; t++) {
                        double v = s.quantiles(o, t)[q];
                        if (Double.isFinite(v)) {
                            g.writeNumber(v);
                        } else {
                            g.writeNull();
                        }
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
