package org.osteon.analysis.population;

/**
 * One simulated virtual patient.
 *
 * @param patient   the patient's index (0-based)
 * @param variables covariate and parameter values, in the spec's variable order
 * @param values    {@code values[o][t]}: output o at output time t; null when the run failed
 * @param failure   why the run failed, or null
 */
public record PatientResult(int patient, double[] variables, double[][] values, String failure)
        implements java.io.Serializable {
    public boolean succeeded() {
        return failure == null;
    }
}
