package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.util.SparsityPattern;

/**
 * The statistics every integrator reports are the work it really did: right-hand-side and
 * Jacobian evaluations counted by a wrapper around the function, accepted steps counted by the
 * step listener. Checked on a stiff problem with an analytic Jacobian (ROBER, to t = 40), the
 * same by finite differences (each Jacobian costs n evaluations), a non-autonomous problem
 * (Rosenbrock methods difference f in t), a 40-cell sparse chain (the sparse iteration matrix
 * reads the Jacobian in pattern order) and y' = -sqrt(y), whose trial stages leave the domain
 * near y = 0 (NaN; the attempt is retried and its evaluations still count). Each run also
 * meets its closed form or reference value, so a miscount cannot hide behind a wrong answer.
 */
class SolverAccountingTest {
    /** Counts the calls made to f. */
    static final class Counting implements OdeFunction {
        final OdeFunction f;
        long derivatives;
        long jacobians;
        long nans;

        Counting(OdeFunction f) {
            this.f = f;
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            derivatives++;
            f.derivatives(t, y, dydt);
            for (double v : dydt) {
                if (Double.isNaN(v)) {
                    nans++;
                    break;
                }
            }
        }

        @Override
        public void jacobian(double t, double[] y, double[] dfdy) {
            if (f.hasAnalyticJacobian()) {
                jacobians++;
                f.jacobian(t, y, dfdy);
            } else {
                FiniteDifferences.jacobian(this, t, y, dfdy);
            }
        }

        @Override
        public SparsityPattern jacobianPattern() {
            return f.jacobianPattern();
        }

        @Override
        public void jacobianValues(double t, double[] y, double[] values) {
            jacobians++;
            f.jacobianValues(t, y, values);
        }

        @Override
        public boolean hasAnalyticJacobian() {
            return f.hasAnalyticJacobian();
        }

        @Override
        public boolean isAutonomous() {
            return f.isAutonomous();
        }
    }

    private static SolverStatistics run(String method, Counting f, double t0, double[] y0, double tEnd, double rtol,
                                        double[] result) {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(y0.length, rtol, rtol * 1e-3), 1_000_000, 0);
        long[] steps = new long[1];
        double[] y = y0.clone();
        double end = Integrators.byName(method).integrate(f, t0, y, tEnd, s -> {
            steps[0]++;
            System.arraycopy(s.endState(), 0, result, 0, result.length);
            return true;
        }, ctx);
        assertThat(end).isEqualTo(tEnd);
        SolverStatistics st = ctx.statistics();
        assertThat(st.functionEvaluations).as("%s: f evaluations", method).isEqualTo(f.derivatives);
        assertThat(st.acceptedSteps).as("%s: accepted steps", method).isEqualTo(steps[0]);
        assertThat(st.acceptedSteps).isPositive();
        return st;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bdf", "rodas5p", "auto"})
    void stiffProblemWithAnalyticJacobian(String method) {
        Counting f = new Counting(TestProblems.rober());
        double[] y = new double[3];
        SolverStatistics st = run(method, f, 0, TestProblems.ROBER_Y0, 40, 1e-6, y);
        assertThat(st.jacobianEvaluations).as("J evaluations").isEqualTo(f.jacobians).isPositive();
        // Hairer and Wanner II, sec. IV.10 (and the Bari test set): y at t = 40
        assertThat(y[0]).isCloseTo(0.7158270687193587, within(1e-4));
        assertThat(y[0] + y[1] + y[2]).isCloseTo(1, within(1e-6)); // mass is conserved by every linear multistep and Rosenbrock step
    }

    @ParameterizedTest
    @ValueSource(strings = {"bdf", "rodas5p"})
    void stiffProblemWithFiniteDifferenceJacobian(String method) {
        OdeFunction rober = TestProblems.rober();
        Counting f = new Counting(TestProblems.ode(3, true, rober::derivatives, null));
        double[] y = new double[3];
        SolverStatistics st = run(method, f, 0, TestProblems.ROBER_Y0, 40, 1e-6, y);
        assertThat(f.jacobians).isZero();
        assertThat(st.jacobianEvaluations).isPositive();
        assertThat(y[0]).isCloseTo(0.7158270687193587, within(1e-4));
    }

    /** y' = -50 (y - cos t), y(0) = 0: y = 2500/2501 (cos t + sin t / 50) - 2500/2501 e^(-50 t). */
    @ParameterizedTest
    @ValueSource(strings = {"bdf", "rodas5p", "dopri5", "dop853", "auto"})
    void nonAutonomousProblem(String method) {
        Counting f = new Counting(TestProblems.ode(1, false, (t, y, dy) -> dy[0] = -50 * (y[0] - Math.cos(t)),
                (t, y, j) -> j[0] = -50));
        double[] y = new double[1];
        run(method, f, 0, new double[] {0}, 2, 1e-8, y);
        double c = 2500.0 / 2501;
        assertThat(y[0]).isCloseTo(c * (Math.cos(2) + Math.sin(2) / 50) - c * Math.exp(-100), within(1e-6));
    }

    /** x_0' = 1 - x_0, x_i' = x_{i-1} - x_i (i < 40) from 0: x_0 = 1 - e^-t, x_1 = 1 - e^-t (1 + t). */
    @ParameterizedTest
    @ValueSource(strings = {"bdf", "rodas5p"})
    void sparseChain(String method) {
        int n = 40;
        int[] starts = new int[n + 1];
        int[] cols = new int[2 * n - 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                cols[k++] = i - 1;
            }
            cols[k++] = i;
            starts[i + 1] = k;
        }
        SparsityPattern pattern = new SparsityPattern(n, starts, cols);
        OdeFunction chain = new OdeFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                for (int i = 0; i < n; i++) {
                    dydt[i] = (i == 0 ? 1 : y[i - 1]) - y[i];
                }
            }

            @Override
            public SparsityPattern jacobianPattern() {
                return pattern;
            }

            @Override
            public void jacobianValues(double t, double[] y, double[] values) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = pattern.column(i) == rowOf(i) ? -1 : 1;
                }
            }

            private int rowOf(int entry) {
                int r = 0;
                while (pattern.rowStart(r + 1) <= entry) {
                    r++;
                }
                return r;
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return true;
            }

            @Override
            public boolean isAutonomous() {
                return true;
            }
        };
        assertThat(IterationMatrix.of(chain).kind()).isEqualTo("sparse");
        Counting f = new Counting(chain);
        double[] y = new double[n];
        SolverStatistics st = run(method, f, 0, new double[n], 3, 1e-8, y);
        assertThat(st.jacobianEvaluations).isEqualTo(f.jacobians).isPositive();
        assertThat(y[0]).isCloseTo(1 - Math.exp(-3), within(1e-6));
        assertThat(y[1]).isCloseTo(1 - Math.exp(-3) * 4, within(1e-6));
    }

    /** y' = -sqrt(y), y(0) = 1: y = (1 - t/2)^2; near t = 2 (coarse rtol 1e-3) trial stages go below 0 and give NaN. */
    @ParameterizedTest
    @ValueSource(strings = {"bdf", "rodas5p", "dopri5", "dop853"})
    void stagesOutsideTheDomainStillCount(String method) {
        Counting f = new Counting(TestProblems.ode(1, true, (t, y, dy) -> dy[0] = -Math.sqrt(y[0]),
                (t, y, j) -> j[0] = -0.5 / Math.sqrt(y[0])));
        double[] y = new double[1];
        double end = method.equals("rodas5p") ? 1.999 : 1.9999;
        run(method, f, 0, new double[] {1}, end, 1e-3, y);
        assertThat(y[0]).isCloseTo(Math.pow(1 - end / 2, 2), within(1e-4));
        assertThat(f.nans).as("trial stages met the edge of the domain").isPositive();
    }
}
