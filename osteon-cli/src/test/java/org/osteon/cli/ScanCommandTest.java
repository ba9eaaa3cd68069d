package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneDimensionalScanMatchesClosedForm() throws Exception {
        Path out = dir.resolve("scan.csv");
        Path png = dir.resolve("scan.png");
        Cli r = Cli.run("scan", TestFiles.res("decay.yaml"), "--param", "k", "--from", "0.1", "--to", "2", "--points", "25",
                "--log", "--outputs", "x", "--summary", "final", "--out", out.toString(), "--plot", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty(); // no progress bar without a terminal, no warnings
        TestFiles.Csv csv = TestFiles.csv(out);
        assertThat(csv.header()).containsExactly("k", "final(x)");
        double[] k = csv.values("k");
        double[] x = csv.values("final(x)");
        assertThat(k).hasSize(25);
        assertThat(k[0]).isEqualTo(0.1);
        assertThat(k[24]).isEqualTo(2.0);
        // Log spacing: a constant ratio (2/0.1)^(1/24) between neighbours.
        assertThat(k[1] / k[0]).isCloseTo(Math.pow(20, 1.0 / 24), within(1e-12));
        for (int i = 0; i < k.length; i++) {
            // x(4) = 2 exp(-4 k); the scenario solves with rtol 1e-10.
            assertThat(x[i]).isCloseTo(2 * Math.exp(-4 * k[i]), within(1e-8));
        }
        TestFiles.png(png, 900, 600);
    }

    @Test
    void summariesOtherThanFinal() throws Exception {
        Cli r = Cli.run("scan", TestFiles.res("decay.yaml"), "--param", "x", "--from", "1", "--to", "3", "--points", "3",
                "--outputs", "x", "--summary", "time-of-max", "--out", "-", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get("x").asDouble()).isEqualTo(3.0); // scanning the initial value of x
        assertThat(rows.get(2).get("time-of-max(x)").asDouble()).isEqualTo(0.0); // decay peaks at the start
        Cli mean = Cli.run("scan", TestFiles.res("decay.yaml"), "--param", "x", "--from", "1", "--to", "2", "--points", "2",
                "--outputs", "x", "--summary", "mean", "--out", "-");
        TestFiles.Csv csv = TestFiles.csv(mean.out(), ',');
        // Mean of x0 exp(-t/2) over [0, 4] on the 0.5 grid (trapezoid rule), proportional to x0.
        double sum = 0;
        for (int s = 1; s <= 8; s++) {
            sum += 0.25 * (Math.exp(-0.25 * s) + Math.exp(-0.25 * (s - 1)));
        }
        assertThat(csv.values("mean(x)")[1]).isCloseTo(2 * sum / 4, within(1e-8));
    }

    @Test
    void twoDimensionalScanWritesOneHeatMapPerOutput() throws Exception {
        Path out = dir.resolve("grid.tsv");
        Path png = dir.resolve("heat.png");
        Path html = dir.resolve("grid.html");
        Cli r = Cli.run("scan", TestFiles.res("decay.yaml"), "--param", "k", "--from", "0.2", "--to", "1", "--points", "5",
                "--param2", "x", "--from2", "1", "--to2", "2", "--points2", "3", "--outputs", "x,half_life",
                "--out", out.toString(), "--plot", png.toString(), "--report", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.Csv tsv = TestFiles.csv(Files.readString(out), '\t');
        assertThat(tsv.header()).containsExactly("k", "x", "final(x)", "final(half_life)");
        assertThat(tsv.rows()).hasSize(15);
        for (double[] row : tsv.rows()) {
            assertThat(row[2]).isCloseTo(row[1] * Math.exp(-4 * row[0]), within(1e-8));
            assertThat(row[3]).isCloseTo(Math.log(2) / row[0], within(1e-12));
        }
        // k varies fastest: rows 0-4 are x = 1, rows 5-9 x = 1.5.
        assertThat(tsv.rows().get(5)[0]).isEqualTo(0.2);
        assertThat(tsv.rows().get(5)[1]).isEqualTo(1.5);
        TestFiles.png(dir.resolve("heat-x.png"), 900, 600);
        TestFiles.png(dir.resolve("heat-half_life.png"), 900, 600);
        TestFiles.xml(html);
        assertThat(Files.readString(html)).contains("data:image/png;base64,", "Values", "final(half_life)", "Scan of k from 0.2 to 1");
    }

    @Test
    void failedPointsAreNaNWithAWarning() throws Exception {
        Path out = dir.resolve("blowup.csv");
        Path html = dir.resolve("blowup.html");
        Cli r = Cli.run("scan", TestFiles.res("blowup.ant"), "--until", "5", "--step", "1", "--param", "c", "--from", "0.05",
                "--to", "0.5", "--points", "10", "--outputs", "y", "--out", out.toString(), "--report", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TestFiles.Csv csv = TestFiles.csv(out);
        double[] c = csv.values("c");
        double[] y = csv.values("final(y)");
        int failed = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0.19) {
                // y(5) = 1/(1 - 5c) where the solution exists (default tolerances, 1e-6 relative).
                assertThat(y[i]).isCloseTo(1 / (1 - 5 * c[i]), within(1e-4 / (1 - 5 * c[i])));
            } else if (c[i] > 0.2) {
                assertThat(y[i]).isNaN(); // blows up at t = 1/c < 5
            }
            failed += Double.isNaN(y[i]) ? 1 : 0;
        }
        assertThat(r.err()).startsWith("warning: " + failed + " of 10 runs failed and are NaN; first at c=");
        assertThat(Files.readString(html)).contains("Failed runs");
    }

    @Test
    void badInputNamesTheOption() {
        String s = TestFiles.res("decay.yaml");
        Cli param = Cli.run("scan", s, "--param", "kk", "--from", "1", "--to", "2", "--outputs", "x");
        assertThat(param.code()).isEqualTo(2);
        assertThat(param.err()).contains("--param: model 'decay' has no parameter or state 'kk' (did you mean 'k'?)");
        Cli output = Cli.run("scan", s, "--param", "k", "--from", "1", "--to", "2", "--outputs", "xx");
        assertThat(output.err()).contains("--outputs: model 'decay' has no symbol 'xx' (did you mean 'x'?)");
        Cli summary = Cli.run("scan", s, "--param", "k", "--from", "1", "--to", "2", "--outputs", "x", "--summary", "maximum");
        assertThat(summary.code()).isEqualTo(2);
        assertThat(summary.err()).contains("--summary: unknown summary 'maximum'");
        Cli log = Cli.run("scan", s, "--param", "k", "--from", "0", "--to", "2", "--log", "--outputs", "x");
        assertThat(log.err()).contains("--param k: a logarithmic scan of k needs positive ends");
        Cli second = Cli.run("scan", s, "--param", "k", "--from", "1", "--to", "2", "--param2", "x", "--outputs", "x");
        assertThat(second.err()).contains("--param2 x needs --from2 and --to2");
        Cli missing = Cli.run("scan", s, "--param", "k", "--from", "1", "--outputs", "x");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--to");
        Cli threads = Cli.run("scan", s, "--param", "k", "--from", "1", "--to", "2", "--outputs", "x", "--threads", "0");
        assertThat(threads.err()).contains("--threads 0: must be at least 1");
    }

    @Test
    void cancellingAScanStopsItAndLeavesNoFiles() throws Exception {
        AtomicReference<Session> session = new AtomicReference<>();
        AtomicInteger updates = new AtomicInteger();
        // Cancel from inside the scan, as the Ctrl-C hook would, once 20 points are done.
        session.set(new Session(new Session.ProgressSink() {
            @Override
            public void start(String label) {
            }

            @Override
            public void update(int done, int total) {
                updates.incrementAndGet();
                if (done >= 20) {
                    session.get().cancel();
                }
            }

            @Override
            public void finish() {
            }
        }));
        StringWriter err = new StringWriter();
        int code = Osteon.execute(new String[] {"scan", TestFiles.res("decay.yaml"), "--param", "k", "--from", "0.1",
            "--to", "2", "--points", "5000", "--outputs", "x", "--out", dir.resolve("s.csv").toString(),
            "--plot", dir.resolve("s.png").toString(), "--report", dir.resolve("s.html").toString(), "--threads", "2"},
            new PrintWriter(new StringWriter()), new PrintWriter(err), session.get());
        assertThat(code).isEqualTo(Osteon.EXIT_INTERRUPTED);
        assertThat(err.toString()).startsWith("osteon: interrupted");
        assertThat(updates.get()).isLessThan(5000);
        TestFiles.assertNoFiles(dir); // not the CSV, plot or report, and no temporary file
    }

    @Test
    void progressBarOnlyOnATerminal() {
        String[] args = {"scan", TestFiles.res("decay.yaml"), "--param", "k", "--from", "0.1", "--to", "2", "--points", "50",
            "--outputs", "x", "--out", dir.resolve("p.csv").toString()};
        StringWriter quiet = new StringWriter();
        assertThat(Osteon.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(quiet),
                Session.forConsole(new PrintWriter(quiet), false))).isZero();
        assertThat(quiet.toString()).isEmpty();
        StringWriter terminal = new StringWriter();
        PrintWriter err = new PrintWriter(terminal);
        assertThat(Osteon.execute(args, new PrintWriter(new StringWriter()), err, Session.forConsole(err, true))).isZero();
        // The final update is always drawn, then the line is cleared for what follows.
        assertThat(terminal.toString()).contains("\rscan [##############################] 100% 50/50  ETA 0:00").endsWith("\r");
    }

    @Test
    void progressLineFormat() {
        assertThat(ProgressBar.render("scan", 60, 200, 2.0)).isEqualTo("scan [#########.....................]  30%  60/200  ETA 0:05");
        assertThat(ProgressBar.render("scan", 0, 200, 0)).endsWith("ETA --:--");
        assertThat(ProgressBar.clock(3725)).isEqualTo("1:02:05");
    }
}
