package org.osteon.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Osteon web explorer: the JSON API under {@code /api} and the single-page front end at
 * {@code /}. Every error, including those Jetty raises itself, is answered as JSON
 * {@code {"error", "field", "status"}}, never with a stack trace or an HTML page.
 */
public final class WebServer implements AutoCloseable {
    /** Where the front end lives on the class path. */
    static final String STATIC = "/org/osteon/web/static";
    static {
        // Jetty and Javalin log every start at INFO; only problems belong on the console (override with -D).
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String WARM_UP_SBML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">"
            + "<model id=\"warm_up\"><listOfParameters><parameter id=\"k\" value=\"1\" constant=\"true\"/>"
            + "</listOfParameters></model></sbml>";

    /** A route: what the server answers, for the OpenAPI check. */
    public record Route(String method, String path) {
    }

    private final WebLimits limits;
    private final WebCatalog catalog;
    /** Schubfach double formatting: Java 17's Double.toString made number output the largest cost of a request. */
    private final ObjectMapper mapper = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final Workers workers;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private Javalin app;
    private boolean loopbackOnly;

    public WebServer(WebLimits limits) {
        this(limits, ModelCatalogs.discover());
    }

    public WebServer(WebLimits limits, ModelCatalog catalog) {
        this.limits = limits;
        this.catalog = new WebCatalog(catalog, limits.maxUploadedModels());
        this.workers = new Workers(limits);
    }

    public WebLimits limits() {
        return limits;
    }

    /**
     * Starts listening on {@code host:port} (port 0: any free port).
     *
     * @throws IllegalStateException if the address cannot be bound
     */
    public WebServer start(String host, int port) {
        loopbackOnly = isLoopback(host);
        ScenarioJson scenarioJson = new ScenarioJson(limits, catalog);
        Api api = new Api(limits, mapper, scenarioJson, new ModelJson(catalog, mapper), workers, openApi());
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = limits.maxRequestBytes(); // each route checks its own limit
            config.http.prefer405over404 = true;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setRequestHeaderSize(16 * 1024);
                // A body trickling in (one byte a second) would hold a server thread for as long as it lasts.
                http.setMinRequestDataRate(limits.minRequestBytesPerSecond());
            });
            // Our own connector, so that idle time and connections per client are bounded from the first one.
            config.jetty.addConnector((server, http) -> {
                org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server,
                        new org.eclipse.jetty.server.HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                connector.setIdleTimeout(limits.idleTimeoutMillis());
                connector.addBean(new ClientConnectionLimit(limits.maxConnectionsPerClient()));
                return connector;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = STATIC;
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "no-cache");
                // The API is never a file: do not look /api/... up on the class path.
                files.skipFileFunction = request -> request.getRequestURI().startsWith("/api/");
            });
            config.events.handlerAdded(info -> routes.add(new Route(info.getHttpMethod().name(), info.getPath())));
            config.router.mount(router -> {
                router.before(ctx -> {
                    ctx.attribute(Api.ARRIVAL, System.nanoTime());
                    securityHeaders(ctx);
                    checkHost(ctx);
                });
                router.get("/api/health", api::health);
                router.get("/api/openapi.json", api::openApi);
                router.get("/api/models", api::listModels);
                router.post("/api/models", api::upload);
                router.get("/api/models/{id}", api::model);
                router.get("/api/models/{id}/export", api::export);
                router.get("/api/scenarios", api::listScenarios);
                router.post("/api/simulate", api::simulate);
                router.post("/api/compare", api::compare);
                router.post("/api/plot", api::plot);
                router.post("/api/fit", api::fit);
                router.post("/api/population", api::population);
                router.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.field()));
                router.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), message(e, ctx), null));
                router.exception(Exception.class, (e, ctx) -> {
                    org.eclipse.jetty.http.BadMessageException bad = badMessage(e);
                    if (bad != null && bad.getCode() >= 400 && bad.getCode() < 500) {
                        // Jetty refusing the request itself (a body slower than the minimum data rate:
                        // 408), a client's doing: say so with Jetty's code, not as a server fault.
                        String reason = bad.getReason() != null ? bad.getReason() : "status " + bad.getCode();
                        error(ctx, bad.getCode(), "request refused while reading it: " + reason, null);
                        return;
                    }
                    LOG.error("unexpected error in {} {}", ctx.method(), ctx.path(), e);
                    error(ctx, 500, "internal error (" + e.getClass().getSimpleName() + "); the server log has the details", null);
                });
                router.error(404, ctx -> {
                    if (!isJsonError(ctx)) {
                        error(ctx, 404, "no such resource: " + ctx.method() + " " + ctx.path()
                                + " (the API is described at /api/openapi.json)", null);
                    }
                });
                router.error(405, ctx -> {
                    if (!isJsonError(ctx)) {
                        error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path(), null);
                    }
                });
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            workers.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        return this;
    }

    /** The Jetty BadMessageException in e's cause chain, or null. */
    private static org.eclipse.jetty.http.BadMessageException badMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException bad) {
                return bad;
            }
        }
        return null;
    }

    /**
     * Compiles every built-in model and loads the other model readers (JSBML's classes take seconds to
     * load), so that the first requests need not wait for either.
     */
    public void warmUp() {
        for (String id : catalog.modelIds()) {
            try {
                catalog.compiled(id);
            } catch (RuntimeException e) {
                LOG.warn("model {} does not compile: {}", id, e.getMessage());
            }
        }
        try {
            org.osteon.sbml.SbmlReader.read(WARM_UP_SBML, "warm-up.xml");
        } catch (RuntimeException e) {
            LOG.warn("the SBML reader could not read a minimal model: {}", e.getMessage());
        }
    }

    public int port() {
        return app.port();
    }

    /** The routes the server answers (method and path), as registered. */
    public List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        workers.close();
    }

    /** Whether {@code host} names only this machine (the default binding). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Scripts only from this server; inline styles are allowed because Cytoscape.js injects its own. */
    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    }

    /**
     * Bound to loopback, the server answers only requests addressed to a loopback name: a web
     * page elsewhere cannot reach it through DNS rebinding.
     */
    private void checkHost(Context ctx) {
        if (!loopbackOnly) {
            return;
        }
        String host = ctx.host();
        if (host == null) {
            return;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        name = name.toLowerCase(Locale.ROOT);
        if (!(name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]"))) {
            throw new ApiException(403, null, "this server answers only requests for localhost, 127.0.0.1 or [::1]");
        }
    }

    private static final String JSON_ERROR = "osteon.jsonError";

    private static boolean isJsonError(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(JSON_ERROR));
    }

    private void error(Context ctx, int status, String message, String field) {
        ObjectNode o = mapper.createObjectNode();
        o.put("error", message);
        if (field == null) {
            o.putNull("field");
        } else {
            o.put("field", field);
        }
        o.put("status", status);
        ctx.attribute(JSON_ERROR, true);
        ctx.status(status).contentType("application/json");
        try {
            ctx.result(mapper.writeValueAsBytes(o));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(HttpResponseException e, Context ctx) {
        String m = e.getMessage();
        switch (e.getStatus()) {
            case 404:
                return "no such resource: " + ctx.method() + " " + ctx.path() + " (the API is described at /api/openapi.json)";
            case 405:
                return "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413:
                return "request body too large";
            default:
                return m == null || m.isBlank() ? "HTTP error " + e.getStatus() : m;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private byte[] openApi() {
        try (InputStream in = WebServer.class.getResourceAsStream("/org/osteon/web/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the jar");
            }
            ObjectNode spec = (ObjectNode) mapper.readTree(in);
            ((ObjectNode) spec.get("info")).set("x-osteon-limits", mapper.valueToTree(limits.asMap()));
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors Jetty raises before any handler (bad URI, headers too large, ...) as JSON too. */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            int status = response.getStatus();
            Object msg = request.getAttribute("jakarta.servlet.error.message");
            String message = msg == null ? "HTTP error " + status : msg.toString();
            String body = "{\"error\":" + quote(message) + ",\"field\":null,\"status\":" + status + "}";
            response.setContentType("application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            baseRequest.setHandled(true);
        }

        @Override
        public java.nio.ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
            fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
            String body = "{\"error\":" + quote(reason == null ? "bad request" : reason) + ",\"field\":null,\"status\":" + status + "}";
            return java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
        }

        private static String quote(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('"').toString();
        }
    }
}
