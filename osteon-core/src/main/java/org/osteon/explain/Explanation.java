package org.osteon.explain;

import java.util.List;

/**
 * Which mechanisms moved a model's quantities in a run, group by group. For a multiplicative group
 * each term's effect is the log of its ratio to the healthy baseline (so effects add up to the
 * log-change of the group's quantity); for an additive group it is the accumulated extra rate.
 */
public record Explanation(String scenario, String timeUnit, double[] times, List<Group> groups) {
    public Explanation {
        times = times.clone();
        groups = List.copyOf(groups);
    }

    /**
     * A quantity's drivers, ranked by their mean absolute effect over the run. {@code quantity} is
     * the symbol the group explains (or null) and {@code actual} its own change at the sampled
     * times (log-ratio, or difference for additive groups; NaN without a quantity): comparing it with
     * {@link #total()} shows how much saturation and binding leave unexplained.
     */
    public record Group(String name, boolean additive, String quantity, double[] actual, List<Effect> effects) {
        public Group {
            effects = List.copyOf(effects);
            actual = actual.clone();
        }

        /** Sum of the effects at each sampled time. */
        public double[] total() {
            double[] sum = new double[effects.isEmpty() ? 0 : effects.get(0).values().length];
            for (Effect e : effects) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += e.values()[i];
                }
            }
            return sum;
        }
    }

    /**
     * One term's effect at each sampled time and its mean over the whole run ({@code mean}: its
     * sign says whether the term raised or lowered the group's quantity); a knocked-out factor
     * (zero) has an infinite log effect.
     */
    public record Effect(Term term, double[] values, double mean) {
        public Effect {
            values = values.clone();
        }

        /** Whether the term did anything noticeable in this run (mean effect above 1e-6). */
        public boolean active() {
            return Math.abs(mean) > 1e-6 || Double.isNaN(mean);
        }
    }
}
