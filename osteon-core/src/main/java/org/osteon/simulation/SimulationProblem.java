package org.osteon.simulation;

import java.util.List;
import org.osteon.compile.CompiledModel;

/**
 * What to solve, apart from how: a compiled model, its complete initial state and parameter
 * vector, the time span, the output grid and the scheduled changes.
 *
 * @param outputTimes        increasing times within [t0, tEnd] at which to record
 * @param recordedParameters parameters to record as columns besides states and outputs
 *                           (those that change: intervention targets, event targets)
 * @param recordedOutputs    the outputs (assigned values, reaction rates) to record besides the
 *                           states, or {@code null} for all of them; an empty list records
 *                           states only and skips computing outputs, which is what a large model
 *                           or a scan of many runs needs
 */
public record SimulationProblem(CompiledModel model, double[] initialState, double[] parameters, double t0,
                                double tEnd, double[] outputTimes, List<ScheduledChange> changes,
                                List<String> recordedParameters, List<String> recordedOutputs) {
    /** A problem that records every output. */
    public SimulationProblem(CompiledModel model, double[] initialState, double[] parameters, double t0,
                             double tEnd, double[] outputTimes, List<ScheduledChange> changes,
                             List<String> recordedParameters) {
        this(model, initialState, parameters, t0, tEnd, outputTimes, changes, recordedParameters, null);
    }

    /** The same problem recording only the given outputs besides the states ({@code null}: all). */
    public SimulationProblem withRecordedOutputs(List<String> outputs) {
        return new SimulationProblem(model, initialState, parameters, t0, tEnd, outputTimes, changes, recordedParameters,
                outputs);
    }

    public SimulationProblem {
        initialState = initialState.clone();
        parameters = parameters.clone();
        outputTimes = outputTimes.clone();
        changes = List.copyOf(changes);
        recordedParameters = List.copyOf(recordedParameters);
        recordedOutputs = recordedOutputs == null ? null : List.copyOf(recordedOutputs);
        if (!(tEnd >= t0) || Double.isInfinite(tEnd) || Double.isNaN(t0)) {
            throw new IllegalArgumentException("the end time " + tEnd + " must be finite and not before the start " + t0);
        }
        for (int i = 0; i < outputTimes.length; i++) {
            if (outputTimes[i] < t0 || outputTimes[i] > tEnd || (i > 0 && !(outputTimes[i] > outputTimes[i - 1]))) {
                throw new IllegalArgumentException("output times must increase within [" + t0 + ", " + tEnd + "]");
            }
        }
        for (ScheduledChange c : changes) {
            if (!Double.isFinite(c.time())) {
                throw new IllegalArgumentException("scheduled change '" + c.label() + "' has no finite time");
            }
        }
    }

    /** A uniform grid t0, t0+step, ... up to tEnd (tEnd included even when not a multiple). */
    public static double[] grid(double t0, double tEnd, double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("output step must be positive and finite, got " + step);
        }
        if (!(tEnd >= t0) || Double.isInfinite(tEnd) || Double.isInfinite(t0)) {
            throw new IllegalArgumentException("the end time " + tEnd + " must be finite and not before the start " + t0);
        }
        double intervals = Math.floor((tEnd - t0) / step + 1e-9);
        if (intervals + 1 > org.osteon.util.Limits.MAX_OUTPUT_POINTS) {
            throw new IllegalArgumentException("the output grid from " + t0 + " to " + tEnd + " every " + step + " would have "
                    + String.format(java.util.Locale.ROOT, "%.0f", intervals + 1) + " points; the limit is "
                    + org.osteon.util.Limits.MAX_OUTPUT_POINTS + " (see docs/limits.md): use a larger step");
        }
        long n = (long) intervals;
        boolean exact = Math.abs(t0 + n * step - tEnd) <= 1e-9 * Math.max(1, Math.abs(tEnd));
        double[] g = new double[(int) n + (exact ? 1 : 2)];
        for (int i = 0; i <= n; i++) {
            g[i] = t0 + i * step;
        }
        g[g.length - 1] = tEnd;
        return g;
    }
}
