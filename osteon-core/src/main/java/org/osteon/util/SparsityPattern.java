package org.osteon.util;

import java.util.Arrays;

/**
 * Where the structurally non-zero entries of a square matrix (a Jacobian df/dy) are, row by row
 * (compressed sparse rows): the entries of row {@code i} are in columns {@code
 * columns[rowStart[i]] ... columns[rowStart[i + 1] - 1]}, increasing. Values that go with a
 * pattern are stored in this order. The compiler knows a model's pattern from its symbolic
 * derivative (an entry left out is zero for every state and parameter) and the stiff solvers use
 * it for sparse linear algebra. Immutable.
 */
public final class SparsityPattern {
    private final int size;
    private final int[] rowStart;
    private final int[] columns;

    /** @throws IllegalArgumentException if the arrays do not describe increasing columns within [0, size) */
    public SparsityPattern(int size, int[] rowStart, int[] columns) {
        if (size < 0 || rowStart.length != size + 1 || rowStart[0] != 0 || rowStart[size] != columns.length) {
            throw new IllegalArgumentException("row starts do not match a " + size + "x" + size + " pattern of "
                    + columns.length + " entries");
        }
        for (int i = 0; i < size; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (columns[k] < 0 || columns[k] >= size || (k > rowStart[i] && columns[k] <= columns[k - 1])) {
                    throw new IllegalArgumentException("row " + i + " of the Jacobian pattern has columns out of order or range");
                }
            }
        }
        this.size = size;
        this.rowStart = rowStart.clone();
        this.columns = columns.clone();
    }

    public int size() {
        return size;
    }

    public int nonZeros() {
        return columns.length;
    }

    /** Copy of the row starts (length size + 1). */
    public int[] rowStart() {
        return rowStart.clone();
    }

    /** Copy of the column of each entry. */
    public int[] columns() {
        return columns.clone();
    }

    /** Row start of row i (i = size gives the number of entries). */
    public int rowStart(int i) {
        return rowStart[i];
    }

    /** Column of entry k. */
    public int column(int k) {
        return columns[k];
    }

    /** Writes the pattern-ordered values into a zeroed dense row-major n*n matrix. */
    public void scatter(double[] values, double[] dense) {
        Arrays.fill(dense, 0, size * size, 0.0);
        for (int i = 0; i < size; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                dense[i * size + columns[k]] = values[k];
            }
        }
    }
}
