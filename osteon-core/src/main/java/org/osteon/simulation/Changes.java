package org.osteon.simulation;

import java.util.List;
import org.osteon.compile.Layout;

/** The scheduled changes scenarios use: bolus doses and parameters held on a time window. */
public final class Changes {
    private Changes() {
    }

    /** Adds {@code amount} to a state (or a parameter) at time {@code at}. */
    public static ScheduledChange bolus(Layout layout, String target, double amount, double at) {
        int s = layout.stateIndex(target);
        int k = layout.parameterIndex(target);
        if (s < 0 && k < 0) {
            throw new IllegalArgumentException("dose target '" + target + "' is not a state or parameter of the model"
                    + org.osteon.util.Suggestions.didYouMean(target, layout.allIds()));
        }
        String label = "dose " + amount + " of " + target + " at " + at;
        return new Simple(at, ScheduledChange.Phase.BEFORE_OUTPUT, label, (y, p) -> {
            if (s >= 0) {
                y[s] += amount;
            } else {
                p[k] += amount;
            }
        });
    }

    /**
     * Holds parameter {@code name} at {@code value} on [from, to] (inclusive at both ends), then
     * restores {@code restore} (the value the run started with). Changes hold no run state, so one
     * problem can be solved by many threads at once.
     */
    public static List<ScheduledChange> window(Layout layout, String name, double value, double from, double to,
                                               double restore) {
        int k = layout.parameterIndex(name);
        if (k < 0) {
            String hint = layout.stateIndex(name) >= 0 ? " ('" + name + "' is a state: use a dose, or set its initial value)"
                    : layout.outputIndex(name) >= 0 ? " ('" + name + "' is computed by a rule; hold one of its inputs instead)"
                    : org.osteon.util.Suggestions.didYouMean(name, layout.allIds());
            throw new IllegalArgumentException("intervention target '" + name + "' is not a parameter of the model" + hint);
        }
        if (!(to >= from)) {
            throw new IllegalArgumentException("intervention on '" + name + "': 'to' (" + to + ") must not be before 'from' (" + from + ")");
        }
        ScheduledChange on = new Simple(from, ScheduledChange.Phase.BEFORE_OUTPUT, name + " := " + value + " from " + from,
                (y, p) -> p[k] = value);
        ScheduledChange off = new Simple(to, ScheduledChange.Phase.AFTER_OUTPUT, name + " restored to " + restore + " after " + to,
                (y, p) -> p[k] = restore);
        return Double.isInfinite(to) ? List.of(on) : List.of(on, off);
    }

    /** A change from a lambda. */
    public record Simple(double time, Phase phase, String label, Action action) implements ScheduledChange {
        @Override
        public void apply(double[] y, double[] p) {
            action.apply(y, p);
        }
    }

    /** The effect of a change on the state and parameter vectors. */
    @FunctionalInterface
    public interface Action {
        void apply(double[] y, double[] p);
    }
}
