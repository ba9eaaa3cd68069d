package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompileOptions;
import org.osteon.compile.CompiledEvent;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.ModelCompiler;
import org.osteon.compile.ModelExtension;
import org.osteon.compile.SlotTimedEvent;
import org.osteon.text.AntimonyReader;
import org.osteon.trajectory.Trajectory;

/**
 * A Java part's {@link SlotTimedEvent}: fires when time reaches the time held in a hidden slot,
 * which firing moves on (here by 0.7, a kick of +1 to x with x' = -x, x(0) = 1). Between kicks x
 * decays, so x(t) = e^-t + sum over kicks t_k <= t of e^-(t - t_k) (superposition, by hand).
 */
class SlotTimedEventTest {
    private static final double PERIOD = 0.7;

    /** Adds 1 to x every PERIOD from PERIOD on; records the times it was fired at (test only). */
    private static final class Kicks implements ModelExtension {
        final List<Double> fired = new ArrayList<>();

        @Override
        public int memorySize() {
            return 1;
        }

        @Override
        public void initialize(double t0, double[] y, double[] p, Layout layout, int memoryOffset, CompiledModel model) {
            p[memoryOffset] = t0 + PERIOD;
        }

        @Override
        public List<CompiledEvent> events(Layout layout, int memoryOffset, CompiledModel model) {
            int x = layout.stateIndex("x");
            return List.of(new SlotTimedEvent("kick", memoryOffset) {
                @Override
                protected void fire(double t, double[] y, double[] p) {
                    fired.add(t);
                    y[x] += 1;
                    p[memoryOffset] = t + PERIOD;
                }
            });
        }
    }

    private static CompiledModel compile(Kicks kicks) {
        return ModelCompiler.compile(AntimonyReader.parse("model m()\nx' = -x; x = 1\nend\n", "test.ant"),
                CompileOptions.DEFAULT.withExtension(kicks));
    }

    @Test
    void firesExactlyAtTheSlotTimesAndTheStateFollowsTheClosedForm() {
        Kicks kicks = new Kicks();
        CompiledModel m = compile(kicks);
        Trajectory tr = Models.run(m, 3, 0.25, SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12), List.of());
        // the slot times, computed the way the event re-arms itself: 0.7, 0.7 + 0.7, ...
        List<Double> expected = new ArrayList<>();
        for (double t = PERIOD; t <= 3; t = t + PERIOD) {
            expected.add(t);
        }
        assertThat(expected).hasSize(4);
        assertThat(kicks.fired).containsExactlyElementsOf(expected);
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.time(i);
            double x = Math.exp(-t);
            for (double tk : expected) {
                if (tk <= t) {
                    x += Math.exp(-(t - tk));
                }
            }
            assertThat(tr.value("x", i)).as("t = %s", t).isCloseTo(x, within(1e-8));
        }
    }

    /** The event's contract as the driver sees it, with the slot holding 2.5 (index 1 of p). */
    @Test
    void triggerGuardAndFlagsReadTheSlot() {
        List<double[]> calls = new ArrayList<>();
        SlotTimedEvent e = new SlotTimedEvent("tick", 1) {
            @Override
            protected void fire(double t, double[] y, double[] p) {
                calls.add(new double[] {t, y[0], p[0]});
            }
        };
        double[] y = {4};
        double[] p = {9, 2.5};
        assertThat(e.id()).isEqualTo("tick");
        assertThat(e.guardCount()).isEqualTo(1);
        assertThat(e.guardTime(0, p)).isEqualTo(2.5);
        assertThat(e.guard(0, 3.0, y, p)).isEqualTo(0.5);
        assertThat(e.guard(0, 2.0, y, p)).isEqualTo(-0.5);
        assertThat(e.trigger(2.4, y, p)).isFalse();
        assertThat(e.trigger(2.5, y, p)).as("due exactly at the slot time").isTrue();
        assertThat(e.trigger(2.6, y, p)).isTrue();
        assertThat(e.initialValue()).isFalse();
        assertThat(e.persistent()).isTrue();
        assertThat(e.useValuesFromTriggerTime()).isFalse();
        assertThat(e.delay(1, y, p)).isZero();
        assertThat(e.priority(1, y, p)).isZero();
        assertThat(e.evaluateAssignments(2.5, y, p)).isEmpty();
        e.apply(new double[0], y, p);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly(2.5, 4, 9); // fired at the slot's time, not at some t
    }

    @Test
    void theExtensionsSlotIsInitializedBehindTheModelsParameters() {
        CompiledModel m = compile(new Kicks());
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        double[] p = init.parameters();
        assertThat(p[p.length - 1]).isEqualTo(PERIOD);
    }
}
