package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.web.WebLimits;
import org.osteon.web.WebServer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The hostile-input corpus (issue 13): every case under {@code src/test/resources/hostile/} runs
 * through the real command line (in-process, each bounded in time) or against a real web server,
 * and must end with the expected exit code or status and messages: no crash (exit 3, HTTP 500, a
 * stack trace or an exception name in the output), no hang (the case's time bound, 20 s unless it
 * says), no wrong result (its expectations, including numeric values of CSV output), and on every
 * command-line case no temporary file left behind and no input file changed.
 */
class HostileInputCorpusTest {
    static final String[] FAMILIES = {"model-text", "yaml", "cli", "web", "reports"};
    private static final List<String> CRASH_SIGNS = List.of("Exception", "\tat org.", "\tat java.", "internal error",
            "StackOverflow", "OutOfMemory", "NullPointer");
    private static final Map<String, AtomicInteger> TALLY = new LinkedHashMap<>();
    private static final Map<String, Double> SECONDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-case");
        t.setDaemon(true);
        return t;
    });
    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path root;

    static List<HostileCorpus.Case> load(String family) throws IOException {
        try (InputStream in = HostileInputCorpusTest.class.getResourceAsStream("/hostile/" + family + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file hostile/" + family + ".yaml");
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 << 20);
            return HostileCorpus.parse(family, new Yaml(options).load(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        // -Dhostile.only=TEXT runs the cases whose family/id contains TEXT (while working on one).
        String only = System.getProperty("hostile.only", "");
        for (String family : FAMILIES) {
            for (HostileCorpus.Case c : load(family)) {
                if (!(family + "/" + c.id()).contains(only)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(family + "/" + c.id(), () -> run(c)));
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void summary() {
        if (server != null) {
            server.close();
        }
        RUNNER.shutdownNow();
        StringBuilder sb = new StringBuilder("hostile-input corpus:");
        TALLY.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.get()));
        sb.append(String.format(java.util.Locale.ROOT, "; %.1f s in all; slowest:", SECONDS.values().stream()
                .mapToDouble(Double::doubleValue).sum()));
        SECONDS.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> sb.append(String.format(java.util.Locale.ROOT, " %s %.1f s,", e.getKey(), e.getValue())));
        System.out.println(sb);
    }

    private static void count(String what) {
        TALLY.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void run(HostileCorpus.Case c) throws Exception {
        long start = System.nanoTime();
        try {
            runCounted(c);
        } finally {
            SECONDS.put(c.family() + "/" + c.id(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static void runCounted(HostileCorpus.Case c) throws Exception {
        count("cases");
        count("family." + c.family());
        try {
            if (c.request() != null) {
                web(c);
            } else {
                cli(c);
            }
            count("passed");
        } catch (Hang h) {
            count("hangs");
            throw h;
        } catch (Crash e) {
            count("crashes");
            throw e;
        } catch (AssertionError e) {
            count("wrong");
            throw e;
        }
    }

    /** The case ran longer than its bound. */
    static final class Hang extends AssertionError {
        private static final long serialVersionUID = 1L;

        Hang(String message) {
            super(message);
        }
    }

    /** An internal error: exit 3, HTTP 500 or a stack trace. */
    static final class Crash extends AssertionError {
        private static final long serialVersionUID = 1L;

        Crash(String message) {
            super(message);
        }
    }

    // ---- command line ---------------------------------------------------------------------

    private static void cli(HostileCorpus.Case c) throws Exception {
        Path dir = Files.createDirectories(root.resolve(c.family() + "-" + c.id().replaceAll("[^A-Za-z0-9._-]", "_")));
        Map<Path, byte[]> inputs = new HashMap<>();
        for (Map.Entry<String, String> f : c.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            byte[] bytes = f.getValue().replace("${dir}", dir.toString()).getBytes(StandardCharsets.UTF_8);
            Files.write(p, bytes);
            inputs.put(p, bytes);
        }
        for (Map.Entry<String, String> l : c.links().entrySet()) {
            Files.createSymbolicLink(dir.resolve(l.getKey()), Path.of(l.getValue().replace("${dir}", dir.toString())));
        }
        String[] args = c.args().stream().map(a -> a.replace("${dir}", dir.toString())).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = Session.quiet();
        Future<Integer> f = RUNNER.submit(() -> Osteon.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), session));
        int code;
        try {
            code = f.get((long) (c.timeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            session.cancel(); // runs stop at their next step; give the command a moment to end
            try {
                f.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                f.cancel(true);
            }
            throw new Hang("no answer within " + c.timeoutSeconds() + " s: osteon " + String.join(" ", args));
        }
        String o = out.toString();
        String e = err.toString();
        String what = "osteon " + String.join(" ", abbreviated(args)) + "\nexit " + code + "\nstderr: " + abbreviate(e)
                + "\nstdout: " + abbreviate(o);
        for (String sign : CRASH_SIGNS) {
            if (code == 3 || e.contains(sign)) {
                throw new Crash("internal error (" + sign + "): " + what);
            }
        }
        assertThat(c.exit()).as("exit code: " + what).contains(code);
        if (code == 2 && !args[0].equals("validate")) {
            // validate lists file:line:column: problems, one per line (docs/cli.md); every other command says 'osteon: ...'.
            assertThat(e).as("a user error is an 'osteon:' message: " + what).startsWith("osteon: ");
        }
        String d = dir.toString();
        c.stdoutHas().forEach(s -> assertThat(o).as(what).contains(s.replace("${dir}", d)));
        c.stdoutNot().forEach(s -> assertThat(o).as(what).doesNotContain(s.replace("${dir}", d)));
        c.stderrHas().forEach(s -> assertThat(e).as(what).contains(s.replace("${dir}", d)));
        c.stderrNot().forEach(s -> assertThat(e).as(what).doesNotContain(s.replace("${dir}", d)));
        c.filesExist().forEach(p -> assertThat(Files.exists(dir.resolve(p))).as(p + " exists: " + what).isTrue());
        c.filesAbsent().forEach(p -> assertThat(Files.exists(dir.resolve(p))).as(p + " absent: " + what).isFalse());
        for (Map.Entry<String, List<String>> fh : c.fileHas().entrySet()) {
            String text = Files.readString(dir.resolve(fh.getKey()));
            fh.getValue().forEach(s -> assertThat(text).as(fh.getKey() + ": " + what).contains(s));
        }
        for (Map.Entry<String, List<String>> fn : c.fileNot().entrySet()) {
            String text = Files.readString(dir.resolve(fn.getKey()));
            fn.getValue().forEach(s -> assertThat(text).as(fn.getKey() + ": " + what).doesNotContain(s));
        }
        for (String x : c.xml()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(dir.resolve(x).toFile()); // throws if not well-formed
        }
        for (HostileCorpus.CsvValue v : c.csv()) {
            String text = v.source().equals("stdout") ? o : Files.readString(dir.resolve(v.source()));
            TestFiles.Csv csv = TestFiles.csv(text, text.startsWith("time\t") ? '\t' : ',');
            double[] time = csv.values("time");
            int row = -1;
            for (int i = 0; i < time.length; i++) {
                if (time[i] == v.t()) {
                    row = i;
                }
            }
            assertThat(row).as("time " + v.t() + " in " + v.source() + ": " + what).isGreaterThanOrEqualTo(0);
            assertThat(csv.values(v.column())[row]).as(v.column() + " at t=" + v.t() + ": " + what)
                    .isCloseTo(v.value(), org.assertj.core.data.Offset.offset(v.tolerance()));
        }
        // No temporary file survives, and no input was changed (or removed).
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).as("leftovers: " + what).isEmpty();
        }
        for (Map.Entry<Path, byte[]> in : inputs.entrySet()) {
            assertThat(Files.exists(in.getKey()) && java.util.Arrays.equals(Files.readAllBytes(in.getKey()), in.getValue()))
                    .as("input " + in.getKey().getFileName() + " unchanged: " + what).isTrue();
        }
    }

    private static List<String> abbreviated(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(abbreviate(a));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "... (" + s.length() + " characters)";
    }

    // ---- web ------------------------------------------------------------------------------

    private static synchronized WebServer server() {
        if (server == null) {
            server = new WebServer(WebLimits.defaults()).start("127.0.0.1", 0);
            server.warmUp();
        }
        return server;
    }

    private static void web(HostileCorpus.Case c) throws Exception {
        HostileCorpus.Request r = c.request();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server().port() + r.path()))
                .timeout(Duration.ofMillis((long) (c.timeoutSeconds() * 1000)));
        if (r.body() == null) {
            b.method(r.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(r.method(), HttpRequest.BodyPublishers.ofString(r.body())).header("Content-Type", r.contentType());
        }
        HttpResponse<String> resp;
        try {
            resp = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Hang("no answer within " + c.timeoutSeconds() + " s: " + r.method() + " " + r.path());
        }
        String body = resp.body();
        String what = r.method() + " " + r.path() + " " + abbreviate(String.valueOf(r.body())) + "\n-> " + resp.statusCode()
                + " " + abbreviate(body);
        if (resp.statusCode() == 500) {
            throw new Crash("HTTP 500: " + what);
        }
        for (String sign : CRASH_SIGNS) {
            if (body.contains(sign)) {
                throw new Crash("internal error (" + sign + ") in the answer: " + what);
            }
        }
        assertThat(c.exit()).as("status: " + what).contains(resp.statusCode());
        if (resp.statusCode() >= 400) {
            JsonNode j = new ObjectMapper().readTree(body);
            assertThat(j.get("status").asInt()).as(what).isEqualTo(resp.statusCode());
            assertThat(j.get("error").asText()).as(what).isNotBlank();
            if (c.field() != null && !c.field().equals("any")) {
                assertThat(j.get("field").isNull() ? null : j.get("field").asText()).as("field: " + what).isEqualTo(
                        c.field().equals("null") ? null : c.field());
            }
            c.stderrHas().forEach(s -> assertThat(j.get("error").asText()).as(what).contains(s));
        }
        c.stdoutHas().forEach(s -> assertThat(body).as(what).contains(s));
        c.stdoutNot().forEach(s -> assertThat(body).as(what).doesNotContain(s));
    }
}
