package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No destroyed data and no silently wrong numbers from the command line: outputs never replace
 * an input, a device or a directory; unwritable places are user errors naming the file; every
 * number a user gives must be finite; a run that produces NaN fails naming the variable and time.
 */
class DataSafetyTest {
    @TempDir
    Path dir;
    Path model;
    Path scenario;

    @BeforeEach
    void copyInputs() throws Exception {
        model = Files.copy(TestFiles.RESOURCES.resolve("decay.ant"), dir.resolve("decay.ant"));
        scenario = Files.copy(TestFiles.RESOURCES.resolve("decay.yaml"), dir.resolve("decay.yaml"));
    }

    private void assertInputsUnchanged() throws Exception {
        assertThat(Files.readString(model)).isEqualTo(Files.readString(TestFiles.RESOURCES.resolve("decay.ant")));
        assertThat(Files.readString(scenario)).isEqualTo(Files.readString(TestFiles.RESOURCES.resolve("decay.yaml")));
    }

    @Test
    void outputEqualToTheModelFileIsRefused() throws Exception {
        Cli r = Cli.run("run", model.toString(), "--out", model.toString(), "--format", "csv");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(model + ": is an input of this command (the model file").doesNotContain("Exception");
        assertInputsUnchanged();
    }

    @Test
    void outputEqualToTheScenarioOrItsModelIsRefusedInEveryCommand() throws Exception {
        for (String[] args : new String[][] {
            {"run", scenario.toString(), "--out", scenario.toString(), "--format", "csv"},
            {"run", scenario.toString(), "--out", dir.resolve("./decay.ant").toString(), "--format", "tsv"},
            {"compare", scenario.toString(), scenario.toString(), "--out", model.toString(), "--format", "csv"},
            {"scan", scenario.toString(), "--param", "k", "--from", "0.1", "--to", "1", "--points", "3", "--outputs", "x",
                "--out", scenario.toString(), "--format", "csv"},
            {"sensitivity", scenario.toString(), "--params", "k", "--outputs", "x", "--out", model.toString(), "--format", "csv"}}) {
            Cli r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("is an input of this command");
        }
        assertInputsUnchanged();
    }

    @Test
    void aMissingDirectoryIsCreatedAndSaidSo() throws Exception {
        Path out = dir.resolve("new/deeper/x.csv");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out).exists();
        assertThat(r.err()).contains("created directory " + dir.resolve("new/deeper"));
    }

    @Test
    void unwritablePlacesAreUserErrorsNamingTheFile() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("d.csv"));
        Path plainFile = Files.writeString(dir.resolve("plain"), "keep");
        Path pngDirectory = Files.createDirectory(dir.resolve("p.png"));
        Path htmlDirectory = Files.createDirectory(dir.resolve("r.html"));
        String[][] cases = {
            {"--out", directory.toString()},
            {"--out", plainFile.resolve("f.csv").toString()},
            {"--out", "/proc/self/osteon-test.csv"},
            {"--plot", pngDirectory.toString()},
            {"--report", htmlDirectory.toString()}};
        for (String[] c : cases) {
            Cli r = Cli.run("run", scenario.toString(), c[0], c[1]);
            assertThat(r.code()).as(c[1] + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("osteon: " + c[1] + ": ").doesNotContain("internal error").doesNotContain("Exception");
        }
        assertThat(Files.isDirectory(directory)).isTrue();
        assertThat(Files.readString(plainFile)).isEqualTo("keep");
    }

    @Test
    void aPipeIsWrittenThroughNotReplaced() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli r = Cli.run("run", scenario.toString(), "--out", fifo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(reader.get(10, TimeUnit.SECONDS)).startsWith("time,x\n0.0,2.0\n");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--set|k=Infinity|--set k=Infinity",
        "--set|k=-Infinity|--set k=-Infinity",
        "--set|k=1e400|--set k=1e400",
        "--set|k=NaN|--set k=NaN",
        "--set|x=1e999|--set x=1e999",
        "--until|1e400|--until",
        "--until|NaN|--until",
        "--step|Infinity|--step",
        "--rtol|NaN|--rtol",
        "--atol|-Infinity|--atol",
        "--repeat|-1|--repeat"})
    void nonFiniteOrNegativeCommandLineNumbersAreUserErrors(String option, String value, String named) {
        Cli r = Cli.run("run", scenario.toString(), option, value, "--out", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(named).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void nonFiniteNumbersInEveryCommandAreUserErrors() {
        String s = scenario.toString();
        String[][] cases = {
            {"scan", s, "--param", "k", "--from", "NaN", "--to", "1", "--outputs", "x"},
            {"scan", s, "--param", "k", "--from", "0.1", "--to", "1e400", "--outputs", "x"},
            {"sensitivity", s, "--params", "k", "--outputs", "x", "--fd-step", "Infinity"},
            {"compare", s, s, "--until", "Infinity"},
            {"steady", s, "--set", "k=NaN"}};
        for (String[] c : cases) {
            Cli r = Cli.run(c);
            assertThat(r.code()).as(String.join(" ", c) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "set: {k: .inf}|s.yaml:2:10: 'set.k' must be a finite number, found '.inf'",
        "set: {k: -.inf}|s.yaml:2:10: 'set.k' must be a finite number, found '-.inf'",
        "set: {k: 1e400}|s.yaml:2:10: 'set.k' must be a finite number, found '1e400'",
        "set: {k: .nan}|s.yaml:2:10: 'set.k' must be a finite number, found '.nan'",
        "until: 1e400|s.yaml:2:8: 'until' must be a finite number, found '1e400'",
        "doses: [{target: x, amount: .inf, at: 1}]|s.yaml:2:29: 'doses[0].amount' must be a finite number, found '.inf'",
        "interventions: [{set: k, value: 1e999, from: 1}]|s.yaml:2:33: 'interventions[0].value' must be a finite number, found '1e999'",
        "doses: [{target: x, amount: 1, at: -5}]|s.yaml:2:36: dose at t=-5.0 is before the start of the run (0.0)",
        "doses: [{target: x, amount: 1, at: -1, every: 1, count: 3}]|s.yaml:2:36: dose at t=-1.0 is before the start of the run (0.0)"})
    void nonFiniteScenarioNumbersAndDosesBeforeTheStartAreUserErrors(String line, String expected) throws Exception {
        Path s = Files.writeString(dir.resolve("s.yaml"), "model: decay.ant\n" + line + "\n");
        Cli r = Cli.run("run", s.toString(), "--out", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().replace(dir + "/", "")).contains(expected);
    }

    @Test
    void anInterventionStartingBeforeTheRunHoldsFromTheStart() throws Exception {
        // A window [-10, 2] covers the start: k is held at 0.1 on [0, 2], then back to 0.5.
        // Exact: x(2) = 2 e^-0.2, x(4) = 2 e^-(0.2 + 1). Tolerance 1e-6 relative (the scenario's rtol is 1e-10).
        Path s = Files.writeString(dir.resolve("s.yaml"), "model: decay.ant\nuntil: 4\nstep: 1\nrtol: 1e-10\natol: 1e-14\n"
                + "interventions: [{set: k, value: 0.1, from: -10, to: 2}]\noutputs: [x]\n");
        Cli r = Cli.run("run", s.toString(), "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.Csv csv = TestFiles.csv(r.out(), ',');
        assertThat(csv.values("x")[2]).isCloseTo(2 * Math.exp(-0.2), org.assertj.core.data.Percentage.withPercentage(1e-4));
        assertThat(csv.values("x")[4]).isCloseTo(2 * Math.exp(-1.2), org.assertj.core.data.Percentage.withPercentage(1e-4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unit u = 1e999 mole^NaN|m.ant:2:12: ",
        "k2 = 1e999|m.ant:2:8: ",
        "unit u = 2 mole^inf|m.ant:2:19: "})
    void nonFiniteNumbersInModelTextAreUserErrors(String line, String position) throws Exception {
        Path m = Files.writeString(dir.resolve("m.ant"), "model m\n  " + line + "\n  x' = -x\n  x = 1\nend\n");
        Cli r = Cli.run("run", m.toString(), "--out", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().replace(dir + "/", "")).contains(position).contains("finite");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRunThatProducesNaNFailsNamingTheVariableAndTime() throws Exception {
        Path m = Files.writeString(dir.resolve("m.ant"), "model m\n  x' = -x\n  x = 1\n  y = 0\n"
                + "  E: at (time >= 3): y = 0/0\nend\n");
        Cli r = Cli.run("run", m.toString(), "--until", "5", "--out", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("'y'").contains("NaN").contains("t=3");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOutputThatBecomesNaNFailsNamingItAndTheTime() throws Exception {
        // x = 1.5 - t: sqrt(x) is defined at t = 0 and 1, NaN from t = 2.
        Path m = Files.writeString(dir.resolve("m.ant"), "model m\n  x' = -1\n  x = 1.5\n  r := sqrt(x)\nend\n");
        Cli r = Cli.run("run", m.toString(), "--until", "3", "--step", "1", "--out", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("'r'").contains("t=2");
    }
}
