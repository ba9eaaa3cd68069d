package org.osteon.analysis.fit;

import java.util.List;

/**
 * The outcome of a fit: estimates with standard errors and intervals, the objective, residuals,
 * correlations, identifiability and how the search went. A fit that did not converge still
 * reports its best point, with {@code converged} false and the reason in {@code message}.
 *
 * @param objective       -2 log likelihood (Gaussian, with the constant) at the estimates
 * @param weightedSsr     sum of squared weighted residuals
 * @param correlation     correlation matrix of the estimates (estimation scale), NaN where undefined
 * @param identifiability findings of the Fisher information's small eigenvalues and wide intervals
 */
public record FitResult(List<Parameter> parameters, double objective, double weightedSsr, int observations,
                        boolean converged, String message, int evaluations, List<Start> starts,
                        double[][] correlation, List<Residual> residuals, List<String> identifiability,
                        String gradientMethod, String errorModel, double seconds) {

    /**
     * An estimated quantity.
     *
     * @param se          standard error (delta method for log-scaled ones), from the Fisher information
     * @param ciLow       95 % Wald interval (on the estimation scale, so asymmetric for log parameters)
     * @param profileLow  95 % profile-likelihood interval, NaN when not requested; -inf/+inf when the
     *                    profile stays below the threshold up to the bound (not identifiable that way)
     * @param flag        empty, or why the estimate cannot be trusted (at a bound, not identifiable, ...)
     */
    public record Parameter(String name, double estimate, double se, double ciLow, double ciHigh, String scale,
                            double initial, double lower, double upper, double profileLow, double profileHigh,
                            String flag) {
        /** Relative standard error in percent. */
        public double rsePercent() {
            return 100 * se / Math.abs(estimate);
        }
    }

    /** One local fit of the search. */
    public record Start(int index, double[] start, double objective, boolean converged, int evaluations, String message) {
    }

    /** A data point with its fit. */
    public record Residual(Observation observation, double predicted, double sd) {
        public double residual() {
            return observation.value() - predicted;
        }

        public double weighted() {
            return residual() / sd;
        }
    }

    public double aic() {
        return objective + 2 * parameters.size();
    }

    public double bic() {
        return objective + Math.log(observations) * parameters.size();
    }

    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no estimate '" + name + "'"));
    }
}
