package org.osteon.dosing;

import java.util.Locale;

/** How a dose enters the model. */
public enum Route {
    /** The whole amount is added to the target state at once (an intravenous bolus, or a dose into any state). */
    BOLUS("bolus"),
    /** Zero-order input: the amount enters at a constant rate over a duration. */
    INFUSION("infusion"),
    /**
     * The amount is added to the depot the model declares for the target ({@code X.depot = "X_depot"});
     * the model's own equations then absorb it (first-order absorption, bioavailability).
     */
    DEPOT("depot");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** bolus, infusion or depot; {@code iv} means bolus, {@code sc}, {@code im} and {@code oral} mean depot. */
    public static Route parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "bolus":
            case "iv":
            case "iv bolus":
                return BOLUS;
            case "infusion":
            case "iv infusion":
                return INFUSION;
            case "depot":
            case "sc":
            case "subcutaneous":
            case "im":
            case "intramuscular":
            case "oral":
            case "absorption":
                return DEPOT;
            default:
                throw new IllegalArgumentException("unknown route '" + text.trim()
                        + "'; use bolus (or iv), infusion, or depot (or sc, im, oral: first-order absorption from the model's depot)");
        }
    }
}
