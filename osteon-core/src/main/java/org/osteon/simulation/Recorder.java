package org.osteon.simulation;

import java.util.ArrayList;
import java.util.List;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.OutputSelection;
import org.osteon.compile.Variable;
import org.osteon.solve.DenseStep;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.RunInfo;
import org.osteon.trajectory.Trajectory;

/**
 * Fills the output grid: the states, outputs and parameters asked for. Outputs are evaluated
 * through the model's {@link OutputSelection} of the recorded ones, so a run that records three
 * of a large model's outputs computes only the assigned values those three depend on.
 */
final class Recorder {
    private final CompiledModel model;
    private final double[] grid;
    private final int[] parameterIndex;
    private final List<Column> columns = new ArrayList<>();
    private final double[][] values;
    /** The recorded outputs at one time, in column order. */
    private final double[] outputs;
    /** Index in the model's outputs of each recorded output column. */
    private final int[] outputIndex;
    /** Evaluates the recorded outputs (and only what they depend on); null when none is recorded. */
    private final OutputSelection selection;
    /**
     * The states interpolated at an output time inside a step: the recorded state columns and the
     * states the recorded outputs read; null for all of them.
     */
    private final int[] interpolated;
    /** Number of recorded states, and which (model index) each state column is. */
    private final int states;
    private final int[] stateIndex;
    private int next;

    /** @param recordedOutputs output names to record, or null for all */
    Recorder(CompiledModel model, double[] grid, List<String> recordedParameters, List<String> recordedOutputs) {
        this.model = model;
        this.grid = grid;
        Layout layout = model.layout();
        this.states = layout.stateCount();
        this.stateIndex = new int[states];
        for (int s = 0; s < states; s++) {
            stateIndex[s] = s;
        }
        layout.states().forEach(v -> columns.add(Column.of(v)));
        if (recordedOutputs == null) {
            outputIndex = new int[layout.outputCount()];
            for (int o = 0; o < outputIndex.length; o++) {
                outputIndex[o] = o;
            }
        } else {
            outputIndex = new int[recordedOutputs.size()];
            for (int o = 0; o < outputIndex.length; o++) {
                String name = recordedOutputs.get(o);
                outputIndex[o] = layout.outputIndex(name);
                if (outputIndex[o] < 0) {
                    throw new IllegalArgumentException("cannot record '" + name + "': not an output of model '" + model.id()
                            + "'" + org.osteon.util.Suggestions.didYouMean(name,
                            layout.outputs().stream().map(Variable::id).toList()));
                }
            }
        }
        for (int o : outputIndex) {
            columns.add(Column.of(layout.outputs().get(o)));
        }
        this.parameterIndex = new int[recordedParameters.size()];
        for (int i = 0; i < parameterIndex.length; i++) {
            String name = recordedParameters.get(i);
            int k = layout.parameterIndex(name);
            if (k < 0) {
                throw new IllegalArgumentException("cannot record '" + name + "': not a parameter of model '" + model.id() + "'");
            }
            parameterIndex[i] = k;
            Variable v = layout.parameters().get(k);
            columns.add(Column.of(v));
        }
        this.outputs = new double[outputIndex.length];
        this.selection = outputIndex.length > 0 ? model.outputSelection(outputIndex) : null;
        this.interpolated = null; // every state is recorded
        this.values = new double[columns.size()][grid.length];
    }

    /**
     * Records only the named columns (states, outputs or parameters, in that order of columns),
     * and computes outputs only if one is named: a run of a scan, population or fit allocates
     * just the output it keeps.
     */
    Recorder(CompiledModel model, double[] grid, List<String> kept) {
        this.model = model;
        this.grid = grid;
        Layout layout = model.layout();
        List<Integer> s = new ArrayList<>();
        List<Integer> o = new ArrayList<>();
        List<Integer> p = new ArrayList<>();
        for (String name : kept) {
            int i;
            if ((i = layout.stateIndex(name)) >= 0) {
                s.add(i);
            } else if ((i = layout.outputIndex(name)) >= 0) {
                o.add(i);
            } else if ((i = layout.parameterIndex(name)) >= 0) {
                p.add(i);
            } else {
                throw new IllegalArgumentException("cannot record '" + name + "': not a state, output or parameter of model '"
                        + model.id() + "'" + org.osteon.util.Suggestions.didYouMean(name, layout.allIds()));
            }
        }
        this.stateIndex = s.stream().mapToInt(Integer::intValue).toArray();
        this.outputIndex = o.stream().mapToInt(Integer::intValue).toArray();
        this.parameterIndex = p.stream().mapToInt(Integer::intValue).toArray();
        this.states = stateIndex.length;
        for (int k : stateIndex) {
            columns.add(Column.of(layout.states().get(k)));
        }
        for (int k : outputIndex) {
            columns.add(Column.of(layout.outputs().get(k)));
        }
        for (int k : parameterIndex) {
            columns.add(Column.of(layout.parameters().get(k)));
        }
        this.outputs = new double[outputIndex.length];
        this.selection = outputIndex.length > 0 ? model.outputSelection(outputIndex) : null;
        this.interpolated = interpolatedStates(model, stateIndex, outputIndex);
        this.values = new double[columns.size()][grid.length];
    }

    /**
     * The recorded state columns and the states the recorded outputs read (CompiledModel.statesRead);
     * null, meaning all, when the model cannot tell or they are all of them.
     */
    private static int[] interpolatedStates(CompiledModel model, int[] stateIndex, int[] outputIndex) {
        java.util.BitSet needed = new java.util.BitSet();
        for (int k : stateIndex) {
            needed.set(k);
        }
        if (outputIndex.length > 0) {
            int[] read = model.statesRead(outputIndex);
            if (read == null) {
                return null;
            }
            for (int k : read) {
                needed.set(k);
            }
        }
        return needed.cardinality() == model.layout().stateCount() ? null : needed.stream().toArray();
    }

    /** The state at g inside the step, at least the components this recorder reads. */
    private void interpolate(DenseStep step, double g, double[] scratch) {
        if (interpolated == null) {
            step.interpolate(g, scratch);
        } else {
            step.interpolate(g, scratch, interpolated);
        }
    }

    /** Records every pending grid time up to and including t at the given state. */
    void recordUpTo(double t, double[] y, double[] p) {
        while (next < grid.length && grid[next] <= t) {
            record(grid[next], y, p);
        }
    }

    /** Records grid times inside the step, through its end. */
    void recordThrough(DenseStep step, double[] p, double[] scratch) {
        double end = step.endTime();
        while (next < grid.length && grid[next] <= end) {
            double g = grid[next];
            if (g == end) {
                record(g, step.endState(), p);
            } else {
                interpolate(step, g, scratch);
                record(g, scratch, p);
            }
        }
    }

    /** Records grid times inside the step strictly before {@code limit}. */
    void recordBefore(DenseStep step, double limit, double[] p, double[] scratch) {
        while (next < grid.length && grid[next] < limit) {
            interpolate(step, grid[next], scratch);
            record(grid[next], scratch, p);
        }
    }

    private void record(double t, double[] y, double[] p) {
        int i = next++;
        // each value is checked as it is written: a second pass over the columns would touch one
        // cache line per column again (49 columns x 4032 points on a petersonriggs2010 run)
        for (int s = 0; s < states; s++) {
            double v = y[stateIndex[s]];
            if (!Double.isFinite(v)) {
                throw notFinite(s, t, v);
            }
            values[s][i] = v;
        }
        if (selection != null) {
            selection.evaluate(t, y, p, outputs);
            for (int o = 0; o < outputIndex.length; o++) {
                double v = outputs[o];
                if (!Double.isFinite(v)) {
                    throw notFinite(states + o, t, v);
                }
                values[states + o][i] = v;
            }
        }
        int base = states + outputIndex.length;
        for (int k = 0; k < parameterIndex.length; k++) {
            double v = p[parameterIndex[k]];
            if (!Double.isFinite(v)) {
                throw notFinite(base + k, t, v);
            }
            values[base + k][i] = v;
        }
    }

    /** A recorded value that is NaN or infinite: the run fails rather than report it as a result. */
    private SolverException notFinite(int column, double t, double value) {
        String id = columns.get(column).id();
        String what = column < states ? "state" : column < states + outputIndex.length ? "output" : "parameter";
        String hint = column >= states && column < states + outputIndex.length
                ? " (its rule is not defined there: check for division by zero, log or square root of a negative number, or overflow)"
                : "";
        return new SolverException(SolverException.Reason.NOT_FINITE, t, column < states ? stateIndex[column] : -1,
                column < states ? id : null, what + " '" + id + "' is " + value + " at t=" + t + hint);
    }

    Trajectory finish(String modelId, RunInfo info) {
        if (next != grid.length) {
            throw new IllegalStateException("recorded " + next + " of " + grid.length + " output times");
        }
        return new Trajectory(modelId, model.timeUnit(), grid.clone(), columns, values, info);
    }
}
