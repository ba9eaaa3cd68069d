package org.osteon.trajectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.osteon.compile.Variable;

/**
 * The solution of a simulation on its output grid: one column per recorded symbol. Immutable;
 * query it by symbol name. Values at the output times come from the solver's dense output, not
 * from wherever the solver happened to step.
 */
public final class Trajectory {
    private final String modelId;
    private final String timeUnit;
    private final double[] times;
    private final List<Column> columns;
    private final double[][] values;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final RunInfo runInfo;

    /**
     * @param values values[c][i] is column c at times[i]; arrays are taken as they are (not copied)
     */
    public Trajectory(String modelId, String timeUnit, double[] times, List<Column> columns, double[][] values, RunInfo runInfo) {
        if (columns.size() != values.length) {
            throw new IllegalArgumentException("columns and values differ in number");
        }
        for (double[] v : values) {
            if (v.length != times.length) {
                throw new IllegalArgumentException("a column's length differs from the time grid");
            }
        }
        this.modelId = modelId;
        this.timeUnit = timeUnit;
        this.times = times;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.runInfo = runInfo;
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c).id(), c);
        }
    }

    public String modelId() {
        return modelId;
    }

    public String timeUnit() {
        return timeUnit;
    }

    public RunInfo runInfo() {
        return runInfo;
    }

    public int size() {
        return times.length;
    }

    public double time(int i) {
        return times[i];
    }

    public double[] times() {
        return times.clone();
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean has(String id) {
        return index.containsKey(id);
    }

    public Column columnInfo(String id) {
        return columns.get(indexOf(id));
    }

    /** The values of one symbol over the grid (a copy). */
    public double[] column(String id) {
        return values[indexOf(id)].clone();
    }

    public double value(String id, int timeIndex) {
        return values[indexOf(id)][timeIndex];
    }

    /** Value at any time within the grid, by linear interpolation between grid points. */
    public double valueAt(String id, double t) {
        double[] v = values[indexOf(id)];
        if (t <= times[0]) {
            return v[0];
        }
        int hi = java.util.Arrays.binarySearch(times, t);
        if (hi >= 0) {
            return v[hi];
        }
        hi = -hi - 1;
        if (hi >= times.length) {
            return v[times.length - 1];
        }
        double w = (t - times[hi - 1]) / (times[hi] - times[hi - 1]);
        return v[hi - 1] + w * (v[hi] - v[hi - 1]);
    }

    public double first(String id) {
        return values[indexOf(id)][0];
    }

    public double last(String id) {
        double[] v = values[indexOf(id)];
        return v[v.length - 1];
    }

    public double min(String id) {
        return java.util.Arrays.stream(values[indexOf(id)]).min().orElse(Double.NaN);
    }

    public double max(String id) {
        return java.util.Arrays.stream(values[indexOf(id)]).max().orElse(Double.NaN);
    }

    /** Time of the first minimum. */
    public double timeOfMin(String id) {
        double[] v = values[indexOf(id)];
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return times[best];
    }

    /** Time of the first maximum. */
    public double timeOfMax(String id) {
        double[] v = values[indexOf(id)];
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return times[best];
    }

    /** A trajectory with only the named columns, in the given order. */
    public Trajectory select(List<String> ids) {
        List<Column> cols = new ArrayList<>();
        double[][] vals = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            int c = indexOf(ids.get(i));
            cols.add(columns.get(c));
            vals[i] = values[c];
        }
        return new Trajectory(modelId, timeUnit, times, cols, vals, runInfo);
    }

    /** Columns users see by default: everything but reaction rates. */
    public Trajectory withoutKinds(Set<Variable.Kind> kinds) {
        return select(columns.stream().filter(c -> !kinds.contains(c.kind())).map(Column::id).toList());
    }

    private int indexOf(String id) {
        Integer c = index.get(id);
        if (c == null) {
            throw new NoSuchElementException("no column '" + id + "' in the trajectory of " + modelId
                    + org.osteon.util.Suggestions.didYouMean(id, index.keySet()));
        }
        return c;
    }
}
