package org.osteon.simulation;

import java.util.Map;

/**
 * How to solve: method name ({@code auto}, {@code dopri5}, {@code dop853}, {@code rodas5p}, {@code bdf}),
 * tolerances (with optional per-state absolute and relative tolerances, by state name), step
 * budget and largest step.
 */
public record SolverSettings(String method, double rtol, double atol, Map<String, Double> stateAtol,
                             long maxSteps, double maxStep, Map<String, Double> stateRtol) {
    public static final double DEFAULT_RTOL = 1e-6;
    /** Bone-cell states are 1e-5..1e-3 pM, so an absolute tolerance of 1e-8 would be far too loose. */
    public static final double DEFAULT_ATOL = 1e-12;
    public static final SolverSettings DEFAULT = new SolverSettings("auto", DEFAULT_RTOL, DEFAULT_ATOL, Map.of(), 1_000_000, 0);

    public SolverSettings(String method, double rtol, double atol, Map<String, Double> stateAtol, long maxSteps,
                          double maxStep) {
        this(method, rtol, atol, stateAtol, maxSteps, maxStep, Map.of());
    }

    public SolverSettings {
        stateAtol = Map.copyOf(stateAtol);
        stateRtol = Map.copyOf(stateRtol);
        for (Map.Entry<String, Double> e : stateAtol.entrySet()) {
            positive("atol of " + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Double> e : stateRtol.entrySet()) {
            positive("rtol of " + e.getKey(), e.getValue());
        }
        if (!(rtol > 0) || !(atol > 0) || Double.isInfinite(rtol) || Double.isInfinite(atol)) {
            throw new IllegalArgumentException("rtol and atol must be positive and finite (rtol=" + rtol + ", atol=" + atol + ")");
        }
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive");
        }
    }

    private static void positive(String what, Double v) {
        if (v == null || !(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, found " + v);
        }
    }

    public SolverSettings withMethod(String m) {
        return new SolverSettings(m, rtol, atol, stateAtol, maxSteps, maxStep, stateRtol);
    }

    public SolverSettings withTolerances(double r, double a) {
        return new SolverSettings(method, r, a, stateAtol, maxSteps, maxStep, stateRtol);
    }

    public SolverSettings withMaxStep(double h) {
        return new SolverSettings(method, rtol, atol, stateAtol, maxSteps, h, stateRtol);
    }

    /** Per-state tolerances by state name; states not named keep the scalar ones. */
    public SolverSettings withStateTolerances(Map<String, Double> rtolByState, Map<String, Double> atolByState) {
        return new SolverSettings(method, rtol, atol, atolByState, maxSteps, maxStep, rtolByState);
    }
}
