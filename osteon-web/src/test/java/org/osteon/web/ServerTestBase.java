package org.osteon.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A real server on a random loopback port, warmed up once per test class, with a client for it. */
abstract class ServerTestBase {
    static WebServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = new WebServer(WebLimits.defaults()).start("127.0.0.1", 0);
        server.warmUp();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }
}
