package org.osteon.dosing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.trajectory.Trajectory;

/** Test models of this package copied into a temporary directory, and scenarios run on them. */
final class DosingTestSupport {
    private DosingTestSupport() {
    }

    static Path copyModels(Path dir) {
        for (String name : new String[] {"pk1.ant", "molar.ant"}) {
            try (InputStream in = DosingTestSupport.class.getResourceAsStream(name)) {
                Files.writeString(dir.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Scenario scenario(Path dir, String yaml) {
        return ScenarioReader.parse(yaml, "s.yaml", dir);
    }

    static Trajectory run(Path dir, String yaml) {
        return new ScenarioRunner(ModelCatalog.EMPTY).run(scenario(dir, yaml));
    }
}
