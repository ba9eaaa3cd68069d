package org.osteon.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.Variable;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

class SummaryTest {
    // Hand-made data: times 0, 1, 3 and values 2, -1, 5 (exact binary fractions, so exact results).
    private final Trajectory tr = new Trajectory("m", "day", new double[] {0, 1, 3},
            List.of(new Column("a", Variable.Kind.RATE_RULE, null, null)), new double[][] {{2, -1, 5}}, null);

    @Test
    void eachSummaryOfAKnownSeries() {
        assertThat(Summary.FINAL.of(tr, "a")).isEqualTo(5);
        assertThat(Summary.MIN.of(tr, "a")).isEqualTo(-1);
        assertThat(Summary.MAX.of(tr, "a")).isEqualTo(5);
        assertThat(Summary.TIME_OF_MIN.of(tr, "a")).isEqualTo(1);
        assertThat(Summary.TIME_OF_MAX.of(tr, "a")).isEqualTo(3);
        // Trapezoids: (2 + -1)/2 * 1 + (-1 + 5)/2 * 2 = 0.5 + 4 = 4.5 over 3 days.
        assertThat(Summary.MEAN.of(tr, "a")).isCloseTo(1.5, within(1e-15));
    }

    @Test
    void parsesUserNamesAndSuggests() {
        assertThat(Summary.parse("time-of-max")).isEqualTo(Summary.TIME_OF_MAX);
        assertThat(Summary.parse("TIME_OF_MIN")).isEqualTo(Summary.TIME_OF_MIN);
        assertThat(Summary.parse(" Final ")).isEqualTo(Summary.FINAL);
        assertThatThrownBy(() -> Summary.parse("maxx")).hasMessageContaining("did you mean 'max'")
                .hasMessageContaining("final, min, max, time-of-min, time-of-max, mean");
        assertThat(Summary.MAX.column("OCa")).isEqualTo("max(OCa)");
        assertThat(Summary.TIME_OF_MAX.isTime()).isTrue();
        assertThat(Summary.MEAN.isTime()).isFalse();
    }

    @Test
    void axesHitTheirEndsExactly() {
        Axis lin = Axis.linear("k", 0.1, 0.7, 7);
        assertThat(lin.values()).hasSize(7);
        assertThat(lin.value(0)).isEqualTo(0.1);
        assertThat(lin.value(6)).isEqualTo(0.7);
        assertThat(lin.value(3)).isCloseTo(0.4, within(1e-15));
        Axis log = Axis.logarithmic("k", 1e-3, 10, 5);
        assertThat(log.values()).containsExactly(new double[] {1e-3, 1e-2, 1e-1, 1, 10}, within(1e-12));
        assertThat(log.value(4)).isEqualTo(10);
        assertThat(Axis.linear("k", 3, 3, 1).values()).containsExactly(3);
        assertThatThrownBy(() -> Axis.logarithmic("k", 0, 1, 3)).hasMessageContaining("positive ends");
        assertThatThrownBy(() -> Axis.linear("k", 0, 1, 0)).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> Axis.linear("k", 1, 1, 3)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Axis.linear("k", 0, Double.NaN, 3)).hasMessageContaining("finite");
    }

    @Test
    void theMeanIsOverTheRunsOwnSpanAndASinglePointIsItsOwnMean() {
        // times 2, 3, 6 and values 1, 3, 3: trapezoids 2 * 1 + 3 * 3 = 11 over the 4 days from 2 to 6
        Trajectory late = new Trajectory("m", "day", new double[] {2, 3, 6},
                List.of(new Column("a", Variable.Kind.RATE_RULE, null, null)), new double[][] {{1, 3, 3}}, null);
        assertThat(Summary.MEAN.of(late, "a")).isCloseTo(11 / 4.0, within(1e-15));
        Trajectory one = new Trajectory("m", "day", new double[] {5},
                List.of(new Column("a", Variable.Kind.RATE_RULE, null, null)), new double[][] {{-7}}, null);
        assertThat(Summary.MEAN.of(one, "a")).isEqualTo(-7);
        assertThat(Summary.TIME_OF_MIN.label()).isEqualTo("time-of-min");
    }

    @Test
    void axesEndExactlyWhereTypedEvenWhenArithmeticWouldNot() {
        // 0.3 + (0.9 - 0.3) * 3 / 3 is 0.9000000000000001 in doubles; the last value must be the 0.9 typed
        assertThat(Axis.linear("k", 0.3, 0.9, 4).value(3)).isEqualTo(0.9);
        // exp(log(0.1)) is 0.10000000000000002: the first value must be the 0.1 typed
        assertThat(Axis.logarithmic("k", 0.1, 0.7, 7).value(0)).isEqualTo(0.1);
        assertThat(Axis.linear("k", 0, 1, Axis.MAX_POINTS).values()).hasSize(Axis.MAX_POINTS);
        assertThatThrownBy(() -> Axis.linear("k", 0, 1, Axis.MAX_POINTS + 1)).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> Axis.logarithmic("k", 1, 0, 3)).hasMessageContaining("positive ends");
        assertThatThrownBy(() -> Axis.logarithmic("k", 1, Double.POSITIVE_INFINITY, 3)).hasMessageContaining("finite");
    }
}
