package org.osteon.compile;

/**
 * One named slot of a compiled model's vectors, with what a user needs to read it.
 *
 * @param kind     what the slot holds
 * @param constant for parameters: never changed by the model itself (events, rules); states
 *                 and outputs are never constant
 */
public record Variable(String id, Kind kind, boolean constant, String displayName, String unit, String description) {
    /** The role of a slot. */
    public enum Kind {
        /** Species integrated by reactions. */
        SPECIES,
        /** Symbol with a rate rule. */
        RATE_RULE,
        /** Parameter, compartment size or boundary species without rule. */
        PARAMETER,
        /** Assignment-rule variable, computed from states and parameters. */
        ASSIGNED,
        /** Reaction rate. */
        FLUX,
        /** Symbol an algebraic rule determines: a state of the differential-algebraic system with no derivative of its own. */
        ALGEBRAIC
    }

    /** Display name when there is one, else the id. */
    public String label() {
        return displayName != null ? displayName : id;
    }
}
