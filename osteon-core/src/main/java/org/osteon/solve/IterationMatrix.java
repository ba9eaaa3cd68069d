package org.osteon.solve;

import org.osteon.solve.SolverException.Reason;
import org.osteon.util.SparsityPattern;

/**
 * The Jacobian J of the right-hand side at one point and the iteration matrix W = c M - J that
 * implicit methods factor and solve with (c = 1/(h gamma) for Rosenbrock methods, 1/(h beta) for
 * BDF). M is the diagonal mass matrix of M y' = f: the identity, except zeros on the rows of a
 * differential-algebraic system's algebraic components ({@link OdeFunction#algebraicComponents}). Dense storage and {@link DenseLU} for small systems; the function's {@link
 * SparsityPattern} and {@link SparseLU} for large sparse ones, chosen by {@link #of}. Not
 * thread-safe; one per integration.
 */
abstract class IterationMatrix {
    /**
     * Sparse linear algebra from this many states on, with a known pattern of at most {@link
     * #SPARSE_MAX_DENSITY} of the entries. Measured with osteon-bench {@code
     * IterationMatrixBenchmark} (one factorisation and solve of the BMU chain's iteration matrix):
     * 12 states 2.4 us dense, 2.6 us sparse; 36 states 17 us against 9 us; 72 states 134 us
     * against 24 us; 3000 states 223 ms against 0.96 ms. Sparse wins from about 24 states on such
     * a pattern; the threshold is set at 24 so that all published models (at most 22 states, with
     * denser Jacobians) keep the dense path whose speed is recorded in docs/performance.md.
     */
    static final int SPARSE_MIN_SIZE = 24;
    static final double SPARSE_MAX_DENSITY = 0.25;

    final int n;
    /** The diagonal of M: 1 for a differential component, 0 for an algebraic one; null when M = I. */
    final double[] mass;

    IterationMatrix(int n, double[] mass) {
        this.n = n;
        this.mass = mass;
    }

    /** M's diagonal for f, or null when f has no algebraic components. */
    static double[] massDiagonal(OdeFunction f) {
        int[] algebraic = f.algebraicComponents();
        if (algebraic.length == 0) {
            return null;
        }
        double[] m = new double[f.dimension()];
        java.util.Arrays.fill(m, 1.0);
        for (int i : algebraic) {
            m[i] = 0.0;
        }
        return m;
    }

    /** Dense or sparse for f, by size and density of its Jacobian pattern. */
    static IterationMatrix of(OdeFunction f) {
        SparsityPattern pattern = f.hasAnalyticJacobian() ? f.jacobianPattern() : null;
        int n = f.dimension();
        if (pattern != null && n >= SPARSE_MIN_SIZE && pattern.nonZeros() <= SPARSE_MAX_DENSITY * n * (double) n) {
            return new Sparse(pattern, massDiagonal(f));
        }
        return new Dense(n, pattern, massDiagonal(f));
    }

    /** Dense whatever the size (for comparisons). */
    static IterationMatrix dense(OdeFunction f) {
        return new Dense(f.dimension(), f.hasAnalyticJacobian() ? f.jacobianPattern() : null, massDiagonal(f));
    }

    /** Sparse (f must have an analytic Jacobian with a pattern). */
    static IterationMatrix sparse(OdeFunction f) {
        return new Sparse(f.jacobianPattern(), massDiagonal(f));
    }

    /**
     * J at (t, y): the analytic Jacobian when f has one, otherwise forward differences (n
     * evaluations of f, counted; {@code f0 = f(t, y)}, {@code yWork} and {@code fWork} are
     * scratch). Throws {@link Reason#NOT_FINITE} naming the entry if J is not finite.
     */
    abstract void evaluate(OdeFunction f, double t, double[] y, double[] f0, double[] yWork, double[] fWork,
                           SolverStatistics stats);

    /** Factors W = c M - J; false when it is singular to working precision (or not finite). */
    abstract boolean factor(double c);

    /**
     * Before reuse by another integration (see {@link SolverWorkspace}): the next {@link #factor}
     * chooses its pivots afresh, as a new matrix would, so a reused matrix gives the same numbers.
     */
    void forgetFactorisation() {
    }

    /** Solves W x = b in place after a successful {@link #factor}. */
    abstract void solve(double[] b);

    /** "dense" or "sparse", for statistics and messages. */
    abstract String kind();

    static SolverException notFinite(double t, int row, int column, double value) {
        return new SolverException(Reason.NOT_FINITE, t, row, "the Jacobian entry d f/d y_" + column
                + " of component " + row + " is " + value + " at t=" + t);
    }

    /** Row-major n*n Jacobian and dense LU. */
    static final class Dense extends IterationMatrix {
        private final double[] jac;
        private final SparsityPattern pattern;
        private final double[] values;
        private final DenseLU lu;

        Dense(int n, SparsityPattern pattern, double[] mass) {
            super(n, mass);
            this.jac = new double[n * n];
            this.pattern = pattern;
            this.values = pattern == null ? null : new double[pattern.nonZeros()];
            this.lu = new DenseLU(n);
        }

        @Override
        void evaluate(OdeFunction f, double t, double[] y, double[] f0, double[] yWork, double[] fWork,
                      SolverStatistics stats) {
            if (pattern != null) {
                f.jacobianValues(t, y, values);
                pattern.scatter(values, jac);
            } else if (f.hasAnalyticJacobian()) {
                f.jacobian(t, y, jac);
            } else {
                System.arraycopy(y, 0, yWork, 0, n);
                FiniteDifferences.jacobian(f, t, y, f0, jac, yWork, fWork);
                stats.functionEvaluations += n;
            }
            stats.jacobianEvaluations++;
            for (int i = 0; i < n * n; i++) {
                if (!Double.isFinite(jac[i])) {
                    throw notFinite(t, i / n, i % n, jac[i]);
                }
            }
        }

        @Override
        boolean factor(double c) {
            double[] w = lu.matrix();
            for (int i = 0; i < n * n; i++) {
                w[i] = -jac[i];
            }
            for (int i = 0; i < n; i++) {
                w[i * n + i] += mass == null ? c : c * mass[i];
            }
            return lu.factor();
        }

        @Override
        void solve(double[] b) {
            lu.solve(b);
        }

        @Override
        String kind() {
            return "dense";
        }
    }

    /** Jacobian values in pattern order and {@link SparseLU}. */
    static final class Sparse extends IterationMatrix {
        private final SparsityPattern pattern;
        private final double[] values;
        final SparseLU lu;

        Sparse(SparsityPattern pattern, double[] mass) {
            super(pattern.size(), mass);
            this.pattern = pattern;
            this.values = new double[pattern.nonZeros()];
            this.lu = new SparseLU(pattern);
        }

        @Override
        void evaluate(OdeFunction f, double t, double[] y, double[] f0, double[] yWork, double[] fWork,
                      SolverStatistics stats) {
            f.jacobianValues(t, y, values);
            stats.jacobianEvaluations++;
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k])) {
                    int row = 0;
                    while (pattern.rowStart(row + 1) <= k) {
                        row++;
                    }
                    throw notFinite(t, row, pattern.column(k), values[k]);
                }
            }
        }

        @Override
        boolean factor(double c) {
            return lu.factor(values, c, mass);
        }

        @Override
        void forgetFactorisation() {
            lu.forgetFactorisation();
        }

        @Override
        void solve(double[] b) {
            lu.solve(b);
        }

        @Override
        String kind() {
            return "sparse";
        }
    }
}
