package org.osteon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI description lists exactly the routes the server has. */
class OpenApiTest {
    @Test
    void everyRouteIsDescribedAndEveryDescribedRouteExists() {
        try (WebServer server = new WebServer(WebLimits.defaults()).start("127.0.0.1", 0)) {
            Http http = new Http(server.port());
            Http.Response r = http.get("/api/openapi.json");
            assertThat(r.status()).isEqualTo(200);
            JsonNode spec = r.json();
            assertThat(spec.get("openapi").asText()).startsWith("3.");
            assertThat(spec.get("info").get("x-osteon-limits").get("timeBudgetMillis").asLong()).isEqualTo(5000);

            Set<String> documented = new TreeSet<>();
            for (Iterator<String> paths = spec.get("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                for (Iterator<String> methods = spec.get("paths").get(path).fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                    JsonNode op = spec.get("paths").get(path).get(method);
                    assertThat(op.get("responses").has("200")).as(method + " " + path).isTrue();
                }
            }
            Set<String> served = new TreeSet<>();
            for (WebServer.Route route : server.routes()) {
                if (route.method().equals("GET") || route.method().equals("POST") || route.method().equals("PUT")
                        || route.method().equals("DELETE") || route.method().equals("PATCH")) {
                    served.add(route.method() + " " + route.path());
                }
            }
            assertThat(served).isNotEmpty().isEqualTo(documented);

            // Each error response the description names refers to the one Error schema {error, field, status}.
            JsonNode error = spec.get("components").get("schemas").get("Error");
            assertThat(error.get("required").toString()).contains("error", "field", "status");
            for (JsonNode pathItem : spec.get("paths")) {
                for (JsonNode op : pathItem) {
                    for (Iterator<String> codes = op.get("responses").fieldNames(); codes.hasNext(); ) {
                        String code = codes.next();
                        if (!code.startsWith("2")) {
                            assertThat(op.get("responses").get(code).get("$ref").asText()).isEqualTo("#/components/responses/Error");
                        }
                    }
                }
            }
            // The GET routes answer (with a parameter filled in where the path has one).
            for (String route : documented) {
                if (route.startsWith("GET ")) {
                    String path = route.substring(4).replace("{id}", "pivonka2008");
                    assertThat(http.get(path).status()).as(path).isEqualTo(200);
                }
            }
        }
    }
}
