package org.osteon.solve;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.osteon.util.SparsityPattern;

/**
 * Sparse LU factorisation of the iteration matrix W = c I - J of stiff methods, for a Jacobian J
 * with a fixed sparsity pattern, and the corresponding solves.
 *
 * <p>Columns are taken in a {@link MinimumDegree} order. The first factorisation is Gilbert and
 * Peierls' left-looking LU with threshold partial pivoting that prefers the diagonal (Davis,
 * "Direct Methods for Sparse Linear Systems", SIAM 2006, cs_lu; diagonal preference as in KLU): it
 * finds the patterns of L and U and the pivot order. Every later factorisation (a new h or a new
 * J) reuses them and only redoes the arithmetic, like KLU's refactor: no depth-first searches, no
 * allocation. A refactorisation whose pivot falls below {@value #REFACTOR_TOLERANCE} of the
 * largest candidate in its column (a pivot order that has become unstable) is abandoned for a
 * fresh factorisation with pivoting.
 *
 * <p>Why not EJML's {@code LuUpLooking_DSCC}: it has no fill-reducing ordering, repeats the
 * symbolic work (a depth-first search per column) on every factorisation and refuses
 * {@code setStructureLocked}. One factorisation and solve of the BMU chain's iteration matrix
 * (osteon-bench {@code IterationMatrixBenchmark}, both in the same minimum-degree order): 24
 * units (72 states) 24 us here against 87 us with EJML 0.46.1, 1000 units (3000 states) 0.96 ms
 * against 1.59 ms (JMH, 5 iterations, machine under load, spread up to 50 %). Not thread-safe.
 */
final class SparseLU {
    /** Diagonal preference of the first factorisation: the diagonal is kept if within this factor of the column's largest candidate. */
    static final double PIVOT_TOLERANCE = 0.01;
    /** A refactorised pivot this much smaller than its column's largest candidate sends us back to pivoting. */
    static final double REFACTOR_TOLERANCE = 1e-3;

    private final int n;
    // W in compressed columns
    private final int[] wStart;
    private final int[] wRow;
    private final double[] wValue;
    /** Position in wValue of each entry of J (in the pattern's row order), and of each diagonal entry. */
    private final int[] fromJacobian;
    private final int[] diagonal;
    /** Column elimination order, and the inverse row permutation (original row to pivot step). */
    private final int[] q;
    private final int[] pinv;
    // L (unit diagonal stored first) and U (diagonal stored last) in compressed columns
    private int[] lStart;
    private int[] lRow;
    private double[] lValue;
    private int[] uStart;
    private int[] uRow;
    private double[] uValue;
    private boolean haveStructure;
    // work space: x stays zero between columns
    private final double[] x;
    private final double[] work;
    private final int[] reach;
    private final int[] stack;
    private final int[] positions;
    private final int[] visited;
    private int stamp;
    /** Factorisations with pivoting (symbolic work), and numeric-only refactorisations. */
    long fullFactorisations;
    long refactorisations;

    SparseLU(SparsityPattern jacobian) {
        Structure structure = Structure.of(jacobian);
        this.n = structure.n;
        this.wStart = structure.wStart;
        this.wRow = structure.wRow;
        this.fromJacobian = structure.fromJacobian;
        this.diagonal = structure.diagonal;
        this.q = structure.q;
        wValue = new double[wStart[n]];
        pinv = new int[n];
        x = new double[n];
        work = new double[n];
        reach = new int[n];
        stack = new int[n];
        positions = new int[n];
        visited = new int[n];
        int guess = 2 * wStart[n] + n;
        lStart = new int[n + 1];
        uStart = new int[n + 1];
        lRow = new int[guess];
        lValue = new double[guess];
        uRow = new int[guess];
        uValue = new double[guess];
    }

    /**
     * What depends only on J's pattern: W's pattern by columns, where J's entries and the diagonal
     * go in it, and the minimum-degree column order. Computed once per pattern (one per compiled
     * model) and shared, read-only, by every factorisation of every run and thread: at N = 100 of
     * the BMU chain, building it in each run was a tenth of the run's CPU time, and its ordering
     * code competed for the JIT with the solver. A memo of a pure function of the pattern, held
     * weakly so that a model's structure goes when the model does.
     */
    private static final class Structure {
        private static final Map<SparsityPattern, Structure> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

        final int n;
        final int[] wStart;
        final int[] wRow;
        final int[] fromJacobian;
        final int[] diagonal;
        final int[] q;

        /** The pattern's structure; patterns are compared by identity (SparsityPattern keeps Object's equals). */
        static Structure of(SparsityPattern jacobian) {
            Structure s = SHARED.get(jacobian);
            if (s == null) {
                s = new Structure(jacobian);
                SHARED.put(jacobian, s);
            }
            return s;
        }

        private Structure(SparsityPattern jacobian) {
            this.n = jacobian.size();
            // pattern of W: J's entries plus the diagonal, by column
            int[] count = new int[n];
            boolean[] hasDiagonal = new boolean[n];
            for (int i = 0; i < n; i++) {
                for (int k = jacobian.rowStart(i); k < jacobian.rowStart(i + 1); k++) {
                    count[jacobian.column(k)]++;
                    hasDiagonal[i] |= jacobian.column(k) == i;
                }
            }
            wStart = new int[n + 1];
            for (int j = 0; j < n; j++) {
                wStart[j + 1] = wStart[j] + count[j] + (hasDiagonal[j] ? 0 : 1);
            }
            wRow = new int[wStart[n]];
            fromJacobian = new int[jacobian.nonZeros()];
            diagonal = new int[n];
            int[] fill = Arrays.copyOf(wStart, n);
            for (int i = 0; i < n; i++) { // rows in increasing order, so each column's rows increase
                boolean placed = hasDiagonal[i];
                for (int k = jacobian.rowStart(i); k < jacobian.rowStart(i + 1); k++) {
                    int j = jacobian.column(k);
                    fromJacobian[k] = fill[j];
                    if (j == i) {
                        diagonal[i] = fill[j];
                    }
                    wRow[fill[j]++] = i;
                }
                if (!placed) {
                    diagonal[i] = fill[i];
                    wRow[fill[i]++] = i;
                }
            }
            q = MinimumDegree.order(jacobian);
        }
    }

    int size() {
        return n;
    }

    /** The next {@link #factor} pivots afresh (a new integration reusing this object). */
    void forgetFactorisation() {
        haveStructure = false;
    }

    /** Entries of L and U together (after a factorisation), a measure of fill-in. */
    int factorEntries() {
        return lStart[n] + uStart[n];
    }

    /**
     * Factors W = c I - J for J's values in pattern order. Returns false when W is singular to
     * working precision or holds a NaN or infinity.
     */
    boolean factor(double[] jacobianValues, double c) {
        return factor(jacobianValues, c, null);
    }

    /**
     * Factors W = c M - J for J's values in pattern order and M diagonal ({@code mass}, null for
     * the identity; a zero there is an algebraic row, whose pivot then comes from J alone).
     */
    boolean factor(double[] jacobianValues, double c, double[] mass) {
        Arrays.fill(wValue, 0.0);
        for (int k = 0; k < fromJacobian.length; k++) {
            wValue[fromJacobian[k]] = -jacobianValues[k];
        }
        for (int i = 0; i < n; i++) {
            wValue[diagonal[i]] += mass == null ? c : c * mass[i];
        }
        for (double v : wValue) {
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                return false;
            }
        }
        if (haveStructure && refactor()) {
            refactorisations++;
            return true;
        }
        fullFactorisations++;
        haveStructure = factorWithPivoting();
        return haveStructure;
    }

    /** Numeric factorisation on the stored patterns and pivots; false if a pivot became too small. */
    private boolean refactor() {
        for (int k = 0; k < n; k++) {
            int col = q[k];
            for (int p = wStart[col]; p < wStart[col + 1]; p++) {
                x[pinv[wRow[p]]] = wValue[p];
            }
            int uEnd = uStart[k + 1] - 1; // the diagonal is last
            for (int u = uStart[k]; u < uEnd; u++) {
                int r = uRow[u];
                double v = x[r];
                uValue[u] = v;
                x[r] = 0;
                if (v != 0) {
                    for (int l = lStart[r] + 1; l < lStart[r + 1]; l++) {
                        x[lRow[l]] -= lValue[l] * v;
                    }
                }
            }
            double pivot = x[k];
            x[k] = 0;
            uValue[uEnd] = pivot;
            double big = 0;
            for (int l = lStart[k] + 1; l < lStart[k + 1]; l++) {
                big = Math.max(big, Math.abs(x[lRow[l]]));
            }
            if (!(Math.abs(pivot) > 0) || Math.abs(pivot) < REFACTOR_TOLERANCE * big || !(big <= Double.MAX_VALUE)) {
                for (int l = lStart[k] + 1; l < lStart[k + 1]; l++) {
                    x[lRow[l]] = 0;
                }
                return false;
            }
            double inv = 1.0 / pivot;
            for (int l = lStart[k] + 1; l < lStart[k + 1]; l++) {
                int i = lRow[l];
                lValue[l] = x[i] * inv;
                x[i] = 0;
            }
        }
        return true;
    }

    /** Gilbert-Peierls LU with threshold partial pivoting (cs_lu); finds the patterns and pivots. */
    private boolean factorWithPivoting() {
        Arrays.fill(pinv, -1);
        int lnz = 0;
        int unz = 0;
        for (int k = 0; k < n; k++) {
            lStart[k] = lnz;
            uStart[k] = unz;
            if (lnz + n > lRow.length) {
                lRow = Arrays.copyOf(lRow, 2 * lRow.length + n);
                lValue = Arrays.copyOf(lValue, lRow.length);
            }
            if (unz + n > uRow.length) {
                uRow = Arrays.copyOf(uRow, 2 * uRow.length + n);
                uValue = Arrays.copyOf(uValue, uRow.length);
            }
            int col = q[k];
            int top = solveColumn(col);
            int pivotRow = -1;
            double biggest = -1;
            for (int p = top; p < n; p++) {
                int i = reach[p];
                if (pinv[i] < 0) {
                    double t = Math.abs(x[i]);
                    if (t > biggest) {
                        biggest = t;
                        pivotRow = i;
                    }
                } else {
                    uRow[unz] = pinv[i];
                    uValue[unz++] = x[i];
                }
            }
            if (pivotRow < 0 || !(biggest > 0) || !(biggest <= Double.MAX_VALUE)) {
                clear(top);
                return false;
            }
            if (pinv[col] < 0 && Math.abs(x[col]) >= PIVOT_TOLERANCE * biggest) {
                pivotRow = col;
            }
            double pivot = x[pivotRow];
            uRow[unz] = k;
            uValue[unz++] = pivot;
            pinv[pivotRow] = k;
            lRow[lnz] = pivotRow;
            lValue[lnz++] = 1;
            for (int p = top; p < n; p++) {
                int i = reach[p];
                if (pinv[i] < 0) {
                    lRow[lnz] = i;
                    lValue[lnz++] = x[i] / pivot;
                }
                x[i] = 0;
            }
        }
        lStart[n] = lnz;
        uStart[n] = unz;
        for (int p = 0; p < lnz; p++) {
            lRow[p] = pinv[lRow[p]];
        }
        return true;
    }

    private void clear(int top) {
        for (int p = top; p < n; p++) {
            x[reach[p]] = 0;
        }
    }

    /** x = L \ W(:, col) over the rows reachable from the column's entries; returns the start of the reach. */
    private int solveColumn(int col) {
        int top = reachFrom(col);
        for (int p = wStart[col]; p < wStart[col + 1]; p++) {
            x[wRow[p]] = wValue[p];
        }
        for (int px = top; px < n; px++) {
            int j = reach[px];
            int step = pinv[j];
            if (step < 0) {
                continue;
            }
            double xj = x[j];
            for (int p = lStart[step] + 1; p < lStart[step + 1]; p++) {
                x[lRow[p]] -= lValue[p] * xj;
            }
        }
        return top;
    }

    /** The rows reachable in the graph of L from W(:, col), in topological order in reach[top..n-1]. */
    private int reachFrom(int col) {
        stamp++;
        int top = n;
        for (int p = wStart[col]; p < wStart[col + 1]; p++) {
            int i = wRow[p];
            if (visited[i] != stamp) {
                top = depthFirst(i, top);
            }
        }
        return top;
    }

    /** Non-recursive depth-first search from row j (cs_dfs). */
    private int depthFirst(int j, int top) {
        int head = 0;
        stack[0] = j;
        while (head >= 0) {
            j = stack[head];
            int step = pinv[j];
            if (visited[j] != stamp) {
                visited[j] = stamp;
                positions[head] = step < 0 ? 0 : lStart[step] + 1;
            }
            boolean done = true;
            int end = step < 0 ? 0 : lStart[step + 1];
            for (int p = positions[head]; p < end; p++) {
                int i = lRow[p];
                if (visited[i] == stamp) {
                    continue;
                }
                positions[head] = p + 1;
                stack[++head] = i;
                done = false;
                break;
            }
            if (done) {
                head--;
                reach[--top] = j;
            }
        }
        return top;
    }

    /** Solves W x = b in place (b becomes x), after a successful {@link #factor}. */
    void solve(double[] b) {
        final double[] y = work;
        for (int i = 0; i < n; i++) {
            y[pinv[i]] = b[i];
        }
        for (int j = 0; j < n; j++) {
            double yj = y[j];
            if (yj != 0) {
                for (int p = lStart[j] + 1; p < lStart[j + 1]; p++) {
                    y[lRow[p]] -= lValue[p] * yj;
                }
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            int d = uStart[j + 1] - 1;
            double yj = y[j] / uValue[d];
            y[j] = yj;
            if (yj != 0) {
                for (int p = uStart[j]; p < d; p++) {
                    y[uRow[p]] -= uValue[p] * yj;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            b[q[k]] = y[k];
        }
    }
}
