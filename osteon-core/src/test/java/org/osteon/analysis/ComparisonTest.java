package org.osteon.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.Variable;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

class ComparisonTest {
    private static Trajectory run(double[] t, double[] a) {
        return new Trajectory("m", "day", t, List.of(new Column("a", Variable.Kind.RATE_RULE, "pM", null)),
                new double[][] {a}, null);
    }

    @Test
    void percentChangeOnSharedGrid() {
        Trajectory base = run(new double[] {0, 1, 2}, new double[] {2, 4, 0});
        Trajectory other = run(new double[] {0, 1, 2}, new double[] {3, 2, 1});
        Comparison c = Comparison.of(List.of("base", "other"), List.of(base, other), 0);
        assertThat(c.resampled()).isEmpty();
        assertThat(c.symbols()).containsExactly("a");
        double[] pct = c.percentChange(1, "a");
        assertThat(pct[0]).isCloseTo(50, within(1e-12));
        assertThat(pct[1]).isCloseTo(-50, within(1e-12));
        assertThat(pct[2]).isNaN(); // baseline 0
        assertThat(c.series(1, "a", Comparison.Change.ABSOLUTE)).containsExactly(3, 2, 1);
        assertThat(c.aligned(1)).isSameAs(other);
    }

    @Test
    void otherGridsAreResampledOntoTheBaselineGrid() {
        Trajectory base = run(new double[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1});
        Trajectory coarse = run(new double[] {0, 2}, new double[] {0, 4});
        Comparison c = Comparison.of(List.of("base", "coarse"), List.of(base, coarse), 0);
        assertThat(c.resampled()).containsExactly("coarse");
        double[] v = c.values(1, "a");
        // Linear interpolation inside [0, 2], nothing invented beyond it.
        assertThat(v[0]).isEqualTo(0);
        assertThat(v[1]).isEqualTo(2);
        assertThat(v[2]).isEqualTo(4);
        assertThat(v[3]).isNaN();
        assertThat(c.times()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void rejectsRunsWithNothingInCommon() {
        Trajectory a = run(new double[] {0, 1}, new double[] {1, 1});
        Trajectory b = new Trajectory("m", "day", new double[] {0, 1},
                List.of(new Column("b", Variable.Kind.RATE_RULE, null, null)), new double[][] {{1, 2}}, null);
        assertThatThrownBy(() -> Comparison.of(List.of("a", "b"), List.of(a, b), 0)).hasMessageContaining("no output in common");
        Trajectory hours = new Trajectory("m", "hour", new double[] {0, 1},
                List.of(new Column("a", Variable.Kind.RATE_RULE, null, null)), new double[][] {{1, 2}}, null);
        assertThatThrownBy(() -> Comparison.of(List.of("a", "h"), List.of(a, hours), 0)).hasMessageContaining("time units");
    }
}
