package org.osteon.sbml.conformance;

import java.util.List;

/**
 * The outcome of one case: {@code pass}, {@code fail} (simulated but a value is outside the suite's
 * tolerance), {@code unsupported} (a construct Osteon refuses, with the reason) or {@code error}
 * (anything else: a solver failure, a crash).
 */
public record CaseResult(String caseId, Result result, String reason, List<String> tags, boolean coreTimeCourse) {
    /** The four results of the {@code results.csv} interface. */
    public enum Result {
        PASS, FAIL, UNSUPPORTED, ERROR;

        /** The lower-case name written to results.csv. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CaseResult {
        tags = List.copyOf(tags);
        reason = reason == null ? "" : reason;
    }
}
