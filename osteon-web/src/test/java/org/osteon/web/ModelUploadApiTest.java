package org.osteon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models users bring (POST /api/models) are explored like built-in ones. Expected trajectories are the closed form of
 * first-order conversion, A(t) = A0 exp(-k t), B(t) = B0 + A0 (1 - exp(-k t)); tolerance 1e-6
 * relative to A0, for runs at rtol 1e-10.
 */
class ModelUploadApiTest extends ServerTestBase {
    static final String DECAY = """
            // first-order conversion, for the web tests
            model decay
              compartment cell = 1
              species A in cell, B in cell
              R1: A => B; k * A
              A = 10; B = 0
              k = 0.1 // per day
              A is "substrate"
            end
            """;

    static Http.Response upload(String text, String query, String type) {
        return http.post("/api/models" + query, text.getBytes(StandardCharsets.UTF_8), type);
    }

    static String resource(String name) {
        try (InputStream in = ModelUploadApiTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Simulates {@code model} until 20 with output step 1, tightly. */
    static JsonNode simulate(String model) {
        Http.Response r = http.post("/api/simulate", Http.json(Map.of("model", model, "until", 20, "step", 1,
                "rtol", 1e-10, "atol", 1e-12)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static double[] column(JsonNode trajectory, String id) {
        for (JsonNode c : trajectory.get("columns")) {
            if (c.get("id").asText().equals(id)) {
                double[] v = new double[c.get("values").size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.get("values").get(i).asDouble();
                }
                return v;
            }
        }
        throw new AssertionError("no column " + id + " in " + trajectory.get("columns").findValuesAsText("id"));
    }

    static void assertClosedForm(JsonNode tr, double a0, double b0, double k) {
        double[] t = new double[tr.get("time").size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = tr.get("time").get(i).asDouble();
        }
        double[] a = column(tr, "A");
        double[] b = column(tr, "B");
        assertThat(t).hasSize(21);
        for (int i = 0; i < t.length; i++) {
            double e = Math.exp(-k * t[i]);
            assertThat(a[i]).as("A at t=%s", t[i]).isCloseTo(a0 * e, org.assertj.core.api.Assertions.within(1e-6 * a0));
            assertThat(b[i]).as("B at t=%s", t[i]).isCloseTo(b0 + a0 * (1 - e), org.assertj.core.api.Assertions.within(1e-6 * a0));
        }
    }

    @Test
    void anUploadedAntimonyModelRunsLikeABuiltInOneAndShowsItsReactions() {
        Http.Response r = upload(DECAY, "?name=decay.ant", "text/plain");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode summary = r.json();
        String id = summary.get("id").asText();
        assertThat(id).startsWith("upload-");
        assertThat(summary.get("format").asText()).isEqualTo("Antimony");
        assertThat(summary.get("name").asText()).isEqualTo("decay.ant");
        assertThat(summary.get("states").asInt()).isEqualTo(2);
        assertThat(summary.get("hasPathway").asBoolean()).isTrue();
        assertThat(summary.get("warnings")).isEmpty();

        assertClosedForm(simulate(id), 10, 0, 0.1);

        // The same text is the same model: same id, nothing read again.
        assertThat(upload(DECAY, "", "text/plain; charset=utf-8").json().get("id").asText()).isEqualTo(id);
        // Uploads are not listed for everyone; the built-in list is unchanged.
        assertThat(http.get("/api/models").json().findValuesAsText("id")).doesNotContain(id);

        JsonNode detail = http.get("/api/models/" + id).json();
        assertThat(detail.get("states").findValuesAsText("id")).containsExactly("A", "B");
        assertThat(detail.get("parameters").findValuesAsText("id")).contains("k");
        JsonNode pathway = detail.get("pathway");
        assertThat(pathway.get("nodes").findValuesAsText("id")).containsExactlyInAnyOrder("A", "B", "R1");
        List<String> edges = new ArrayList<>();
        pathway.get("edges").forEach(e -> edges.add(e.get("from").asText() + " " + e.get("type").asText() + " " + e.get("to").asText()));
        assertThat(edges).containsExactlyInAnyOrder("A consumed R1", "R1 yields B");
        assertThat(pathway.get("nodes").get(0).get("label").asText()).isEqualTo("substrate");
        assertThat(http.get("/api/scenarios?model=" + id).json()).isEmpty();

        // Compare and population take it as they take a built-in model.
        Http.Response cmp = http.post("/api/compare", Http.json(Map.of("runs", List.of(
                Map.of("name", "k 0.1", "scenario", Map.of("model", id, "until", 20)),
                Map.of("name", "k 0.2", "scenario", Map.of("model", id, "until", 20, "set", Map.of("k", 0.2)))))));
        assertThat(cmp.status()).as(cmp.text()).isEqualTo(200);
        Http.Response pop = http.post("/api/population", Http.json(Map.of("scenario", Map.of("model", id, "until", 20), "n", 4,
                "seed", 1, "parameters", Map.of("k", Map.of("distribution", "lognormal", "cv", 0.2)), "outputs", List.of("A", "B"))));
        assertThat(pop.status()).as(pop.text()).isEqualTo(200);
        assertThat(pop.json().get("succeeded").asInt()).isEqualTo(4);
    }

    @Test
    void anUploadedSbmlModelMatchesItsClosedFormAndWarningsComeBack() {
        Http.Response r = upload(resource("decay.xml"), "?name=decay.xml", "application/xml");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("format").asText()).isEqualTo("SBML");
        assertThat(r.json().get("title").asText()).isEqualTo("First-order conversion");
        // Concentrations in a compartment of size 2; the rate law k*A*cell is in amount per time.
        assertClosedForm(simulate(r.json().get("id").asText()), 10, 1, 0.25);

        Http.Response warned = upload("model w\n  species S\n  S' = -S\nend\n", "?name=w.ant", "text/plain");
        assertThat(warned.status()).as(warned.text()).isEqualTo(200);
        assertThat(warned.json().get("warnings").get(0).asText()).startsWith("w.ant:2:").contains("S");
    }

    @Test
    void badModelsAreRefusedWithTheLineAndNoStackTrace(@TempDir Path dir) throws IOException {
        Http.Response syntax = upload("model bad\n  x' = -k * \nend\n", "?name=bad.ant", "text/plain");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.json().get("error").asText()).startsWith("bad.ant:2:").doesNotContain("Exception");

        Http.Response undefined = upload("model u\n  x' = -q * x\n  x = 1\nend\n", "?name=u.ant", "text/plain");
        assertThat(undefined.status()).isEqualTo(400);
        assertThat(undefined.json().get("error").asText()).contains("u.ant").contains("q");

        Http.Response xml = upload("<?xml version=\"1.0\"?>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\""
                + " version=\"2\">\n<model id=\"m\">\n</sbml>\n", "?name=broken.xml", "application/xml");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.json().get("error").asText()).startsWith("broken.xml:");

        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        Http.Response xxe = upload("<?xml version=\"1.0\"?>\n<!DOCTYPE sbml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\"><model id=\"m\">"
                + "<listOfParameters><parameter id=\"p\" name=\"&x;\" value=\"1\" constant=\"true\"/></listOfParameters>"
                + "</model></sbml>\n", "", "application/xml");
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.text()).doesNotContain("TOP-SECRET");

        assertThat(upload(DECAY, "?format=cellml", "text/plain").json().get("field").asText()).isEqualTo("format (query)");
        assertThat(upload(DECAY, "", "application/json").status()).isEqualTo(415);
        assertThat(upload("  \n", "", "text/plain").status()).isEqualTo(400);
        Http.Response big = http.post("/api/models", new byte[(int) WebLimits.defaults().maxModelBytes() + 1], "text/plain");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("error").asText()).contains("maxModelBytes");
        Http.Response notUtf8 = http.post("/api/models", new byte[] {'m', (byte) 0xff, (byte) 0xfe}, "text/plain");
        assertThat(notUtf8.json().get("error").asText()).contains("UTF-8");
    }

    @Test
    void anUnknownUploadIdSaysToUploadAgain() {
        Http.Response sim = http.post("/api/simulate", Http.json(Map.of("model", "upload-0123456789abcdef")));
        assertThat(sim.status()).isEqualTo(400);
        assertThat(sim.json().get("field").asText()).isEqualTo("model");
        assertThat(sim.json().get("error").asText()).contains("upload the model text again");
        Http.Response get = http.get("/api/models/upload-0123456789abcdef");
        assertThat(get.status()).isEqualTo(404);
        assertThat(http.post("/api/simulate", Http.json(Map.of("model", "../decay.ant"))).json().get("error").asText())
                .contains("POST /api/models");
    }

    @Test
    void theServerKeepsTheMostRecentlyUsedUploads() {
        try (WebServer small = new WebServer(WebLimits.defaults().with("maxUploadedModels", "2")).start("127.0.0.1", 0)) {
            Http h = new Http(small.port());
            List<String> ids = new ArrayList<>();
            for (double k : new double[] {0.1, 0.2, 0.3}) {
                Http.Response r = h.post("/api/models", DECAY.replace("k = 0.1", "k = " + k).getBytes(StandardCharsets.UTF_8),
                        "text/plain");
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                ids.add(r.json().get("id").asText());
            }
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(h.get("/api/models/" + ids.get(0)).status()).isEqualTo(404);
            assertThat(h.get("/api/models/" + ids.get(1)).status()).isEqualTo(200);
            assertThat(h.get("/api/models/" + ids.get(2)).status()).isEqualTo(200);
        }
    }

    /** Seeded random damage to valid texts: every answer is the model (200) or a clear refusal (400), never 500. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void damagedModelsAreReadOrRefusedNeverCrash(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] texts = {DECAY, resource("decay.xml")};
        String alphabet = "()<>=;:'\"*+-/,. \n\tAkBx0123456789e$^";
        for (int i = 0; i < 40; i++) {
            StringBuilder t = new StringBuilder(texts[i % 2]);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(t.length());
                switch (random.nextInt(3)) {
                    case 0 -> t.deleteCharAt(at);
                    case 1 -> t.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> t.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            Http.Response r = upload(t.toString(), i % 2 == 0 ? "?name=m.ant" : "?name=m.xml", "text/plain");
            assertThat(r.status()).as("seed %d, text %d:%n%s%n-> %s", seed, i, t, r.text()).isIn(200, 400);
            if (r.status() == 400) {
                assertThat(r.json().get("error").asText()).as(r.text()).startsWith("m.").doesNotContain("Exception");
            }
        }
    }

    private static Map<String, Object> with(Map<String, Object> scenario, String model) {
        Map<String, Object> m = new java.util.HashMap<>(scenario);
        m.put("model", model);
        return m;
    }
}
