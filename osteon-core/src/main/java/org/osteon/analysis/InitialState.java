package org.osteon.analysis;

import java.util.Locale;

/** Where each simulated patient (or sensitivity point) starts. */
public enum InitialState {
    /** The scenario's initial values (with initial assignments evaluated for the patient's parameters). */
    SCENARIO("scenario"),
    /**
     * The steady state of the patient's own parameters at the start time, before the scenario's
     * changes: a virtual patient in equilibrium when the regimen begins.
     */
    STEADY_STATE("steady-state");

    private final String label;

    InitialState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static InitialState parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (InitialState s : values()) {
            if (s.label.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown initial state '" + text + "'; use scenario or steady-state");
    }
}
