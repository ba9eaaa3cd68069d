package org.osteon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.web.ScenarioJsonAccess;
import org.osteon.web.WebLimits;
import org.osteon.web.WebServer;

/**
 * Load test of the web API (a benchmark, not a unit test): starts the server on a loopback port,
 * then N concurrent clients post typical simulations for a fixed time and the latencies are
 * reported. Traffic goes to 127.0.0.1 only, and every loop is bounded in time.
 *
 * <pre>
 * mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am
 * java -cp osteon-bench/target/benchmarks.jar org.osteon.bench.WebLoadTest [clients=50] [seconds=60] [warmup=10] [scenario ...]
 * </pre>
 */
public final class WebLoadTest {
    private WebLoadTest() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> scenarios = args.length > 3 ? Arrays.asList(args).subList(3, args.length)
                : List.of("pivonka2008-pth", "rankl-pathway-opg-loss");
        ModelCatalog catalog = ModelCatalogs.discover();
        ObjectMapper json = new ObjectMapper();
        System.out.printf(Locale.ROOT, "# %d clients, %d s per scenario after %d s warm-up, %d cores, %s%n", clients, seconds, warmup,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (WebServer server = new WebServer(WebLimits.defaults()).start("127.0.0.1", 0)) {
            server.warmUp();
            System.out.println("# limits: " + server.limits().asMap());
            System.out.println("scenario                     requests  req/s   p50 ms  p95 ms  p99 ms  max ms  errors");
            for (String id : scenarios) {
                String body = json.writeValueAsString(ScenarioJsonAccess.toJson(catalog.scenario(id)
                        .orElseThrow(() -> new IllegalArgumentException("no built-in scenario " + id))));
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/simulate");
                check(uri, body, json);
                run(uri, body, clients, warmup);
                Result r = run(uri, body, clients, seconds);
                System.out.printf(Locale.ROOT, "%-28s %8d %6.0f %8.1f %7.1f %7.1f %7.1f %7d%n", id, r.count(), r.count() / (double) seconds,
                        r.percentile(50), r.percentile(95), r.percentile(99), r.percentile(100), r.errors());
            }
        }
    }

    private static void check(URI uri, String body, ObjectMapper json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request(uri, body), HttpResponse.BodyHandlers.ofString());
        JsonNode tr = json.readTree(r.body());
        if (r.statusCode() != 200 || tr.get("time").size() < 2) {
            throw new IllegalStateException("the scenario does not simulate: " + r.statusCode() + " " + r.body());
        }
    }

    private static HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    record Result(long[] nanos, long errors) {
        long count() {
            return nanos.length;
        }

        double percentile(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
        }
    }

    /**
     * Each client is a thread sending requests back to back until the time is up, each on its own
     * connection; the clients share one HttpClient (one selector thread), so that the load
     * generator, which runs on the same cores, takes as little of them as it can.
     */
    private static Result run(URI uri, String body, int clients, int seconds) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        HttpRequest request = request(uri, body);
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int[] n = {0};
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            // The body is read to the end and dropped (check() verified its content once).
                            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n[0] == mine[0].length) {
                            mine[0] = Arrays.copyOf(mine[0], n[0] * 2);
                        }
                        mine[0][n[0]++] = System.nanoTime() - t0;
                    }
                } finally {
                    synchronized (perClient) {
                        perClient.add(Arrays.copyOf(mine[0], n[0]));
                    }
                    done.countDown();
                }
            }, "load-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get());
    }
}
