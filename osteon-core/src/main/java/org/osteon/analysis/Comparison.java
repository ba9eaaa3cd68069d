package org.osteon.analysis;

import java.util.ArrayList;
import java.util.List;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/**
 * Several runs on one time grid, for overlaying and for % change from a baseline run. The grid
 * is the baseline run's; a run with a different grid is resampled onto it by linear
 * interpolation (NaN outside the run's own time span), and {@link #resampled()} names it so
 * that callers can say so.
 */
public final class Comparison {
    /** Absolute values, or % change from the baseline run at each time. */
    public enum Change {
        ABSOLUTE, PERCENT
    }

    private final List<String> names;
    private final List<Trajectory> runs;
    private final int baseline;
    private final double[] times;
    private final List<String> symbols;
    private final List<String> resampled = new ArrayList<>();
    private final List<Trajectory> aligned = new ArrayList<>();

    private Comparison(List<String> names, List<Trajectory> runs, int baseline) {
        if (names.size() != runs.size() || runs.isEmpty()) {
            throw new IllegalArgumentException("need one name per run and at least one run");
        }
        if (baseline < 0 || baseline >= runs.size()) {
            throw new IllegalArgumentException("baseline index " + baseline + " out of range");
        }
        this.names = List.copyOf(names);
        this.runs = List.copyOf(runs);
        this.baseline = baseline;
        Trajectory base = runs.get(baseline);
        this.times = base.times();
        List<String> common = new ArrayList<>();
        for (Column c : base.columns()) {
            if (runs.stream().allMatch(r -> r.has(c.id()))) {
                common.add(c.id());
            }
        }
        this.symbols = List.copyOf(common);
        for (int r = 0; r < runs.size(); r++) {
            Trajectory tr = runs.get(r);
            if (sameGrid(tr.times(), times)) {
                aligned.add(tr);
            } else {
                resampled.add(names.get(r));
                aligned.add(resample(tr, times));
            }
        }
    }

    /**
     * @param baseline index of the run the others are compared with; its grid is the common grid
     * @throws IllegalArgumentException if the runs have different time units or share no symbol
     */
    public static Comparison of(List<String> names, List<Trajectory> runs, int baseline) {
        String unit = runs.isEmpty() ? null : runs.get(0).timeUnit();
        for (Trajectory r : runs) {
            if (!java.util.Objects.equals(unit, r.timeUnit())) {
                throw new IllegalArgumentException("the runs use different time units (" + unit + ", " + r.timeUnit()
                        + "), so they cannot share a time axis");
            }
        }
        Comparison c = new Comparison(names, runs, baseline);
        if (c.symbols.isEmpty()) {
            throw new IllegalArgumentException("the runs have no output in common");
        }
        return c;
    }

    public List<String> names() {
        return names;
    }

    public int baseline() {
        return baseline;
    }

    public double[] times() {
        return times.clone();
    }

    /** Outputs present in every run, in the baseline run's order. */
    public List<String> symbols() {
        return symbols;
    }

    /** Names of the runs that were resampled onto the baseline's grid (empty when all grids agree). */
    public List<String> resampled() {
        return List.copyOf(resampled);
    }

    /** Run {@code r} on the common grid (the original trajectory when it already was on it). */
    public Trajectory aligned(int r) {
        return aligned.get(r);
    }

    /** Values of {@code symbol} in run {@code r} on the common grid. */
    public double[] values(int r, String symbol) {
        return aligned.get(r).column(symbol);
    }

    /** {@code 100 (v/b - 1)} against the baseline run at each time; NaN where the baseline is 0 or missing. */
    public double[] percentChange(int r, String symbol) {
        double[] v = values(r, symbol);
        double[] b = values(baseline, symbol);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = b[i] == 0 || Double.isNaN(b[i]) ? Double.NaN : 100 * (v[i] / b[i] - 1);
        }
        return out;
    }

    /** Values or % change, as asked. */
    public double[] series(int r, String symbol, Change change) {
        return change == Change.PERCENT ? percentChange(r, symbol) : values(r, symbol);
    }

    static boolean sameGrid(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9 * Math.max(1, Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Trajectory resample(Trajectory tr, double[] grid) {
        double first = tr.time(0);
        double last = tr.time(tr.size() - 1);
        double[][] values = new double[tr.columns().size()][grid.length];
        for (int c = 0; c < values.length; c++) {
            String id = tr.columns().get(c).id();
            for (int i = 0; i < grid.length; i++) {
                // No extrapolation: a value outside the run's span would be invented.
                boolean inside = grid[i] >= first - 1e-9 * Math.max(1, Math.abs(first))
                        && grid[i] <= last + 1e-9 * Math.max(1, Math.abs(last));
                values[c][i] = inside ? tr.valueAt(id, grid[i]) : Double.NaN;
            }
        }
        return new Trajectory(tr.modelId(), tr.timeUnit(), grid.clone(), tr.columns(), values, tr.runInfo());
    }
}
