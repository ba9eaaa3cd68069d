package org.osteon.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.osteon.analysis.Comparison;
import org.osteon.compile.Variable;
import org.osteon.report.Figure;
import org.osteon.report.NamedTrajectory;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.Simulator;
import org.osteon.solve.Cancellation;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.JsonWriter;
import org.osteon.trajectory.RunInfo;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Suggestions;
import org.osteon.models.BuiltInModels;
import org.osteon.sbml.ModelExport;

/** The handlers of the JSON API. Input is checked before any work is queued; work runs on {@link Workers}. */
final class Api {
    static final String ARRIVAL = "osteon.arrival";
    private static final int MAX_PLOT_SIZE = 3000;

    private final WebLimits limits;
    private final ObjectMapper mapper;
    private final JsonInput json;
    private final ScenarioJson scenarios;
    private final ModelJson models;
    private final Workers workers;
    private final byte[] openApi;
    private final PopulationApi populations;
    /** Exported texts of built-in models by "id.extension": they are immutable, so each is written once. */
    private final java.util.Map<String, byte[]> exports = new java.util.concurrent.ConcurrentHashMap<>();
    private final ModelUploads uploads;

    Api(WebLimits limits, ObjectMapper mapper, ScenarioJson scenarios, ModelJson models, Workers workers, byte[] openApi) {
        this.limits = limits;
        this.mapper = mapper;
        this.json = new JsonInput(limits);
        this.scenarios = scenarios;
        this.models = models;
        this.workers = workers;
        this.openApi = openApi;
        this.populations = new PopulationApi(limits, mapper, scenarios);
        this.uploads = new ModelUploads(limits, scenarios.catalog());
    }

    void health(Context ctx) {
        ObjectNode o = mapper.createObjectNode();
        o.put("status", "ok");
        o.put("service", "osteon-web");
        o.put("models", scenarios.catalog().modelIds().size());
        ObjectNode pool = o.putObject("workers");
        pool.put("threads", limits.workers());
        pool.put("running", workers.running());
        pool.put("waiting", workers.waiting());
        pool.put("started", workers.started());
        pool.put("queueCapacity", limits.queueCapacity());
        o.set("limits", mapper.valueToTree(limits.asMap()));
        send(ctx, o);
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    void listModels(Context ctx) {
        ArrayNode out = mapper.createArrayNode();
        for (String id : scenarios.catalog().modelIds()) {
            out.add(models.summary(id));
        }
        send(ctx, out);
    }

    void model(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode o = models.detail(id).orElseThrow(() -> unknownModel(id));
        send(ctx, o);
    }

    /** POST /api/models: the body is a model's text; answers its summary, id, format and the reader's warnings. */
    void upload(Context ctx) {
        ModelUploads.Request request = uploads.request(ctx);
        // Reading and compiling cannot be stopped half-way; a model that takes longer than the budget is
        // still kept when done, so the same request answers at once a moment later.
        WebCatalog.Upload u = workers.run(arrival(ctx), c -> uploads.read(request),
                "reading and compiling the model did not finish in time (the server goes on and keeps it: send it again"
                        + " in a few seconds)");
        ObjectNode o = models.summary(u.id());
        o.put("name", u.name());
        o.put("format", u.format());
        ArrayNode warnings = o.putArray("warnings");
        u.warnings().forEach(warnings::add);
        send(ctx, o);
    }

    /**
     * GET /api/models/{id}/export?format=sbml|antimony (default sbml): the model as a file to
     * download, written by {@link ModelExport} as {@code osteon export} writes it; 422 naming the
     * parts implemented in Java for a model that has them.
     */
    void export(Context ctx) {
        String id = ctx.pathParam("id");
        org.osteon.model.Model m = scenarios.catalog().model(id).orElseThrow(() -> unknownModel(id));
        String value = ctx.queryParam("format");
        ModelExport.Format format;
        try {
            format = ModelExport.Format.parse(value == null ? "sbml" : value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("format", e.getMessage());
        }
        java.util.function.Function<String, byte[]> write = k -> {
            try {
                return ModelExport.write(m, BuiltInModels.javaParts(id), format).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException(422, "id", e.getMessage());
            }
        };
        // Uploads come and go (the server keeps the most recent few): their exports are written each time.
        byte[] text = WebCatalog.isUploadId(id) ? write.apply(id) : exports.computeIfAbsent(id + "." + format.extension(), write);
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "." + format.extension() + "\"");
        ctx.contentType(format.mediaType() + "; charset=utf-8").result(text);
    }

    private ApiException unknownModel(String id) {
        return new ApiException(404, "id", scenarios.catalog().unknown(id));
    }

    void listScenarios(Context ctx) {
        String model = ctx.queryParam("model");
        if (model != null && scenarios.catalog().model(model).isEmpty()) {
            throw ApiException.badRequest("model", scenarios.catalog().unknown(model));
        }
        ArrayNode out = mapper.createArrayNode();
        for (String id : scenarios.catalog().scenarioIds()) {
            scenarios.catalog().scenario(id).filter(s -> model == null || model.equals(s.model()))
                    .ifPresent(s -> out.add(models.scenario(id, s)));
        }
        send(ctx, out);
    }

    void population(Context ctx) {
        JsonNode body = body(ctx);
        org.osteon.analysis.population.PopulationJob job = populations.prepare(body);
        byte[] json = workers.run(arrival(ctx), c -> populations.run(job, c));
        ctx.contentType("application/json").result(json);
    }

    void simulate(Context ctx) {
        JsonNode body = body(ctx);
        ScenarioJson.Prepared p = scenarios.prepare(body, "");
        // Writing the JSON is as much work as a small simulation: it runs on the bounded pool too, so that
        // all heavy work is done in arrival order by as many threads as there are cores.
        byte[] json = workers.run(arrival(ctx), c -> trajectoryJson(solve(p, c)));
        ctx.contentType("application/json").result(json);
    }

    /**
     * Estimation from data: the same fit as {@code osteon fit}, within the request limits
     * ({@link FitJson}); answers fit.json's content with the residuals.
     */
    void fit(Context ctx) {
        JsonNode body = body(ctx);
        requireObject(body, FitJson.KEYS);
        org.osteon.analysis.fit.FitSpec spec = FitJson.read(body, scenarios);
        byte[] json = workers.run(arrival(ctx), c -> {
            org.osteon.analysis.Monitor monitor = new org.osteon.analysis.Monitor() {
                @Override
                public boolean cancelled() {
                    return c.stopReason() != null;
                }
            };
            org.osteon.analysis.fit.FitResult r;
            try {
                r = org.osteon.analysis.fit.Fit.run(spec, scenarios.runner(), monitor);
            } catch (IllegalArgumentException | org.osteon.analysis.fit.Fit.FitException e) {
                throw new ApiException(422, null, e.getMessage());
            } catch (java.util.concurrent.CancellationException e) {
                throw new ApiException(422, null, "the fit did not finish: " + c.stopReason());
            }
            ObjectNode o = org.osteon.analysis.fit.FitOutput.toJson(r, mapper);
            ArrayNode res = o.putArray("residuals");
            for (org.osteon.analysis.fit.FitResult.Residual x : r.residuals()) {
                ObjectNode n = res.addObject();
                n.put("time", x.observation().time());
                n.put("output", x.observation().output());
                n.put("observed", x.observation().value());
                n.put("predicted", x.predicted());
                n.put("sd", x.sd());
            }
            try {
                return mapper.writeValueAsBytes(o);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ctx.contentType("application/json").result(json);
    }

    /** The JSON of osteon run --format json, with faster number formatting. */
    private byte[] trajectoryJson(Trajectory tr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            JsonWriter.writeTo(tr, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Trajectory solve(ScenarioJson.Prepared p, Cancellation c) {
        // records only the columns the answer shows (ScenarioRunner.recorded): the same numbers, less work
        return ScenarioRunner.select(Simulator.solve(p.problem(), p.settings(), c,
                ScenarioRunner.recorded(p.scenario(), p.problem())), p.scenario());
    }

    /** Runs of a comparison or plot: names, and a scenario (or, for plots, a trajectory) each. */
    private record Run(String name, ScenarioJson.Prepared prepared, Trajectory given) {
    }

    private record RunSet(List<Run> runs, int baseline, Comparison.Change change) {
    }

    void compare(Context ctx) {
        JsonNode body = body(ctx);
        requireObject(body, Set.of("runs", "baseline", "change"));
        RunSet set = runs(body, false);
        byte[] json = workers.run(arrival(ctx), c -> comparisonJson(set, solveAll(set.runs(), c)));
        ctx.contentType("application/json").result(json);
    }

    private byte[] comparisonJson(RunSet set, List<Trajectory> trs) {
        Comparison cmp;
        try {
            cmp = Comparison.of(set.runs().stream().map(Run::name).toList(), trs, set.baseline());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("runs", e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("baseline", cmp.names().get(cmp.baseline()));
            g.writeStringField("change", set.change().name().toLowerCase(Locale.ROOT));
            g.writeStringField("timeUnit", trs.get(cmp.baseline()).timeUnit());
            g.writeArrayFieldStart("time");
            for (double t : cmp.times()) {
                number(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("symbols");
            Trajectory base = cmp.aligned(cmp.baseline());
            for (String id : cmp.symbols()) {
                Column c = base.columnInfo(id);
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
                g.writeStringField("unit", c.unit());
                g.writeStringField("label", c.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("runs");
            for (int r = 0; r < cmp.names().size(); r++) {
                g.writeStartObject();
                g.writeStringField("name", cmp.names().get(r));
                g.writeBooleanField("baseline", r == cmp.baseline());
                g.writeBooleanField("resampled", cmp.resampled().contains(cmp.names().get(r)));
                g.writeObjectFieldStart("series");
                for (String id : cmp.symbols()) {
                    g.writeArrayFieldStart(id);
                    for (double v : cmp.series(r, id, set.change())) {
                        number(g, v);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void plot(Context ctx) {
        JsonNode body = body(ctx);
        requireObject(body, Set.of("runs", "baseline", "change", "scenario", "trajectory", "outputs", "logY", "title",
                "width", "height", "format"));
        String format = ctx.queryParam("format");
        String field = "format";
        if (format == null && body.hasNonNull("format")) {
            format = body.get("format").isTextual() ? body.get("format").asText() : "?";
        } else if (format != null) {
            field = "format (query)";
        }
        format = format == null ? "png" : format.toLowerCase(Locale.ROOT);
        if (!format.equals("png") && !format.equals("svg")) {
            throw ApiException.badRequest(field, "format must be png or svg");
        }
        RunSet set;
        if (body.has("runs")) {
            for (String single : List.of("scenario", "trajectory")) {
                if (body.has(single)) {
                    throw ApiException.badRequest(single, "give either 'runs' or '" + single + "', not both");
                }
            }
            set = runs(body, true);
        } else if (body.has("scenario") == body.has("trajectory")) {
            throw ApiException.badRequest(null, "give 'scenario' (to simulate), 'trajectory' (as /api/simulate returns it)"
                    + " or 'runs' (a list of {name, scenario} or {name, trajectory})");
        } else if (body.has("scenario")) {
            ScenarioJson.Prepared p = scenarios.prepare(body.get("scenario"), "scenario.");
            String name = p.scenario().name() != null ? p.scenario().name() : p.scenario().model();
            set = new RunSet(List.of(new Run(name, p, null)), 0, Comparison.Change.ABSOLUTE);
        } else {
            Trajectory tr = trajectory(body.get("trajectory"), "trajectory.");
            set = new RunSet(List.of(new Run(tr.modelId(), null, tr)), 0, Comparison.Change.ABSOLUTE);
        }
        List<String> outputs = new ArrayList<>();
        JsonNode outs = body.get("outputs");
        if (outs != null && !outs.isNull()) {
            if (!outs.isArray() || outs.size() > limits.maxOutputs()) {
                throw ApiException.badRequest("outputs", "'outputs' must be a list of at most " + limits.maxOutputs() + " names");
            }
            for (int i = 0; i < outs.size(); i++) {
                if (!outs.get(i).isTextual()) {
                    throw ApiException.badRequest("outputs[" + i + "]", "each output must be a name");
                }
                outputs.add(outs.get(i).asText());
            }
        }
        boolean logY = bool(body, "logY");
        String title = body.hasNonNull("title") ? text(body, "title", 200) : "";
        int width = size(body, "width", PlotSpec.DEFAULT_WIDTH);
        int height = size(body, "height", PlotSpec.DEFAULT_HEIGHT);
        boolean percent = set.change() == Comparison.Change.PERCENT;
        if (percent && set.runs().size() < 2) {
            throw ApiException.badRequest("change", "% change needs at least two runs: a baseline and one to compare");
        }
        if (percent && logY) {
            throw ApiException.badRequest("logY", "a % change can be negative, so it cannot be drawn on a log axis");
        }
        PlotSpec spec = new PlotSpec(title, outputs, null, false, logY,
                percent ? PlotSpec.Baseline.FIRST_RUN : PlotSpec.Baseline.NONE, width, height);
        String fmt = format;
        byte[] image = workers.run(arrival(ctx), c -> {
            List<Trajectory> trs = solveAll(set.runs(), c);
            List<NamedTrajectory> named = new ArrayList<>();
            // In % change mode the baseline is drawn first and compared with: put it first.
            named.add(new NamedTrajectory(set.runs().get(set.baseline()).name(), trs.get(set.baseline())));
            for (int r = 0; r < trs.size(); r++) {
                if (r != set.baseline()) {
                    named.add(new NamedTrajectory(set.runs().get(r).name(), trs.get(r)));
                }
            }
            Figure figure;
            try {
                figure = Plots.timeSeries(named, spec);
            } catch (NoSuchElementException e) {
                throw ApiException.badRequest("outputs", e.getMessage());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("runs", e.getMessage());
            }
            return fmt.equals("png") ? Plots.png(figure) : Plots.svg(figure).getBytes(StandardCharsets.UTF_8);
        });
        ctx.header("Content-Disposition", "attachment; filename=\"osteon-plot." + fmt + "\"");
        ctx.contentType(fmt.equals("png") ? "image/png" : "image/svg+xml").result(image);
    }

    private List<Trajectory> solveAll(List<Run> runs, Cancellation c) {
        List<Trajectory> out = new ArrayList<>();
        for (Run r : runs) {
            out.add(r.given() != null ? r.given() : solve(r.prepared(), c));
        }
        return out;
    }

    private RunSet runs(JsonNode body, boolean allowTrajectories) {
        JsonNode runs = body.get("runs");
        if (runs == null || !runs.isArray() || runs.isEmpty()) {
            throw ApiException.badRequest("runs", "'runs' must be a non-empty list of {\"name\": ..., \"scenario\": {...}}");
        }
        if (runs.size() > limits.maxRuns()) {
            throw ApiException.badRequest("runs", "at most " + limits.maxRuns() + " runs in one request, found " + runs.size());
        }
        List<Run> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            String p = "runs[" + i + "]";
            JsonNode run = runs.get(i);
            if (!run.isObject()) {
                throw ApiException.badRequest(p, "each run must be an object {\"name\": ..., \"scenario\": {...}}");
            }
            requireObject(run, p + ".", allowTrajectories ? Set.of("name", "scenario", "trajectory") : Set.of("name", "scenario"));
            String name = run.hasNonNull("name") ? text(run, "name", 100, p + ".name") : "run " + (i + 1);
            if (!names.add(name)) {
                throw ApiException.badRequest(p + ".name", "two runs are named '" + name + "': names must differ");
            }
            if (allowTrajectories && run.has("trajectory")) {
                if (run.has("scenario")) {
                    throw ApiException.badRequest(p, "give a run either a scenario or a trajectory, not both");
                }
                out.add(new Run(name, null, trajectory(run.get("trajectory"), p + ".trajectory.")));
            } else {
                if (!run.has("scenario")) {
                    throw ApiException.badRequest(p + ".scenario", "missing key 'scenario'");
                }
                out.add(new Run(name, scenarios.prepare(run.get("scenario"), p + ".scenario."), null));
            }
        }
        int baseline = 0;
        if (body.hasNonNull("baseline")) {
            String b = text(body, "baseline", 100);
            List<String> all = out.stream().map(Run::name).toList();
            baseline = all.indexOf(b);
            if (baseline < 0) {
                throw ApiException.badRequest("baseline", "no run is named '" + b + "'" + Suggestions.didYouMean(b, all)
                        + "; runs: " + String.join(", ", all));
            }
        }
        Comparison.Change change = Comparison.Change.ABSOLUTE;
        if (body.hasNonNull("change")) {
            String c = text(body, "change", 20);
            if (c.equalsIgnoreCase("percent")) {
                change = Comparison.Change.PERCENT;
            } else if (!c.equalsIgnoreCase("absolute")) {
                throw ApiException.badRequest("change", "'change' must be absolute or percent, found '" + c + "'");
            }
        }
        return new RunSet(out, baseline, change);
    }

    /** A trajectory in the form /api/simulate returns it. */
    private Trajectory trajectory(JsonNode node, String p) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(p.substring(0, p.length() - 1), "a trajectory must be an object as /api/simulate returns it");
        }
        JsonNode time = node.get("time");
        if (time == null || !time.isArray() || time.isEmpty() || time.size() > limits.maxPoints()) {
            throw ApiException.badRequest(p + "time", "'time' must be a list of 1 to " + limits.maxPoints() + " numbers");
        }
        double[] t = new double[time.size()];
        for (int i = 0; i < t.length; i++) {
            JsonNode v = time.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble()) || (i > 0 && !(v.asDouble() > t[i - 1]))) {
                throw ApiException.badRequest(p + "time[" + i + "]", "times must be finite increasing numbers");
            }
            t[i] = v.asDouble();
        }
        JsonNode cols = node.get("columns");
        if (cols == null || !cols.isArray() || cols.isEmpty() || cols.size() > limits.maxOutputs()) {
            throw ApiException.badRequest(p + "columns", "'columns' must be a list of 1 to " + limits.maxOutputs()
                    + " objects {id, unit, label, values}");
        }
        List<Column> columns = new ArrayList<>();
        double[][] values = new double[cols.size()][];
        Set<String> ids = new HashSet<>();
        for (int c = 0; c < cols.size(); c++) {
            String cp = p + "columns[" + c + "]";
            JsonNode col = cols.get(c);
            if (!col.isObject()) {
                throw ApiException.badRequest(cp, "each column must be an object {id, unit, label, values}");
            }
            String id = text(col, "id", 100, cp + ".id");
            if (!ids.add(id)) {
                throw ApiException.badRequest(cp + ".id", "column '" + id + "' appears twice");
            }
            String unit = col.hasNonNull("unit") ? text(col, "unit", 100, cp + ".unit") : null;
            String label = col.hasNonNull("label") ? text(col, "label", 200, cp + ".label") : null;
            Variable.Kind kind = Variable.Kind.ASSIGNED;
            if (col.hasNonNull("kind")) {
                String k = text(col, "kind", 20, cp + ".kind").toUpperCase(Locale.ROOT);
                try {
                    kind = Variable.Kind.valueOf(k);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(cp + ".kind", "unknown kind '" + k.toLowerCase(Locale.ROOT) + "'");
                }
            }
            JsonNode vals = col.get("values");
            if (vals == null || !vals.isArray() || vals.size() != t.length) {
                throw ApiException.badRequest(cp + ".values", "'values' must have one number (or null) per time");
            }
            values[c] = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                JsonNode v = vals.get(i);
                if (!v.isNull() && !v.isNumber()) {
                    throw ApiException.badRequest(cp + ".values[" + i + "]", "values must be numbers or null");
                }
                values[c][i] = v.isNull() ? Double.NaN : v.asDouble();
            }
            columns.add(new Column(id, kind, unit, label == null ? id : label));
        }
        String model = node.hasNonNull("model") ? text(node, "model", 100, p + "model") : "trajectory";
        String timeUnit = node.hasNonNull("timeUnit") ? text(node, "timeUnit", 50, p + "timeUnit") : null;
        return new Trajectory(model, timeUnit, t, columns, values, (RunInfo) null);
    }

    private void requireObject(JsonNode body, Set<String> keys) {
        if (!body.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object");
        }
        requireObject(body, "", keys);
    }

    private static void requireObject(JsonNode node, String prefix, Set<String> keys) {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw ApiException.badRequest(prefix + k, "unknown key '" + k + "'" + Suggestions.didYouMean(k, keys)
                        + "; expected " + String.join(", ", new java.util.TreeSet<>(keys)));
            }
        }
    }

    private static String text(JsonNode node, String key, int max) {
        return text(node, key, max, key);
    }

    private static String text(JsonNode node, String key, int max, String field) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw ApiException.badRequest(field, "'" + key + "' must be a non-empty string");
        }
        if (v.asText().length() > max) {
            throw ApiException.badRequest(field, "'" + key + "' is longer than " + max + " characters");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest(key, "'" + key + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static int size(JsonNode node, String key, int dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || v.asLong() < 200 || v.asLong() > MAX_PLOT_SIZE) {
            throw ApiException.badRequest(key, "'" + key + "' must be a whole number of pixels from 200 to " + MAX_PLOT_SIZE);
        }
        return v.asInt();
    }

    private JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, null, "send the request body as JSON with Content-Type: application/json");
        }
        return json.parse(bytes(ctx, limits.maxBodyBytes(), "request body", ""));
    }

    /**
     * The request body, refused with 413 when it is (or declares itself) larger than {@code limit};
     * {@code what} and {@code limitName} word the message.
     */
    static byte[] bytes(Context ctx, long limit, String what, String limitName) {
        String named = limitName.isEmpty() ? "" : " (" + limitName + ")";
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new ApiException(413, null, what + " of " + declared + " bytes is larger than the limit of " + limit + " bytes"
                    + named);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the request body could not be read: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw new ApiException(413, null, what + " larger than the limit of " + limit + " bytes" + named);
        }
        return bytes;
    }

    private static long arrival(Context ctx) {
        Long t = ctx.attribute(ARRIVAL);
        return t == null ? System.nanoTime() : t;
    }

    private void send(Context ctx, JsonNode node) {
        try {
            ctx.contentType("application/json").result(mapper.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }
}
