package org.osteon.report;

import java.util.Objects;

/**
 * The result of a 2-D scan: {@code z[j][i]} is the output at {@code x[i]}, {@code y[j]} (rows
 * are y, as in a printed table). NaN marks a point without a value, e.g. a failed run.
 *
 * @param xLabel axis label of x, with unit, e.g. "k_RANKL [1/day]"
 * @param zLabel label of the colour bar, with unit
 */
public record ScanGrid(String xLabel, double[] x, String yLabel, double[] y, double[][] z, String zLabel) {
    public ScanGrid {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("a scan grid needs at least one x and one y value");
        }
        if (z.length != y.length) {
            throw new IllegalArgumentException("z has " + z.length + " rows but there are " + y.length + " y values");
        }
        double[][] copy = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            if (z[j].length != x.length) {
                throw new IllegalArgumentException("row " + j + " of z has " + z[j].length + " values but there are "
                        + x.length + " x values");
            }
            copy[j] = z[j].clone();
        }
        x = x.clone();
        y = y.clone();
        z = copy;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
        zLabel = zLabel == null ? "" : zLabel;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[][] z() {
        double[][] copy = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            copy[j] = z[j].clone();
        }
        return copy;
    }
}
