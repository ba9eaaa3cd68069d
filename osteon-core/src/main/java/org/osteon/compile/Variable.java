package org.osteon.compile;

/**
 * One named slot of a compiled model's vectors, with what a user needs to read it.
 *
 * @param kind what the slot holds
 */
public record Variable(String id, Kind kind, String displayName, String unit, String description) {
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
        FLUX
    }
}
