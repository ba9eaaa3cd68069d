package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.Layout;

/** The scheduled changes scenarios are made of: bolus doses and parameters held on a window. */
class ChangesTest {
    private final Layout layout = Models.compile("x' = -k*x; x = 1; k = 0.5; r := 2*x").layout();

    @Test
    void aBolusAddsToAStateOrAParameterBeforeTheOutput() {
        ScheduledChange toState = Changes.bolus(layout, "x", 2.5, 3);
        assertThat(toState.time()).isEqualTo(3.0);
        assertThat(toState.phase()).isEqualTo(ScheduledChange.Phase.BEFORE_OUTPUT);
        assertThat(toState.label()).isEqualTo("dose 2.5 of x at 3.0");
        double[] y = {1};
        double[] p = {0.5};
        toState.apply(y, p);
        assertThat(y).containsExactly(3.5);
        assertThat(p).containsExactly(0.5);
        Changes.bolus(layout, "k", 0.25, 0).apply(y, p);
        assertThat(y).containsExactly(3.5);
        assertThat(p).containsExactly(0.75);
        assertThatThrownBy(() -> Changes.bolus(layout, "xx", 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dose target 'xx' is not a state or parameter of the model (did you mean 'x'?)");
    }

    @Test
    void aWindowHoldsAParameterAndRestoresItAfterwards() {
        List<ScheduledChange> w = Changes.window(layout, "k", 2, 1, 4, 0.5);
        assertThat(w).hasSize(2);
        ScheduledChange on = w.get(0);
        ScheduledChange off = w.get(1);
        assertThat(on.time()).isEqualTo(1.0);
        assertThat(on.phase()).isEqualTo(ScheduledChange.Phase.BEFORE_OUTPUT);
        assertThat(on.label()).isEqualTo("k := 2.0 from 1.0");
        assertThat(off.time()).isEqualTo(4.0);
        assertThat(off.phase()).isEqualTo(ScheduledChange.Phase.AFTER_OUTPUT);
        assertThat(off.label()).isEqualTo("k restored to 0.5 after 4.0");
        double[] p = {0.5};
        on.apply(new double[1], p);
        assertThat(p).containsExactly(2.0);
        off.apply(new double[1], p);
        assertThat(p).containsExactly(0.5);
        // a window of one instant and an open-ended one
        assertThat(Changes.window(layout, "k", 2, 3, 3, 0.5)).hasSize(2);
        assertThat(Changes.window(layout, "k", 2, 3, Double.POSITIVE_INFINITY, 0.5)).hasSize(1);
    }

    @Test
    void windowsOnWhatIsNotAParameterOrBackwardsAreRefused() {
        assertThatThrownBy(() -> Changes.window(layout, "x", 2, 1, 4, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervention target 'x' is not a parameter of the model ('x' is a state: use a dose, or set"
                        + " its initial value)");
        assertThatThrownBy(() -> Changes.window(layout, "r", 2, 1, 4, 0.5))
                .hasMessage("intervention target 'r' is not a parameter of the model ('r' is computed by a rule; hold one"
                        + " of its inputs instead)");
        assertThatThrownBy(() -> Changes.window(layout, "kk", 2, 1, 4, 0.5))
                .hasMessage("intervention target 'kk' is not a parameter of the model (did you mean 'k'?)");
        assertThatThrownBy(() -> Changes.window(layout, "k", 2, 4, 3.999, 0.5))
                .hasMessage("intervention on 'k': 'to' (3.999) must not be before 'from' (4.0)");
        assertThatThrownBy(() -> Changes.window(layout, "k", 2, 4, Double.NaN, 0.5))
                .hasMessage("intervention on 'k': 'to' (NaN) must not be before 'from' (4.0)");
    }
}
