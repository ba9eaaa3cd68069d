package org.osteon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.osteon.model.Model;
import org.osteon.sbml.SbmlReader;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.text.AntimonyReader;

/**
 * GET /api/models/{id}/export: the downloads read back (SBML by the SBML reader, Antimony by the
 * Antimony reader) to the built-in model's states and parameters; models with Java parts, unknown
 * models and unknown formats are errors naming the field. That the exported SBML passes libSBML
 * and re-imports to identical trajectories is SbmlExportTest's (osteon-models).
 */
class ModelExportApiTest extends ServerTestBase {
    @Test
    void sbmlIsTheDefaultAndReadsBackToTheModel() {
        Http.Response r = http.get("/api/models/komarova2003/export");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/sbml+xml");
        Model back = SbmlReader.read(new String(r.bytes(), StandardCharsets.UTF_8), "komarova2003.xml").model();
        assertSameSymbols(back, "komarova2003");
    }

    @Test
    void antimonyReadsBackToTheModel() {
        Http.Response r = http.get("/api/models/lemaire2004/export?format=antimony");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertSameSymbols(AntimonyReader.parse(r.text(), "lemaire2004.ant"), "lemaire2004");
    }

    @Test
    void errorsNameTheField() {
        assertThat(ApiTest.assertError(http.get("/api/models/martinezreina2019/export"), 422, "id").get("error").asText())
                .contains("extension MineralisationQueue");
        assertThat(ApiTest.assertError(http.get("/api/models/lemaire2005/export"), 404, "id").get("error").asText())
                .contains("did you mean 'lemaire2004'");
        assertThat(ApiTest.assertError(http.get("/api/models/lemaire2004/export?format=cellml"), 400, "format")
                .get("error").asText()).contains("use sbml or antimony");
    }

    private static void assertSameSymbols(Model back, String id) {
        Model original = ModelCatalogs.discover().model(id).orElseThrow();
        assertThat(back.species().stream().map(s -> s.id()).toList())
                .isEqualTo(original.species().stream().map(s -> s.id()).toList());
        assertThat(back.parameters().stream().map(p -> p.id()).toList())
                .containsAll(original.parameters().stream().map(p -> p.id()).toList());
    }
}
