package org.osteon.analysis;

import java.util.List;

/**
 * Summary outputs over a 1-D or 2-D grid of scanned values. Point {@code k} is {@code x[k % nx]},
 * {@code y[k / nx]} (x varies fastest). A point whose run failed holds NaN and is listed in
 * {@link #failures()}.
 *
 * @param y      the second axis, or null for a 1-D scan
 * @param values {@code values[o][k]}: output {@code o} at point {@code k}
 */
public record ScanResult(Axis x, Axis y, List<String> outputs, Summary summary, double[][] values,
                         List<Failure> failures) {
    /** A scan point without a value, and why. */
    public record Failure(int point, double x, double y, String message) {
    }

    public ScanResult {
        outputs = List.copyOf(outputs);
        failures = List.copyOf(failures);
        double[][] copy = new double[values.length][];
        for (int o = 0; o < values.length; o++) {
            copy[o] = values[o].clone();
        }
        values = copy;
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int o = 0; o < values.length; o++) {
            copy[o] = values[o].clone();
        }
        return copy;
    }

    public boolean twoDimensional() {
        return y != null;
    }

    public int points() {
        return x.size() * (y == null ? 1 : y.size());
    }

    /** Value of output {@code o} at x index {@code i}, y index {@code j} (0 for a 1-D scan). */
    public double value(int o, int i, int j) {
        return values[o][j * x.size() + i];
    }

    /** The output over x, for a 1-D scan (the first row of a 2-D one). */
    public double[] line(String output) {
        int o = index(output);
        double[] v = new double[x.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(o, i, 0);
        }
        return v;
    }

    /** {@code z[j][i]}: the output at {@code x[i]}, {@code y[j]}; rows are y, as in a printed table. */
    public double[][] grid(String output) {
        int o = index(output);
        int ny = y == null ? 1 : y.size();
        double[][] z = new double[ny][x.size()];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < x.size(); i++) {
                z[j][i] = value(o, i, j);
            }
        }
        return z;
    }

    private int index(String output) {
        int o = outputs.indexOf(output);
        if (o < 0) {
            throw new java.util.NoSuchElementException("output '" + output + "' was not scanned; scanned: " + outputs);
        }
        return o;
    }
}
