package org.osteon.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osteon.util.Suggestions;

/**
 * What one request may ask of the server, so that no request, however hostile, can take it down.
 * Every limit has a safe default and can be changed by name ({@code osteon serve --limit NAME=VALUE}).
 *
 * @param maxBodyBytes       largest request body; larger bodies get 413
 * @param maxJsonDepth       deepest nesting of arrays and objects in a request
 * @param maxJsonTokens      most JSON tokens (values, keys, brackets) in a request
 * @param maxSpan            longest simulated span {@code until - start}, in days (a model's own time unit is
 *                           converted): 40 years by default
 * @param maxPoints          most output times of one run
 * @param maxSetEntries      most entries under {@code set}
 * @param maxInterventions   most interventions
 * @param maxDoses           most administrations of all doses together (each is a solver restart)
 * @param maxOutputs         most names under {@code outputs}
 * @param maxRuns            most runs in one comparison or plot
 * @param maxAbsValue        largest magnitude of any number in a scenario
 * @param timeBudgetMillis   time one request may take, queueing included; runs are cut when it is used up (422)
 * @param workers            simulations running at once (threads of the worker pool)
 * @param queueCapacity      requests waiting for a worker; beyond that, 503 at once
 * @param idleTimeoutMillis  a connection with nothing to read or write for this long is closed
 * @param minRequestBytesPerSecond a request body arriving slower than this is cut (408): a slow
 *                           client cannot hold a server thread
 * @param maxConnectionsPerClient connections one client address may hold open; more are closed at once
 * @param maxPatients        most patients of one population ({@code /api/population})
 * @param maxModelBytes      largest model text (UTF-8 bytes) uploaded with {@code POST /api/models}, whose
 *                           request may exceed {@code maxBodyBytes} by that much plus 64 KiB for JSON escaping
 * @param maxUploadedModels  uploaded models the server keeps (the least recently used is dropped first)
 */
public record WebLimits(long maxBodyBytes, int maxJsonDepth, int maxJsonTokens, double maxSpan, int maxPoints,
                        int maxSetEntries, int maxInterventions, int maxDoses, int maxOutputs, int maxRuns,
                        double maxAbsValue, long timeBudgetMillis, int workers, int queueCapacity,
                        long idleTimeoutMillis, long minRequestBytesPerSecond, int maxConnectionsPerClient, int maxPatients,
                        long maxModelBytes, int maxUploadedModels) {

    /** The defaults: 256 KiB bodies, depth 16, 40 years of days, 20 000 points, 5 s per request, 1 MiB models, ... */
    public static WebLimits defaults() {
        return new WebLimits(256 * 1024, 16, 50_000, 40 * 365.25, 20_000, 500, 200, 4000, 200, 8, 1e15, 5000,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 64, 10_000, 1024, 64, 200, 1024 * 1024, 32);
    }

    public WebLimits {
        if (maxBodyBytes < 1024 || maxJsonDepth < 4 || maxJsonTokens < 100 || !(maxSpan > 0) || maxPoints < 2
                || maxSetEntries < 0 || maxInterventions < 0 || maxDoses < 0 || maxOutputs < 1 || maxRuns < 1
                || !(maxAbsValue > 0) || timeBudgetMillis < 1 || workers < 1 || queueCapacity < 0
                || idleTimeoutMillis < 100 || minRequestBytesPerSecond < 0 || maxConnectionsPerClient < 1
                || maxPatients < 2 || maxModelBytes < 1024 || maxUploadedModels < 1) {
            throw new IllegalArgumentException("a limit is out of range: " + this);
        }
    }

    /** The largest request body any route accepts: the model upload's. */
    public long maxRequestBytes() {
        return Math.max(maxBodyBytes, maxModelBytes + 64 * 1024);
    }

    /** The limits by name, as documented and as {@link #with} takes them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxBodyBytes", maxBodyBytes);
        m.put("maxJsonDepth", maxJsonDepth);
        m.put("maxJsonTokens", maxJsonTokens);
        m.put("maxSpan", maxSpan);
        m.put("maxPoints", maxPoints);
        m.put("maxSetEntries", maxSetEntries);
        m.put("maxInterventions", maxInterventions);
        m.put("maxDoses", maxDoses);
        m.put("maxOutputs", maxOutputs);
        m.put("maxRuns", maxRuns);
        m.put("maxAbsValue", maxAbsValue);
        m.put("timeBudgetMillis", timeBudgetMillis);
        m.put("workers", workers);
        m.put("queueCapacity", queueCapacity);
        m.put("idleTimeoutMillis", idleTimeoutMillis);
        m.put("minRequestBytesPerSecond", minRequestBytesPerSecond);
        m.put("maxConnectionsPerClient", maxConnectionsPerClient);
        m.put("maxPatients", maxPatients);
        m.put("maxModelBytes", maxModelBytes);
        m.put("maxUploadedModels", maxUploadedModels);
        return m;
    }

    /**
     * A copy with one limit changed.
     *
     * @throws IllegalArgumentException for an unknown name (with the closest one) or a value out of range
     */
    public WebLimits with(String name, String value) {
        Map<String, Object> m = asMap();
        if (!m.containsKey(name)) {
            throw new IllegalArgumentException("unknown limit '" + name + "'" + Suggestions.didYouMean(name, m.keySet())
                    + "; limits: " + String.join(", ", m.keySet()));
        }
        double v;
        try {
            v = Double.parseDouble(value.trim().toLowerCase(Locale.ROOT).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit " + name + " must be a number, found '" + value + "'");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("limit " + name + " must be a finite non-negative number, found '" + value + "'");
        }
        Object old = m.get(name);
        if (!(old instanceof Double) && (v != Math.rint(v) || v > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("limit " + name + " must be a whole number up to " + Integer.MAX_VALUE
                    + ", found '" + value + "'");
        }
        m.put(name, old instanceof Double ? (Object) v : old instanceof Long ? (Object) (long) v : (Object) (int) v);
        return new WebLimits((Long) m.get("maxBodyBytes"), (Integer) m.get("maxJsonDepth"), (Integer) m.get("maxJsonTokens"),
                (Double) m.get("maxSpan"), (Integer) m.get("maxPoints"), (Integer) m.get("maxSetEntries"),
                (Integer) m.get("maxInterventions"), (Integer) m.get("maxDoses"), (Integer) m.get("maxOutputs"),
                (Integer) m.get("maxRuns"), (Double) m.get("maxAbsValue"), (Long) m.get("timeBudgetMillis"),
                (Integer) m.get("workers"), (Integer) m.get("queueCapacity"), (Long) m.get("idleTimeoutMillis"),
                (Long) m.get("minRequestBytesPerSecond"), (Integer) m.get("maxConnectionsPerClient"),
                (Integer) m.get("maxPatients"), (Long) m.get("maxModelBytes"), (Integer) m.get("maxUploadedModels"));
    }
}
