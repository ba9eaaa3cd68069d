package org.osteon.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.compile.CompileException;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;
import org.osteon.text.AntimonyWriter;
import org.osteon.text.ModelSyntaxException;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Limits;

/**
 * Inputs that used to crash or hang (issue 13) either work or stop at a documented limit with a
 * clear message. The time bounds are hang guards (each case takes well under a second when it
 * works), not performance targets.
 */
class LimitsTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static Trajectory run(String text, double until) {
        CompiledModel m = ModelCompiler.compile(AntimonyReader.parse(text, "m.ant"));
        org.osteon.simulation.InitialConditions init = org.osteon.simulation.InitialConditions.prepare(m, java.util.Map.of(), 0);
        return org.osteon.simulation.Simulator.solve(new org.osteon.simulation.SimulationProblem(m, init.state(),
                init.parameters(), 0, until, org.osteon.simulation.SimulationProblem.grid(0, until, until), List.of(), List.of()),
                org.osteon.simulation.SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12));
    }

    private static String chain(String term, String op, int n) {
        return IntStream.range(0, n).mapToObj(i -> term).collect(Collectors.joining(op));
    }

    @Test
    void anEmptyModelFileSaysThereIsNoModel() throws Exception {
        // Before: an empty model was simulated and failed after a million solver steps.
        for (String text : new String[] {"", "\n\n\n", "  // only a comment\n# another\n/* and a block */\n"}) {
            Path empty = Files.writeString(dir.resolve("empty.ant"), text);
            assertThatThrownBy(() -> ModelFiles.read(empty)).isInstanceOf(ScenarioException.class)
                    .hasMessage(empty + ": no model in " + empty + " (the file has no statements)");
        }
    }

    @Test
    void millionsOfBlankLinesAreRead() {
        String text = "model m\n" + "\n".repeat(5_000_000) + "  x' = -x\n  x = 1\nend\n";
        Model m = assertTimeoutPreemptively(HANG, () -> AntimonyReader.parse(text, "m.ant"));
        assertThat(m.rules()).hasSize(1);
        // Positions still count every line.
        assertThatThrownBy(() -> AntimonyReader.parse("model m\n\n\n\n  x' = = 1\nend\n", "m.ant"))
                .hasMessageStartingWith("m.ant:5:");
    }

    @Test
    void longSumsProductsAndAlternatingChainsCompileAndAreExact() {
        // 20,000 terms each: x' = -(x + ... + x) / 10000 = -2x, so x(1) = e^-2 (rtol 1e-10, checked to 1e-8);
        // the alternating chain 1 - 2 + 3 - 4 ... - 20000 is -10000 and the product 2 * 0.5 * 2 * ... is 1,
        // exactly, in any grouping; a / b / ... chain: 1 / 2 / 2 ... (19,999 halvings of 2^20000 is out of range,
        // so 1024 / 2 / 2 ... with 10 halvings only is in the short chain below).
        String alternating = IntStream.rangeClosed(1, 20_000).mapToObj(i -> (i % 2 == 1 ? "+ " : "- ") + i)
                .collect(Collectors.joining(" ")).substring(2);
        String text = "model m\n  x' = -(" + chain("x", " + ", 20_000) + ") / 10000\n  x = 1\n"
                + "  alt := " + alternating + "\n"
                + "  prod := " + chain("2 * 0.5", " * ", 10_000) + "\n"
                + "  quot := 1024 / " + chain("2", " / ", 10) + " * 1 " + " * 1".repeat(40) + "\n"
                + "  sub := 100 - " + chain("1", " - ", 100) + "\n"
                + "  both := " + chain("(x > 0)", " && ", 1000) + "\n"
                + "end\n";
        Trajectory tr = assertTimeoutPreemptively(HANG, () -> run(text, 1));
        assertThat(tr.last("x")).isCloseTo(Math.exp(-2), org.assertj.core.data.Offset.offset(1e-8));
        assertThat(tr.last("alt")).isEqualTo(-10_000.0);
        assertThat(tr.last("prod")).isEqualTo(1.0);
        assertThat(tr.last("quot")).isEqualTo(1.0);
        assertThat(tr.last("sub")).isEqualTo(0.0);
        assertThat(tr.last("both")).isEqualTo(1.0);
    }

    @Test
    void regroupedChainsReadBackAsTheSameTree() {
        String alternating = IntStream.rangeClosed(1, 1000).mapToObj(i -> (i % 3 == 0 ? " - " : " + ") + "k" + (i % 7))
                .collect(Collectors.joining()).substring(3);
        String text = "model m\n  k0 = 1; k1 = 2; k2 = 3; k3 = 4; k4 = 5; k5 = 6; k6 = 7\n  y := " + alternating + "\n"
                + "  z := " + chain("k1", " * ", 300) + " / " + chain("k2", " / ", 40) + "\nend\n";
        Model m = AntimonyReader.parse(text, "m.ant");
        assertThat(AntimonyReader.parse(AntimonyWriter.write(m), "again.ant")).isEqualTo(m);
    }

    @Test
    void inliningThatWouldExplodeIsRefusedNamingTheLimit() {
        StringBuilder text = new StringBuilder("function f0(x)\n  x\nend\n");
        for (int i = 1; i <= 39; i++) {
            text.append("function f").append(i).append("(x)\n  f").append(i - 1).append("(x) + f").append(i - 1)
                    .append("(x)\nend\n");
        }
        text.append("model m\n  x' = -f39(x) * 1e-12\n  x = 1\nend\n");
        Model m = AntimonyReader.parse(text.toString(), "m.ant");
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> ModelCompiler.compile(m))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("once its function calls are inlined; the limit is "
                        + Limits.MAX_INLINED_NODES));
        // Nine levels (512 leaves) are fine.
        String small = text.toString().replace("-f39(x) * 1e-12", "-f9(x) / 512");
        assertThat(run(small, 1).last("x")).isCloseTo(Math.exp(-1), org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void anOutputGridOverTheLimitIsAClearScenarioError() throws Exception {
        Files.writeString(dir.resolve("flat.ant"), "model flat\n  x' = 0\n  x = 1\nend\n");
        Path s = Files.writeString(dir.resolve("s.yaml"), "model: flat.ant\nuntil: 1e7\nstep: 1\n");
        assertThatThrownBy(() -> new ScenarioRunner(ModelCatalog.EMPTY).run(ScenarioReader.read(s)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.yaml:3:7: the output grid from 0.0 to 1.0E7 every 1.0 would have 10000001 points;"
                        + " the limit is 1000000");
    }

    @Test
    void aModelFileOverTheSizeLimitIsRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.ant");
        Files.writeString(big, "model m\n  x' = -x\n  x = 1\nend\n" + "//".repeat((int) (Limits.MAX_MODEL_BYTES / 2)));
        assertThatThrownBy(() -> ModelFiles.read(big)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("is larger than the limit of 16 MiB for model text");
    }
}
