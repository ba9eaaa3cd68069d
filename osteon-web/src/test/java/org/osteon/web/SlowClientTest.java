package org.osteon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow clients must not take the server: a body sent one byte per second is cut by the minimum
 * data rate, an idle connection by the idle timeout, and one client gets at most
 * {@code maxConnectionsPerClient} connections. Meanwhile {@code /api/health} stays fast for
 * everyone else. Issue 13: 300 slow-body connections made the health check take 10 s.
 *
 * <p>The attacker connects from 127.0.0.2 (Linux routes all of 127/8 to loopback), the checks come
 * from 127.0.0.1: a per-client limit is about the attacking client, not the victims.
 */
class SlowClientTest {
    private static final int ATTACKERS = 300;
    private WebServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        WebLimits limits = WebLimits.defaults().with("idleTimeoutMillis", "2000").with("maxConnectionsPerClient", "32");
        server = new WebServer(limits).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing what the server may already have closed
            }
        }
        server.close();
    }

    private Socket connectFrom(String source) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(source, 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        s.setSoTimeout(200);
        sockets.add(s);
        return s;
    }

    private static boolean canBindSecondLoopbackAddress() {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.2", 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the server has ended this connection (EOF, reset, or an error answer followed by EOF). */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void slowBodiesAreCutAndHealthStaysFast() throws Exception {
        assumeTrue(canBindSecondLoopbackAddress(), "no second loopback address to attack from");
        List<Socket> attack = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++) {
            try {
                Socket s = connectFrom("127.0.0.2");
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/simulate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                attack.add(s);
            } catch (IOException e) {
                // refused at once: that is the per-client limit working
            }
        }
        Http http = new Http(server.port());
        long deadline = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Socket s : attack) {
                try {
                    s.getOutputStream().write(' '); // one byte per round, about one per second per connection
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // already cut
                }
            }
            long t0 = System.nanoTime();
            Http.Response health = http.get("/api/health");
            double ms = (System.nanoTime() - t0) / 1e6;
            assertThat(health.status()).isEqualTo(200);
            // A hang guard with room for a loaded machine: it took 10 s before the fix.
            assertThat(ms).as("health check under attack").isLessThan(3000);
            Thread.sleep(1000);
        }
        // After a few seconds at one byte per second every attacking connection has been closed by the server.
        long open = attack.stream().filter(s -> !closedByServer(s)).count();
        assertThat(open).as("slow connections still open").isZero();
        assertThat(http.get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void oneClientGetsAtMostItsShareOfConnections() throws Exception {
        assumeTrue(canBindSecondLoopbackAddress(), "no second loopback address to attack from");
        List<Socket> mine = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            mine.add(connectFrom("127.0.0.2"));
        }
        Thread.sleep(300);
        long open = mine.stream().filter(s -> !closedByServer(s)).count();
        assertThat(open).isLessThanOrEqualTo(32);
        // Another client is not affected.
        assertThat(new Http(server.port()).get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        Socket idle = connectFrom("127.0.0.1");
        Thread.sleep(3500);
        assertThat(closedByServer(idle)).isTrue();
    }
}
