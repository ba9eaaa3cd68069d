package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented limit of a scenario file, 1 MiB (docs/limits.md): a file of exactly 1,048,576 bytes is read, one byte more is refused before reading. */
class ScenarioFileSizeTest {
    @Test
    void aFileOfExactlyOneMebibyteIsReadAndOneByteMoreIsRefused(@TempDir Path dir) throws Exception {
        String head = "model: m.ant\nuntil: 10\n#";
        String exact = head + "x".repeat((1 << 20) - head.length() - 1) + "\n";
        assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(1 << 20);
        Path ok = dir.resolve("exact.yaml");
        Files.writeString(ok, exact, StandardCharsets.UTF_8);
        assertThat(ScenarioReader.read(ok).until()).isEqualTo(10.0);
        Path over = dir.resolve("over.yaml");
        Files.writeString(over, exact + "#", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScenarioReader.read(over)).isInstanceOf(ScenarioException.class)
                .hasMessage(over + ": scenario file larger than 1 MiB");
    }
}
