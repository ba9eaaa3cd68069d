package org.osteon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.batch.LocalEngine;
import org.osteon.analysis.population.PopulationFiles;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.analysis.population.PopulationResult;
import org.osteon.scenario.ModelCatalogs;

/** {@code POST /api/population} against the real server: the same bands as {@code osteon population}, limits, errors. */
class PopulationApiTest extends ServerTestBase {
    static final String BODY = """
            {"scenario": {"model": "pivonka2008", "until": 60, "step": 5, "interventions": [{"set": "I_P", "value": 1000, "from": 0, "to": 40}]},
             "n": 30, "seed": 4, "parameters": {"K_D8": {"distribution": "lognormal", "cv": 0.3}}, "outputs": ["OCa", "OBa"]}
            """;

    @TempDir
    Path dir;

    @Test
    void bandsAreThoseOfTheCommandLinePopulation() throws Exception {
        Http.Response r = http.post("/api/population", BODY);
        assertThat(r.status()).as(new String(r.bytes())).isEqualTo(200);
        JsonNode data = r.json();
        assertThat(data.get("patients").asInt()).isEqualTo(30);
        assertThat(data.get("succeeded").asInt()).isEqualTo(30);
        assertThat(data.get("time")).hasSize(13);
        assertThat(data.get("outputs")).hasSize(2);
        // The same population as a spec file through the command-line path gives the same p50 of OCa.
        Files.writeString(dir.resolve("s.yaml"), "model: pivonka2008\nuntil: 60\nstep: 5\ninterventions:\n"
                + "  - {set: I_P, value: 1000, from: 0, to: 40}\n");
        Path spec = dir.resolve("p.yaml");
        Files.writeString(spec, "scenario: s.yaml\nn: 30\nseed: 4\nparameters:\n  K_D8: {distribution: lognormal, cv: 0.3}\n"
                + "outputs: [OCa, OBa]\n");
        PopulationResult cli = new LocalEngine(1).population(PopulationRecipe.read(spec, ModelCatalogs.discover()),
                dir.resolve("out"), "csv", Monitor.NONE);
        Files.createDirectories(dir.resolve("out"));
        PopulationFiles.writePercentiles(cli, dir.resolve("out").resolve("percentiles.csv"));
        String line = Files.readAllLines(dir.resolve("out").resolve("percentiles.csv")).get(4); // OCa at t = 15
        String[] c = line.split(",");
        assertThat(data.get("outputs").get(0).get("id").asText()).isEqualTo("OCa");
        assertThat(data.get("outputs").get(0).get("p50").get(3).asDouble()).isEqualTo(Double.parseDouble(c[4]));
        assertThat(data.get("outputs").get(0).get("p05").get(3).asDouble()).isEqualTo(Double.parseDouble(c[2]));
    }

    @Test
    void limitsAndMistakesAreAnsweredWithTheField() throws Exception {
        ApiTest.assertError(http.post("/api/population", BODY.replace("\"n\": 30", "\"n\": 100000")), 400, "n");
        ApiTest.assertError(http.post("/api/population", BODY.replace("K_D8", "K_D9")), 400, "parameters");
        ApiTest.assertError(http.post("/api/population", BODY.replace("\"seed\"", "\"sead\"")), 400, "sead");
        JsonNode e = ApiTest.assertError(http.post("/api/population", BODY.replace("\"cv\": 0.3", "\"sd\": 0.3")), 400,
                "parameters");
        assertThat(e.get("error").asText()).contains("'K_D8' (lognormal) takes median, cv, omega, omega2, min, max, not 'sd'");
        ApiTest.assertError(http.post("/api/population", BODY.replace("\"until\": 60", "\"until\": -1")), 400,
                "scenario.until");
    }
}
