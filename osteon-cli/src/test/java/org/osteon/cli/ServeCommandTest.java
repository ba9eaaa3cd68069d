package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code osteon serve}: starts the explorer, answers on loopback, stops on Ctrl-C (the session's cancel). */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("Osteon explorer at http://([^/]+)/");

    /** Runs serve in the background until the URL is printed; returns the host:port. */
    private static String startServe(Session session, StringWriter out, StringWriter err, CompletableFuture<Integer> code,
                                     String... args) throws InterruptedException {
        Thread t = new Thread(() -> code.complete(Osteon.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), session)));
        t.setDaemon(true);
        t.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && !code.isDone()) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not start: out=" + out + " err=" + err);
    }

    @Test
    void servesOnLoopbackUntilCancelled() throws Exception {
        Session session = Session.quiet();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = new CompletableFuture<>();
        String address = startServe(session, out, err, code, "serve", "--port", "0", "--limit", "timeBudgetMillis=2000");
        assertThat(address).startsWith("127.0.0.1:");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + address
                + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"timeBudgetMillis\":2000");
        assertThat(err.toString()).isEmpty(); // no warning on loopback, no log noise
        session.cancel();
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(Osteon.EXIT_INTERRUPTED);
    }

    @Test
    void anotherHostIsAnExplicitChoiceWithAWarning() throws Exception {
        Session session = Session.quiet();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = new CompletableFuture<>();
        startServe(session, out, err, code, "serve", "--port", "0", "--host", "0.0.0.0");
        assertThat(err.toString()).contains("warning").contains("reachable from other machines");
        session.cancel();
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(Osteon.EXIT_INTERRUPTED);
    }

    @Test
    void badLimitsAndBusyPortsAreUserErrors() throws Exception {
        Cli typo = Cli.run("serve", "--port", "0", "--limit", "timeBudgetMilis=10");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown limit 'timeBudgetMilis'").contains("did you mean 'timeBudgetMillis'");
        Cli noValue = Cli.run("serve", "--port", "0", "--limit", "workers");
        assertThat(noValue.code()).isEqualTo(2);
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli busy = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(busy.code()).isEqualTo(2);
            assertThat(busy.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
