package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.trajectory.Trajectory;

/** Per-state tolerances from a scenario reach the solver: tightening one state's makes it more accurate. */
class PerStateToleranceTest {
    @TempDir
    Path dir;

    private Trajectory run(String extra) throws Exception {
        Files.writeString(dir.resolve("m.ant"), "model m()\n  x' = -x\n  x = 1\n  z' = -2*z\n  z = 1\nend\n");
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, "model: m.ant\nuntil: 5\nstep: 1\nrtol: 1e-3\natol: 1e-6\nsolver: dopri5\n" + extra);
        return new ScenarioRunner(ModelCatalog.EMPTY).run(ScenarioReader.read(yaml));
    }

    @Test
    void tighterToleranceOnOneStateImprovesIt() throws Exception {
        // Exact solution x(5) = e^-5. Loose scalar tolerances (1e-3) against per-state 1e-10 for x.
        double loose = Math.abs(run("").last("x") - Math.exp(-5));
        double tight = Math.abs(run("tolerances: {x: {rtol: 1e-10, atol: 1e-14}}\n").last("x") - Math.exp(-5));
        assertThat(tight).isLessThan(1e-8).isLessThan(loose / 100);
    }

    @Test
    void unknownStateIsNamedWithItsLine() {
        assertThatThrownBy(() -> run("tolerances: {xx: {atol: 1e-9}}\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.yaml:7:")
                .hasMessageContaining("'xx', which is not a state (did you mean 'x'?)");
    }
}
