package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.util.SparsityPattern;

/**
 * The iteration matrix W = c M - J of a differential-algebraic system M y' = f (M diagonal, zero
 * on algebraic rows) in both linear-algebra paths: dense below {@link
 * IterationMatrix#SPARSE_MIN_SIZE} states or without a pattern, sparse above.
 *
 * <p>The test system has m differential components y_i and m algebraic ones z_i (interleaved:
 * y_i at 2i, z_i at 2i+1): y_i' = -a_i y_i + z_i and 0 = b y_i - z_i + z_(i+1) (z_m = 0), so
 * z_i = b (y_i + ... + y_(m-1)). The independent reference is the equivalent ordinary system
 * y' = A y with A upper triangular (A_ii = b - a_i, A_ij = b for j > i), solved by Dop853 at
 * rtol 1e-12: a different method on a different formulation.
 */
class MassMatrixTest {
    private static final double B = 0.3;

    private static double rate(int i) {
        return 0.5 + 40.0 * i; // stiff: eigenvalues b - a_i from -0.2 to about -600
    }

    /** The DAE with 2m components; with a pattern (sparse-capable) or without (dense). */
    static OdeFunction dae(int m, boolean withPattern) {
        int n = 2 * m;
        int[] rowStart = new int[n + 1];
        int[] columns = new int[5 * m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            rowStart[2 * i] = k;
            columns[k++] = 2 * i;
            columns[k++] = 2 * i + 1;
            rowStart[2 * i + 1] = k;
            columns[k++] = 2 * i;
            columns[k++] = 2 * i + 1;
            if (i + 1 < m) {
                columns[k++] = 2 * i + 3;
            }
        }
        rowStart[n] = k;
        SparsityPattern pattern = new SparsityPattern(n, rowStart, java.util.Arrays.copyOf(columns, k));
        int[] algebraic = new int[m];
        for (int i = 0; i < m; i++) {
            algebraic[i] = 2 * i + 1;
        }
        return new OdeFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dy) {
                for (int i = 0; i < m; i++) {
                    dy[2 * i] = -rate(i) * y[2 * i] + y[2 * i + 1];
                    dy[2 * i + 1] = B * y[2 * i] - y[2 * i + 1] + (i + 1 < m ? y[2 * i + 3] : 0);
                }
            }

            @Override
            public void jacobian(double t, double[] y, double[] jac) {
                double[] values = new double[pattern.nonZeros()];
                jacobianValues(t, y, values);
                pattern.scatter(values, jac);
            }

            @Override
            public SparsityPattern jacobianPattern() {
                return withPattern ? pattern : null;
            }

            @Override
            public void jacobianValues(double t, double[] y, double[] v) {
                int p = 0;
                for (int i = 0; i < m; i++) {
                    v[p++] = -rate(i);
                    v[p++] = 1;
                    v[p++] = B;
                    v[p++] = -1;
                    if (i + 1 < m) {
                        v[p++] = 1;
                    }
                }
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return true;
            }

            @Override
            public boolean isAutonomous() {
                return true;
            }

            @Override
            public int[] algebraicComponents() {
                return algebraic.clone();
            }
        };
    }

    /** Consistent initial state: y_i = 1, z_i = b (m - i). */
    static double[] start(int m) {
        double[] y = new double[2 * m];
        for (int i = 0; i < m; i++) {
            y[2 * i] = 1;
            y[2 * i + 1] = B * (m - i);
        }
        return y;
    }

    static double[] reference(int m, double tEnd) {
        OdeFunction ode = TestProblems.ode(m, true, (t, y, dy) -> {
            double tail = 0;
            for (int i = m - 1; i >= 0; i--) {
                tail += y[i];
                dy[i] = -rate(i) * y[i] + B * tail;
            }
        }, null);
        double[] y0 = new double[m];
        java.util.Arrays.fill(y0, 1);
        return Measure.endState(new Dop853(), ode, y0, tEnd, Measure.context(m, 1e-12, 1e-14));
    }

    /**
     * 8 components (dense by size), 30 without a pattern (dense), 30 and 200 with one (sparse):
     * every differential component within 1e-6 (absolute; values of order 1, rtol 1e-8, atol
     * 1e-10, so 100x the tolerance for global error accumulation) of the reference at t = 2, and
     * every algebraic component satisfies its rule to 1e-9.
     */
    @ParameterizedTest(name = "{0} components")
    @ValueSource(strings = {"4 dense rodas5p", "15 dense rodas5p", "15 sparse rodas5p", "100 sparse rodas5p",
            "4 dense bdf", "15 sparse bdf", "100 sparse bdf"})
    void differentialAlgebraicSystemInBothPaths(String spec) {
        String[] words = spec.split(" ");
        int m = Integer.parseInt(words[0]);
        boolean sparse = words[1].equals("sparse");
        Integrator method = Integrators.byName(words[2]);
        OdeFunction f = dae(m, sparse);
        assertThat(IterationMatrix.of(f).kind()).isEqualTo(sparse ? "sparse" : "dense");
        double tEnd = 2;
        double[] y = Measure.endState(method, f, start(m), tEnd, Measure.context(2 * m, 1e-8, 1e-10));
        double[] expected = reference(m, tEnd);
        for (int i = 0; i < m; i++) {
            assertThat(y[2 * i]).as("y_%d", i).isCloseTo(expected[i], within(1e-6));
            double rule = B * y[2 * i] - y[2 * i + 1] + (i + 1 < m ? y[2 * i + 3] : 0);
            assertThat(rule).as("algebraic rule %d", i).isCloseTo(0, within(1e-9));
        }
    }

    /** The sparse factorisation of c M - J solves like the dense one (same matrix, residual to rounding). */
    @Test
    void sparseAndDenseIterationMatricesAgree() {
        int m = 20;
        OdeFunction sparseF = dae(m, true);
        OdeFunction denseF = dae(m, false);
        IterationMatrix sparse = IterationMatrix.of(sparseF);
        IterationMatrix dense = IterationMatrix.of(denseF);
        double[] y = start(m);
        SolverStatistics stats = new SolverStatistics();
        double[] scratch = new double[2 * m];
        sparse.evaluate(sparseF, 0, y, scratch, scratch.clone(), scratch.clone(), stats);
        dense.evaluate(denseF, 0, y, scratch, scratch.clone(), scratch.clone(), stats);
        for (double c : new double[] {1e-3, 1, 1e4}) {
            assertThat(sparse.factor(c)).isTrue();
            assertThat(dense.factor(c)).isTrue();
            double[] a = new double[2 * m];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.sin(i + 1.0);
            }
            double[] b = a.clone();
            sparse.solve(a);
            dense.solve(b);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("c=%s component %d", c, i).isCloseTo(b[i], within(1e-10 * (1 + Math.abs(b[i]))));
            }
        }
    }
}
