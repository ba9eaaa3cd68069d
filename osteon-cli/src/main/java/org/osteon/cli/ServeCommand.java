package org.osteon.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteon.web.WebLimits;
import org.osteon.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code osteon serve}: the web explorer and its JSON API, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web explorer: the pathway as a picture, live simulation and scenario comparison,",
                "with a JSON API under /api (described at /api/openapi.json). Stop it with Ctrl-C.",
                "It listens on 127.0.0.1 only unless --host says otherwise."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 7070;

    @Option(names = "--host", paramLabel = "ADDR", description = {"Address to listen on (default: ${DEFAULT-VALUE}, this machine only).",
            "Another address exposes the server to the network: there is no authentication."})
    String host = "127.0.0.1";

    @Option(names = "--limit", paramLabel = "NAME=VALUE", description = {"Change a limit (repeatable), e.g. --limit timeBudgetMillis=10000.",
            "Limits: maxBodyBytes, maxJsonDepth, maxJsonTokens, maxSpan, maxPoints, maxSetEntries, maxInterventions,",
            "maxDoses, maxOutputs, maxRuns, maxAbsValue, timeBudgetMillis, workers, queueCapacity, maxPatients,",
            "maxModelBytes, maxUploadedModels (docs/web.md)."})
    List<String> limits = new ArrayList<>();

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserException("--port must be from 0 to 65535, found " + port);
        }
        WebLimits l = WebLimits.defaults();
        for (String entry : limits) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new UserException("--limit needs NAME=VALUE, found '" + entry + "'");
            }
            try {
                l = l.with(entry.substring(0, eq).trim(), entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new UserException("--limit: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!WebServer.isLoopback(host)) {
            err.println("osteon: warning: listening on " + host + ", which is reachable from other machines; the server has"
                    + " no authentication. Use the default --host 127.0.0.1 unless you mean this.");
            err.flush();
        }
        WebServer server;
        try {
            server = new WebServer(l).start(host, port);
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage() + " (is another server using the port? try --port)");
        }
        try {
            String shown = host.contains(":") ? "[" + host + "]" : host;
            out.println("Osteon explorer at http://" + shown + ":" + server.port() + "/  (API: /api/openapi.json; Ctrl-C to stop)");
            out.flush();
            Thread warm = new Thread(server::warmUp, "osteon-warm-up");
            warm.setDaemon(true);
            warm.start();
            while (!root.session().cancelled()) {
                Thread.sleep(100);
            }
        } finally {
            server.close();
        }
        return Osteon.EXIT_INTERRUPTED;
    }
}
