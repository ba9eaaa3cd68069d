package org.osteon.analysis.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failed patients are counted by the shape of their message and the first ten kept by patient index, however the work was split. */
class FailuresTest {
    private static PatientResult failed(int patient, String message) {
        return new PatientResult(patient, new double[] {1}, null, message);
    }

    @Test
    void messagesAreGroupedByTheirShape() {
        assertThat(Failures.reason("step size 1.5e-12 too small at t=3.25 for state 4"))
                .isEqualTo("step size # too small at t=# for state #");
        assertThat(Failures.reason("x = -2.0E+3 and +7")).isEqualTo("x = # and #");
        String longMessage = "a".repeat(200);
        assertThat(Failures.reason(longMessage)).isEqualTo("a".repeat(160) + "…");
        assertThat(Failures.reason("b".repeat(160))).isEqualTo("b".repeat(160));
    }

    @Test
    void countsReasonsAndKeepsTheFirstTenByIndex() {
        Failures f = new Failures();
        f.add(new PatientResult(0, new double[] {1}, new double[][] {{1}}, null));
        for (int p = 20; p >= 1; p--) {
            f.add(failed(p, p % 4 == 0 ? "NaN at t=" + p : "step size too small at t=" + p));
        }
        assertThat(f.count()).isEqualTo(20);
        assertThat(f.reasons()).containsExactly(Map.entry("step size too small at t=#", 15L), Map.entry("NaN at t=#", 5L));
        assertThat(f.examples()).hasSize(Failures.EXAMPLES);
        assertThat(f.examples()).extracting(Failures.Example::patient).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(f.examples().get(3).message()).isEqualTo("NaN at t=4");
    }

    @Test
    void mergingGivesTheSameAsOneCollector() {
        Failures a = new Failures();
        Failures b = new Failures();
        Failures all = new Failures();
        for (int p = 0; p < 30; p++) {
            PatientResult r = failed(p, p % 3 == 0 ? "diverged at " + p : "NaN in x at " + p);
            (p % 2 == 0 ? a : b).add(r);
            all.add(r);
        }
        b.merge(a);
        assertThat(b.count()).isEqualTo(30);
        assertThat(b.reasons()).isEqualTo(all.reasons());
        assertThat(b.reasons()).containsExactly(Map.entry("NaN in x at #", 20L), Map.entry("diverged at #", 10L));
        assertThat(b.examples()).isEqualTo(all.examples());
        assertThat(b.examples()).extracting(Failures.Example::patient).isEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }
}
