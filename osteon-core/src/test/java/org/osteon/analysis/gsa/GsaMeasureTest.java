package org.osteon.analysis.gsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.Variable;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/** The summaries of a time course used by global sensitivity, on a four-point course evaluated by hand. */
class GsaMeasureTest {
    /** x = 1, 3, 3, 0 at t = 1, 3, 5, 6. */
    private static Trajectory course() {
        return new Trajectory("m", "day", new double[] {1, 3, 5, 6},
                List.of(new Column("x", Variable.Kind.SPECIES, null, "x")), new double[][] {{1, 3, 3, 0}}, null);
    }

    /**
     * Trapezoids: (1 + 3)/2 * 2 + (3 + 3)/2 * 2 + (3 + 0)/2 * 1 = 4 + 6 + 1.5 = 11.5; the mean over
     * the 5 days from t = 1 is 2.3; linear interpolation at t = 5.5 gives 1.5; the first maximum is at t = 3.
     */
    @Test
    void eachSummaryOfACourse() {
        Trajectory tr = course();
        assertThat(Measure.parse("x:auc").of(tr)).isCloseTo(11.5, within(1e-12));
        assertThat(Measure.parse("x:mean").of(tr)).isCloseTo(2.3, within(1e-12));
        assertThat(Measure.parse("x:final").of(tr)).isEqualTo(0.0);
        assertThat(Measure.parse("x:min").of(tr)).isEqualTo(0.0);
        assertThat(Measure.parse("x:max").of(tr)).isEqualTo(3.0);
        assertThat(Measure.parse("x:time-of-max").of(tr)).isEqualTo(3.0);
        assertThat(Measure.parse("x:time_of_min").of(tr)).isEqualTo(6.0);
        assertThat(Measure.parse("x:at:5.5").of(tr)).isCloseTo(1.5, within(1e-12));
        Trajectory one = new Trajectory("m", "day", new double[] {2},
                List.of(new Column("x", Variable.Kind.SPECIES, null, "x")), new double[][] {{7}}, null);
        assertThat(Measure.parse("x:mean").of(one)).as("a single point is its own mean").isEqualTo(7.0);
        assertThat(Measure.parse("x:auc").of(one)).isZero();
    }

    @Test
    void labelsAndParsing() {
        assertThat(Measure.parse(" OCa:max ").label()).isEqualTo("max(OCa)");
        assertThat(Measure.parse("BV:at:365").label()).isEqualTo("at365(BV)");
        assertThat(Measure.parse("BV:at:0.5").label()).isEqualTo("at0.5(BV)");
        assertThat(Measure.parse("BV:at:-2").label()).isEqualTo("at-2(BV)");
        assertThat(Measure.parse("BV:at:1e16").label()).isEqualTo("at1.0E16(BV)");
        assertThat(Measure.parse("CTX:time-of-min").label()).isEqualTo("time-of-min(CTX)");
        assertThat(Measure.parse("BV:at:365").time()).isEqualTo(365.0);
        assertThat(Measure.parse("BV:final").time()).isNaN();
        assertThat(Measure.Kind.TIME_OF_MAX.label()).isEqualTo("time-of-max");
        assertThatThrownBy(() -> Measure.parse("BV")).hasMessage("'BV' is not OUTPUT:SUMMARY (e.g. OCa:max, BV:at:365, CTX:auc)");
        assertThatThrownBy(() -> Measure.parse(":max")).hasMessageContaining("is not OUTPUT:SUMMARY");
        assertThatThrownBy(() -> Measure.parse("a:at:1:2")).hasMessageContaining("is not OUTPUT:SUMMARY");
        assertThatThrownBy(() -> Measure.parse("BV:at")).hasMessage("'BV:at': 'at' needs a time, e.g. BV:at:365");
        assertThatThrownBy(() -> Measure.parse("BV:max:3")).hasMessage("'BV:max:3': only 'at' takes a time");
        assertThatThrownBy(() -> Measure.parse("BV:at:soon")).hasMessage("'BV:at:soon': the time must be a number");
        assertThatThrownBy(() -> Measure.parse("BV:at:NaN")).hasMessage("the value 'at' a time needs a finite time");
        assertThatThrownBy(() -> Measure.parse("BV:maxx")).hasMessageContaining("unknown summary 'maxx' (did you mean 'max'?)")
                .hasMessageContaining("use one of final, min, max, mean, auc, at, time-of-min, time-of-max");
    }
}
