package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osteon.solve.SolverException.Reason;
import org.osteon.solve.SteadyState.Eigenvalue;
import org.osteon.solve.SteadyState.Method;
import org.osteon.solve.SteadyState.Stability;

class SteadyStateSolverTest {
    private final SteadyStateSolver solver = new SteadyStateSolver();

    /**
     * Komarova et al. 2003 (Bone 33:206): x1' = a1 x1^g11 x2^g21 - b1 x1, x2' = a2 x1^g12 x2^g22 - b2 x2.
     * With a1 = 3, a2 = 4, b1 = 0.2, b2 = 0.02, g11 = 0.5, g21 = -0.5, g12 = 1, g22 = 0 the
     * equilibrium (by hand: x2 = (a2/b2) x1 = 200 x1 and 3 sqrt(x1/x2) = 0.2 x1) is
     * x1 = 15/sqrt(200) = 1.0606601717798212, x2 = 212.13203435596427; the Jacobian there is
     * [[g11 b1 - b1, g21 b1 x1/x2], [g12 b2 x2/x1, g22 b2 - b2]] = [[-0.1, -0.0005], [4, -0.02]],
     * trace -0.12, determinant 0.004, eigenvalues -0.06 +- 0.02i, period 2 pi / 0.02 = 314.159 days.
     */
    static OdeFunction komarova(boolean analyticJacobian) {
        double a1 = 3;
        double a2 = 4;
        double b1 = 0.2;
        double b2 = 0.02;
        double g11 = 0.5;
        double g21 = -0.5;
        double g12 = 1;
        double g22 = 0;
        return TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = a1 * Math.pow(y[0], g11) * Math.pow(y[1], g21) - b1 * y[0];
            dy[1] = a2 * Math.pow(y[0], g12) * Math.pow(y[1], g22) - b2 * y[1];
        }, !analyticJacobian ? null : (t, y, j) -> {
            j[0] = a1 * g11 * Math.pow(y[0], g11 - 1) * Math.pow(y[1], g21) - b1;
            j[1] = a1 * g21 * Math.pow(y[0], g11) * Math.pow(y[1], g21 - 1);
            j[2] = a2 * g12 * Math.pow(y[0], g12 - 1) * Math.pow(y[1], g22);
            j[3] = a2 * g22 * Math.pow(y[0], g12) * Math.pow(y[1], g22 - 1) - b2;
        });
    }

    static final double X1 = 1.0606601717798212;
    static final double X2 = 212.13203435596427;

    /** State to 1e-9 relative; eigenvalues to 1e-9 (analytic J) or 1e-6 (finite differences, error ~ sqrt(eps)). */
    @Test
    void komarovaEquilibriumAndDampedOscillation() {
        for (boolean analytic : new boolean[] {true, false}) {
            for (double[] guess : new double[][] {{1, 200}, {5, 50}, {0.2, 1000}}) {
                SteadyState s = solver.solve(komarova(analytic), SteadyStateSolver.Options.of(guess));
                assertThat(s.state()[0]).isCloseTo(X1, offset(1e-9 * X1));
                assertThat(s.state()[1]).isCloseTo(X2, offset(1e-9 * X2));
                assertThat(s.method()).isEqualTo(Method.NEWTON);
                assertThat(s.stability()).isEqualTo(Stability.STABLE_OSCILLATORY);
                double tol = analytic ? 1e-9 : 1e-6;
                assertThat(s.eigenvalues()).hasSize(2);
                for (Eigenvalue e : s.eigenvalues()) {
                    assertThat(e.real()).isCloseTo(-0.06, offset(tol));
                    assertThat(Math.abs(e.imaginary())).isCloseTo(0.02, offset(tol));
                }
                assertThat(s.period()).isCloseTo(2 * Math.PI / 0.02, offset(analytic ? 1e-5 : 1e-2));
                assertThat(s.oscillatory()).isTrue();
                assertThat(s.residualNorm()).isLessThan(1e-12);
                Measure.report("Komarova guess " + java.util.Arrays.toString(guess) + " analytic J=" + analytic + ": "
                        + java.util.Arrays.toString(s.state()) + " " + s.method() + " in " + s.iterations()
                        + " iterations, eigenvalues " + s.eigenvalues() + ", period " + s.period() + ", residual " + s.residualNorm());
            }
        }
    }

    /**
     * Linear y' = A y + b with A upper triangular [[-1, 2, 0], [0, -2, 3], [0, 0, -3]], b = (1, 1, 3):
     * eigenvalues are the diagonal (-1, -2, -3), equilibrium by back substitution y3 = 1, y2 = 2,
     * y1 = 5. Newton converges in one step (two iterations with the convergence check); exact to 1e-12.
     */
    @Test
    void linearSystemWithKnownEquilibriumAndEigenvalues() {
        OdeFunction f = TestProblems.ode(3, true, (t, y, dy) -> {
            dy[0] = -y[0] + 2 * y[1] + 1;
            dy[1] = -2 * y[1] + 3 * y[2] + 1;
            dy[2] = -3 * y[2] + 3;
        }, (t, y, j) -> {
            double[] a = {-1, 2, 0, 0, -2, 3, 0, 0, -3};
            System.arraycopy(a, 0, j, 0, 9);
        });
        SteadyState s = solver.solve(f, SteadyStateSolver.Options.of(new double[] {0, 0, 0}));
        assertThat(s.state()).containsExactly(new double[] {5, 2, 1}, offset(1e-12));
        assertThat(s.method()).isEqualTo(Method.NEWTON);
        assertThat(s.iterations()).isLessThanOrEqualTo(2);
        double[] re = s.eigenvalues().stream().mapToDouble(Eigenvalue::real).toArray();
        double[] im = s.eigenvalues().stream().mapToDouble(Eigenvalue::imaginary).toArray();
        assertThat(re).containsExactly(new double[] {-1, -2, -3}, offset(1e-12));
        assertThat(im).containsExactly(new double[] {0, 0, 0}, offset(1e-12));
        assertThat(s.stability()).isEqualTo(Stability.STABLE);
        assertThat(s.period()).isNaN();
    }

    /** y' = [[-1, -4], [4, -1]] (y - (1, 2)): eigenvalues -1 +- 4i, period 2 pi / 4 (exact to 1e-12). */
    @Test
    void linearFocus() {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = -(y[0] - 1) - 4 * (y[1] - 2);
            dy[1] = 4 * (y[0] - 1) - (y[1] - 2);
        }, null);
        SteadyState s = solver.solve(f, SteadyStateSolver.Options.of(new double[] {10, -10}));
        assertThat(s.state()).containsExactly(new double[] {1, 2}, offset(1e-10));
        assertThat(s.stability()).isEqualTo(Stability.STABLE_OSCILLATORY);
        assertThat(s.period()).isCloseTo(Math.PI / 2, offset(1e-6));
    }

    /**
     * A conservation law: mineral moving between a vascular pool v and bone b with
     * v' = -(0.3 v - 0.1 b^2) = -b', plus an independent z' = 1 - 0.5 z. v + b = 3 is conserved,
     * so J is singular and the equilibria form a family; from (2, 1, 0) the one on v + b = 3 has
     * 0.3 (3 - b) = 0.1 b^2, b = (-3 + sqrt(45)) / 2 = 1.8541019662496845, v = 1.1458980337503155,
     * z = 2. Newton must give up (singular J) and pseudo-transient continuation find it, keeping
     * v + b = 3 to 1e-12; eigenvalues 0, -0.5 and -(0.3 + 0.2 b) -> NEUTRAL.
     */
    @Test
    void singularJacobianFromAConservationLawIsSolvedByContinuation() {
        OdeFunction f = TestProblems.ode(3, true, (t, y, dy) -> {
            double flux = 0.3 * y[0] - 0.1 * y[1] * y[1];
            dy[0] = -flux;
            dy[1] = flux;
            dy[2] = 1 - 0.5 * y[2];
        }, (t, y, j) -> {
            java.util.Arrays.fill(j, 0);
            j[0] = -0.3;
            j[1] = 0.2 * y[1];
            j[3] = 0.3;
            j[4] = -0.2 * y[1];
            j[8] = -0.5;
        });
        SteadyState s = solver.solve(f, SteadyStateSolver.Options.of(new double[] {2, 1, 0}));
        double b = (-3 + Math.sqrt(45)) / 2;
        assertThat(s.method()).isEqualTo(Method.PSEUDO_TRANSIENT);
        assertThat(s.state()).containsExactly(new double[] {3 - b, b, 2}, offset(1e-9));
        assertThat(s.state()[0] + s.state()[1]).isCloseTo(3, offset(1e-12));
        assertThat(s.stability()).isEqualTo(Stability.NEUTRAL);
        assertThat(s.eigenvalues().get(0).real()).isCloseTo(0, offset(1e-12));
        assertThat(s.eigenvalues().get(2).real()).isCloseTo(-(0.3 + 0.2 * b), offset(1e-12));
        Measure.report("conservation law: " + java.util.Arrays.toString(s.state()) + " by " + s.method() + " in "
                + s.iterations() + " iterations, eigenvalues " + s.eigenvalues());
    }

    /**
     * A saddle: y0' = y0 - y0^3 - y1, y1' = y0 - 2 y1 at the origin has J = [[1, -1], [1, -2]],
     * eigenvalues (-1 +- sqrt 5)/2 = 0.618.., -1.618..: UNSTABLE.
     */
    @Test
    void unstableEquilibrium() {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = y[0] - y[0] * y[0] * y[0] - y[1];
            dy[1] = y[0] - 2 * y[1];
        }, null);
        SteadyState s = solver.solve(f, SteadyStateSolver.Options.of(new double[] {0.1, 0.1}));
        assertThat(s.state()).containsExactly(new double[] {0, 0}, offset(1e-12));
        assertThat(s.stability()).isEqualTo(Stability.UNSTABLE);
        assertThat(s.eigenvalues().get(0).real()).isCloseTo((Math.sqrt(5) - 1) / 2, offset(1e-7));
    }

    /** With only 2 iterations allowed, Newton (3 needed) and continuation fail from (30, 5); integrating towards the equilibrium first and polishing there works. */
    @Test
    void fallsBackToIntegration() {
        SteadyState s = solver.solve(komarova(true),
                SteadyStateSolver.Options.of(new double[] {30, 5}).withMaxIterations(2));
        assertThat(s.method()).isEqualTo(Method.INTEGRATION);
        assertThat(s.state()[0]).isCloseTo(X1, offset(1e-9 * X1));
        assertThat(s.state()[1]).isCloseTo(X2, offset(1e-9 * X2));
        Measure.report("integration fallback: " + s.iterations() + " steps+iterations");
    }

    /** y' = 1 + y^2 has no equilibrium: NO_CONVERGENCE, saying what each method ran into. */
    @Test
    void noEquilibriumIsReported() {
        OdeFunction f = TestProblems.ode(1, true, (t, y, dy) -> dy[0] = 1 + y[0] * y[0], (t, y, j) -> j[0] = 2 * y[0]);
        SolverException e = catchThrowableOfType(SolverException.class,
                () -> solver.solve(f, SteadyStateSolver.Options.of(new double[] {0.5})));
        assertThat(e.reason()).isEqualTo(Reason.NO_CONVERGENCE);
        assertThat(e.getMessage()).contains("Newton").contains("pseudo-transient").contains("integration")
                .contains("initial guess");
        Measure.report("no equilibrium: " + e.getMessage());
    }

    @Test
    void invalidInput() {
        assertThat(catchThrowableOfType(SolverException.class,
                () -> solver.solve(komarova(true), SteadyStateSolver.Options.of(new double[] {1}))).reason())
                .isEqualTo(Reason.INVALID_INPUT);
        SolverException e = catchThrowableOfType(SolverException.class,
                () -> solver.solve(komarova(true), SteadyStateSolver.Options.of(new double[] {1, Double.NaN})));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(e.component()).isEqualTo(1);
        // f undefined at the guess (sqrt of a negative number): NOT_FINITE naming the component
        e = catchThrowableOfType(SolverException.class,
                () -> solver.solve(komarova(true), SteadyStateSolver.Options.of(new double[] {-1, 200})));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FINITE);
        assertThat(e.component()).isZero();
    }

    /** The classification thresholds: real parts below 1e-9 |J| count as zero, imaginary parts below 1e-6 |J|. */
    @Test
    void classification() {
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(-1, 0), new Eigenvalue(-2, 0)), 2))
                .isEqualTo(Stability.STABLE);
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(-1, 1e-9), new Eigenvalue(-1, -1e-9)), 2))
                .as("rounding-level imaginary parts of a double real eigenvalue").isEqualTo(Stability.STABLE);
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(-1, 0.5), new Eigenvalue(-1, -0.5)), 2))
                .isEqualTo(Stability.STABLE_OSCILLATORY);
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(1e-17, 0), new Eigenvalue(-1, 0)), 2))
                .isEqualTo(Stability.NEUTRAL);
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(0, 1), new Eigenvalue(0, -1)), 1))
                .as("a centre").isEqualTo(Stability.NEUTRAL);
        assertThat(SteadyStateSolver.classify(List.of(new Eigenvalue(1e-3, 0), new Eigenvalue(-1, 0)), 2))
                .isEqualTo(Stability.UNSTABLE);
        assertThat(SteadyStateSolver.period(List.of(new Eigenvalue(-0.01, 0), new Eigenvalue(-0.1, 2), new Eigenvalue(-0.1, -2)), 2))
                .isCloseTo(Math.PI, offset(1e-15));
    }
}
