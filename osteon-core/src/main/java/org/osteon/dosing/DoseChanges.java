package org.osteon.dosing;

import org.osteon.simulation.ScheduledChange;

/** The scheduled changes doses make. They hold no run state, so one problem serves many threads. */
final class DoseChanges {
    private DoseChanges() {
    }

    /** Adds the dose to a state (or a parameter) at its time. */
    record Bolus(double time, int state, int parameter, Conversion conversion, String label) implements ScheduledChange {
        @Override
        public Phase phase() {
            return Phase.BEFORE_OUTPUT;
        }

        @Override
        public void apply(double[] y, double[] p) {
            double a = conversion.amount(p);
            if (state >= 0) {
                y[state] += a;
            } else {
                p[parameter] += a;
            }
        }
    }

    /**
     * Start (sign +1/duration) or end (sign -1/duration) of a zero-order infusion: changes the
     * input rate of the state by amount/duration. Start and end read the same parameters; a run
     * must not change them in between (the scenario layer refuses interventions on them).
     */
    record InfusionEdge(double time, int state, Conversion conversion, double perTime, String label)
            implements ScheduledChange {
        @Override
        public Phase phase() {
            return Phase.BEFORE_OUTPUT;
        }

        @Override
        public void apply(double[] y, double[] p) {
        }

        @Override
        public boolean changesInputs() {
            return true;
        }

        @Override
        public void applyInputs(double[] y, double[] p, double[] inputRates) {
            inputRates[state] += conversion.amount(p) * perTime;
        }
    }
}
