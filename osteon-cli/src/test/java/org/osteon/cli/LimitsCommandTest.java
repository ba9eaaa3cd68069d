package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented limits (docs/limits.md) as the command line reports them: exit codes and messages, no hang. */
class LimitsCommandTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aRunLongerThanTheTimeLimitIsStoppedWithTheLimitNamed() throws Exception {
        // 1e6 time units of a 100 rad/unit oscillator need ~1e9 steps. The 200 exp-sin terms (scaled to nothing)
        // make each step cost microseconds, so the 0.5 s limit, not the 1e6-step budget, stops the run: a bare
        // oscillator reached the step budget in 0.2 s on an idle machine.
        String costly = java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(k -> "exp(sin(" + k + "*x))")
                .collect(java.util.stream.Collectors.joining(" + "));
        Path m = Files.writeString(dir.resolve("osc.ant"), "model osc\n  x' = v\n  v' = -10000*x*(1 + 1e-12*(" + costly
                + "))\n  x = 1\n  v = 0\nend\n");
        Cli r = assertTimeoutPreemptively(HANG, () -> Cli.run("run", m.toString(), "--until", "1e6", "--step", "1000",
                "--time-limit", "0.5", "--out", dir.resolve("o.csv").toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("run stopped at t=").contains("the time limit of 0.5 s was reached (raise it with --time-limit)");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    @Test
    void tooManyOutputPointsIsAUserErrorBeforeAnythingRuns() {
        Cli r = assertTimeoutPreemptively(HANG, () -> Cli.run("run", "pivonka2008", "--until", "1e7", "--step", "1", "--out", "-"));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("would have 10000001 points; the limit is 1000000").contains("use a larger step");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anEmptyModelFileSaysSo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.ant"), "\n");
        Cli r = assertTimeoutPreemptively(HANG, () -> Cli.run("run", empty.toString(), "--out", "-"));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("osteon: " + empty + ": no model in " + empty + " (the file has no statements)\n");
    }

    @Test
    void aTimeLimitThatIsNotPositiveIsRefused() {
        Cli r = Cli.run("run", "pivonka2008", "--time-limit", "0", "--out", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--time-limit 0.0: must be a positive number of seconds");
    }
}
