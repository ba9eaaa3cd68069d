package org.osteon.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.simulation.SolverSettings;

class ScanTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-14);
    private final CompiledModel decay = Decay.compile(Decay.DECAY);

    @Test
    void oneDimensionalScanMatchesClosedForm() {
        AtomicInteger built = new AtomicInteger();
        Scan scan = new Scan(Decay.factory(decay, 4, 0.5, built), TIGHT, 2);
        Axis k = Axis.linear("k", 0.1, 1.0, 10);
        ScanResult r = scan.run(k, null, List.of("x"), Summary.FINAL, Monitor.NONE);
        assertThat(r.failures()).isEmpty();
        assertThat(r.points()).isEqualTo(10);
        double[] line = r.line("x");
        for (int i = 0; i < 10; i++) {
            // x(4) = 2 exp(-4k); rtol 1e-10 gives global errors near 1e-9 relative.
            assertThat(line[i]).isCloseTo(2 * Math.exp(-4 * k.value(i)), within(1e-8));
        }
        // One probe to check names, then one problem per point: the model is never rebuilt.
        assertThat(built.get()).isEqualTo(11);
    }

    @Test
    void twoDimensionalScanPutsXFastest() {
        Scan scan = new Scan(Decay.factory(decay, 2, 0.25), TIGHT, 2);
        Axis k = Axis.logarithmic("k", 0.1, 1, 4);
        Axis x0 = Axis.linear("x", 1, 3, 3);
        ScanResult r = scan.run(k, x0, List.of("x"), Summary.MEAN, Monitor.NONE);
        assertThat(r.twoDimensional()).isTrue();
        double[][] z = r.grid("x");
        assertThat(z).hasNumberOfRows(3);
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 4; i++) {
                // Mean of x0 exp(-k t) over [0, 2] on a 0.25 grid: the trapezoid rule applied to the exact values.
                double sum = 0;
                for (int s = 1; s <= 8; s++) {
                    sum += 0.5 * (Math.exp(-k.value(i) * 0.25 * s) + Math.exp(-k.value(i) * 0.25 * (s - 1))) * 0.25;
                }
                assertThat(z[j][i]).isCloseTo(x0.value(j) * sum / 2, within(1e-8));
                assertThat(r.value(0, i, j)).isEqualTo(z[j][i]);
            }
        }
    }

    @Test
    void aFailingPointBecomesNaNAndIsListed() {
        CompiledModel blowup = Decay.compile(Decay.BLOWUP);
        // y = 1/(1 - c t) blows up at t = 1/c: within [0, 5] for c > 0.2.
        Scan scan = new Scan(Decay.factory(blowup, 5, 1), SolverSettings.DEFAULT, 2);
        ScanResult r = scan.run(Axis.linear("c", 0.05, 0.5, 10), null, List.of("y"), Summary.FINAL, Monitor.NONE);
        double[] y = r.line("y");
        assertThat(y[0]).isCloseTo(1 / (1 - 0.05 * 5), within(1e-4));
        assertThat(y[9]).isNaN();
        assertThat(r.failures()).isNotEmpty();
        assertThat(r.failures()).allSatisfy(f -> {
            assertThat(f.x()).isGreaterThan(0.2);
            assertThat(f.message()).isNotBlank();
        });
        assertThat(r.failures().size()).isEqualTo((int) java.util.Arrays.stream(y).filter(Double::isNaN).count());
    }

    @Test
    void parallelAndSequentialScansAgree() {
        Axis k = Axis.linear("k", 0.1, 2, 40);
        ScanResult one = new Scan(Decay.factory(decay, 3, 1), TIGHT, 1).run(k, null, List.of("x"), Summary.MIN, Monitor.NONE);
        ScanResult four = new Scan(Decay.factory(decay, 3, 1), TIGHT, 4).run(k, null, List.of("x"), Summary.MIN, Monitor.NONE);
        assertThat(four.line("x")).containsExactly(one.line("x"));
    }

    @Test
    void namesAreCheckedBeforeAnyRun() {
        Scan scan = new Scan(Decay.factory(decay, 1, 1), TIGHT, 2);
        assertThatThrownBy(() -> scan.run(Axis.linear("kk", 1, 2, 3), null, List.of("x"), Summary.FINAL, Monitor.NONE))
                .hasMessageContaining("did you mean 'k'");
        assertThatThrownBy(() -> scan.run(Axis.linear("k", 1, 2, 3), null, List.of("xx"), Summary.FINAL, Monitor.NONE))
                .hasMessageContaining("unknown output 'xx'").hasMessageContaining("did you mean 'x'");
        assertThatThrownBy(() -> scan.run(Axis.linear("k", 1, 2, 3), null, List.of("zero"), Summary.FINAL, Monitor.NONE))
                .hasMessageContaining("constant parameter");
        assertThatThrownBy(() -> scan.run(Axis.linear("k", 1, 2, 3), Axis.linear("k", 1, 2, 3), List.of("x"),
                Summary.FINAL, Monitor.NONE)).hasMessageContaining("both scan axes");
    }

    @Test
    void cancelledScanThrows() {
        AtomicInteger done = new AtomicInteger();
        Monitor m = new Monitor() {
            @Override
            public void progress(int d, int total) {
                done.accumulateAndGet(d, Math::max);
            }

            @Override
            public boolean cancelled() {
                return done.get() >= 5;
            }
        };
        Scan scan = new Scan(Decay.factory(decay, 10, 1), TIGHT, 2);
        assertThatThrownBy(() -> scan.run(Axis.linear("k", 0.1, 1, 200), null, List.of("x"), Summary.FINAL, m))
                .isInstanceOf(CancellationException.class);
        assertThat(done.get()).isLessThan(200);
    }
}
