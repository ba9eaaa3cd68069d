package org.osteon.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.osteon.solve.SolverException.Reason;
import org.osteon.solve.SteadyState.Eigenvalue;
import org.osteon.solve.SteadyState.Method;
import org.osteon.solve.SteadyState.Stability;

/**
 * Finds an equilibrium f(t, y) = 0 of a right-hand side at a fixed time t, and classifies its
 * linear stability. Three methods, tried in turn from the initial guess:
 * <ol>
 * <li>damped Newton with backtracking on |f| ({@link SteadyStateIterations#newton});</li>
 * <li>pseudo-transient continuation with switched evolution relaxation
 * ({@link SteadyStateIterations#pseudoTransient}), which copes with a singular Jacobian, e.g. in
 * systems with conservation laws;</li>
 * <li>integration with {@link Rodas5P} (of the system frozen at t) until the state settles, that is
 * until its rate of change times the elapsed time is below 1e-6 of its size, then polishing by
 * Newton or continuation from there.</li>
 * </ol>
 * The eigenvalues of the Jacobian at the equilibrium come from Hipparchus's
 * {@link EigenDecompositionNonSymmetric}. A real part counts as zero when its magnitude is below
 * {@code 1e-9 |J|} (|J| the max row sum), an imaginary part when below {@code 1e-6 |J|}.
 * Thread-safe (no state).
 */
public final class SteadyStateSolver {
    static final double ZERO_REAL = 1e-9;
    static final double ZERO_IMAG = 1e-6;
    private static final double INTEGRATION_HORIZON = 1e15;
    private static final long INTEGRATION_STEPS = 100_000;

    /**
     * Settings of one solve.
     *
     * @param tolerances    convergence tolerances per state (a Newton update below them ends the
     *                      iteration)
     * @param maxIterations iteration limit of each of Newton and continuation
     * @param initialGuess  where the iterations start (length = dimension)
     * @param time          the time at which f is evaluated (irrelevant for autonomous f)
     */
    public record Options(Tolerances tolerances, int maxIterations, double[] initialGuess, double time) {
        public Options {
            initialGuess = initialGuess.clone();
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be positive: " + maxIterations);
            }
        }

        /** rtol 1e-10, atol 1e-12, 200 iterations, t = 0. */
        public static Options of(double[] initialGuess) {
            return new Options(Tolerances.of(initialGuess.length, 1e-10, 1e-12), 200, initialGuess, 0);
        }

        public Options withTolerances(Tolerances value) {
            return new Options(value, maxIterations, initialGuess, time);
        }

        public Options withMaxIterations(int value) {
            return new Options(tolerances, value, initialGuess, time);
        }

        public Options withTime(double value) {
            return new Options(tolerances, maxIterations, initialGuess, value);
        }

        @Override
        public double[] initialGuess() {
            return initialGuess.clone();
        }
    }

    /** Solves f(time, y) = 0; throws {@link Reason#NO_CONVERGENCE} when all three methods fail. */
    public SteadyState solve(OdeFunction f, Options options) {
        int n = f.dimension();
        double[] guess0 = options.initialGuess();
        if (guess0.length != n || options.tolerances().dimension() != n || SolverChecks.firstNonFinite(guess0) >= 0) {
            return solveAll(f, options); // reports the invalid input
        }
        FreeStates free = FreeStates.find(f, options);
        if (free.isEmpty()) {
            return solveAll(f, options);
        }
        // States nothing depends on (pure integrators such as a bone volume or a cumulative hazard)
        // make the Jacobian singular and leave a line of equilibria. Solve for the others with them
        // held, then require their own rates to vanish there too.
        SteadyState reduced = solveAll(free.reduce(f), free.reduce(options));
        double[] y = free.expand(reduced.state());
        double[] r = new double[f.dimension()];
        f.derivatives(options.time(), y, r);
        for (int j : free.indices()) {
            if (Math.abs(r[j]) > options.tolerances().scale(j, y[j], y[j])) {
                throw new SolverException(Reason.NO_CONVERGENCE, options.time(), j, "no steady state: component " + j
                        + " keeps changing at rate " + r[j] + " when the other states are at equilibrium (nothing in the"
                        + " model depends on it, so it drifts for ever)");
            }
        }
        return result(f, options.time(), y, reduced.method(), reduced.iterations());
    }

    private SteadyState solveAll(OdeFunction f, Options options) {
        int n = f.dimension();
        double[] guess = options.initialGuess();
        if (guess.length != n || options.tolerances().dimension() != n) {
            throw SolverChecks.invalid(options.time(), "initial guess and tolerances must have " + n
                    + " components (have " + guess.length + " and " + options.tolerances().dimension() + ")");
        }
        int bad = SolverChecks.firstNonFinite(guess);
        if (bad >= 0) {
            throw new SolverException(Reason.NOT_FINITE, options.time(), bad,
                    "component " + bad + " of the initial guess is " + guess[bad]);
        }
        SteadyStateIterations it = new SteadyStateIterations(f, options.time(), options.tolerances());
        double[] f0 = it.residual(guess);
        bad = SolverChecks.firstNonFinite(f0);
        if (bad >= 0) {
            throw new SolverException(Reason.NOT_FINITE, options.time(), bad, "the derivative of component " + bad
                    + " is " + f0[bad] + " at the initial guess; no steady-state method can start there");
        }
        SteadyStateIterations.Outcome newton = it.newton(guess, options.maxIterations());
        if (newton.converged()) {
            return result(f, options.time(), newton.y(), Method.NEWTON, newton.iterations());
        }
        SteadyStateIterations.Outcome ptc = it.pseudoTransient(guess, options.maxIterations());
        if (ptc.converged()) {
            return result(f, options.time(), ptc.y(), Method.PSEUDO_TRANSIENT, ptc.iterations());
        }
        String integration;
        try {
            Settled settled = integrate(f, options, guess);
            SteadyStateIterations.Outcome polish = it.newton(settled.y, options.maxIterations());
            if (!polish.converged()) {
                polish = it.pseudoTransient(settled.y, options.maxIterations());
            }
            if (polish.converged()) {
                return result(f, options.time(), polish.y(), Method.INTEGRATION,
                        (int) Math.min(Integer.MAX_VALUE, settled.steps + polish.iterations()));
            }
            integration = "integrated to t=" + settled.t + (settled.settled ? " where the state settled" : " without settling")
                    + ", but polishing failed (" + polish.note() + ")";
        } catch (SolverException e) {
            integration = "failed: " + e.getMessage();
        }
        throw new SolverException(Reason.NO_CONVERGENCE, options.time(), -1,
                "no steady state found from the initial guess: Newton: " + newton.note()
                        + "; pseudo-transient continuation: " + ptc.note() + "; integration: " + integration
                        + ". Try another initial guess (e.g. the state after a long simulation), or check that an"
                        + " equilibrium exists");
    }

    private record Settled(double[] y, double t, long steps, boolean settled) {
    }

    /** Integrates the system frozen at the solve time until the state stops moving. */
    private Settled integrate(OdeFunction f, Options options, double[] guess) {
        OdeFunction frozen = frozen(f, options.time());
        int n = f.dimension();
        Tolerances tol = options.tolerances();
        double[] rtol = new double[n];
        double[] atol = new double[n];
        for (int i = 0; i < n; i++) {
            rtol[i] = Math.max(tol.relative(i), 1e-10);
            atol[i] = tol.absolute(i);
        }
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(rtol, atol), INTEGRATION_STEPS, 0);
        double[] y = guess.clone();
        double[] dy = new double[n];
        boolean[] settled = {false};
        double t = new Rodas5P().integrate(frozen, 0, guess, INTEGRATION_HORIZON, step -> {
            double[] ys = step.endState();
            frozen.derivatives(0, ys, dy);
            double elapsed = step.endTime();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double r = dy[i] * elapsed / (Math.abs(ys[i]) + atol[i] / rtol[i]);
                sum += r * r;
            }
            System.arraycopy(ys, 0, y, 0, n);
            settled[0] = Math.sqrt(sum / n) <= 1e-6;
            return !settled[0];
        }, ctx);
        return new Settled(y, t, ctx.statistics().acceptedSteps, settled[0]);
    }

    private static OdeFunction frozen(OdeFunction f, double time) {
        return new OdeFunction() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                f.derivatives(time, y, dydt);
            }

            @Override
            public void jacobian(double t, double[] y, double[] dfdy) {
                f.jacobian(time, y, dfdy);
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return f.hasAnalyticJacobian();
            }

            @Override
            public boolean isAutonomous() {
                return true;
            }
        };
    }

    private SteadyState result(OdeFunction f, double time, double[] y, Method method, int iterations) {
        int n = f.dimension();
        double[] r = new double[n];
        f.derivatives(time, y, r);
        double residual = 0;
        for (double v : r) {
            residual = Math.max(residual, Math.abs(v));
        }
        double[] jac = new double[n * n];
        f.jacobian(time, y, jac);
        List<Eigenvalue> eigenvalues = eigenvalues(jac, n, time);
        double norm = SteadyStateIterations.maxRowSum(jac, n);
        Stability stability = classify(eigenvalues, norm);
        return new SteadyState(y, residual, method, iterations, eigenvalues, stability, period(eigenvalues, norm));
    }

    static List<Eigenvalue> eigenvalues(double[] jac, int n, double time) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(jac, i * n, a[i], 0, n);
        }
        if (SolverChecks.firstNonFinite(jac) >= 0) {
            throw new SolverException(Reason.NOT_FINITE, time, -1, "the Jacobian at the steady state is not finite");
        }
        Complex[] values;
        EigenDecompositionNonSymmetric decomposition;
        try {
            decomposition = new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(a, false));
            values = decomposition.getEigenvalues();
        } catch (MathRuntimeException e) {
            throw new SolverException(Reason.NO_CONVERGENCE, time, -1,
                    "the eigenvalues of the Jacobian at the steady state could not be computed: " + e.getMessage());
        }
        List<Eigenvalue> list = new ArrayList<>(values.length);
        int[] dominant = dominant(decomposition, values.length);
        for (int i = 0; i < values.length; i++) {
            list.add(new Eigenvalue(values[i].getReal(), values[i].getImaginary(), dominant[i]));
        }
        list.sort(Comparator.comparingDouble(Eigenvalue::real).reversed()
                .thenComparing(Comparator.comparingDouble(Eigenvalue::imaginary).reversed()));
        return list;
    }

    /**
     * For each eigenvalue, the state with the largest participation factor |v_k w_k| (right times
     * left eigenvector component). Unlike the raw eigenvector it does not depend on the states'
     * units, so it names the state that drives the mode (a tumour seed) rather than the one that
     * responds most in absolute terms. -1 when the eigenvectors cannot be inverted.
     */
    private static int[] dominant(EigenDecompositionNonSymmetric decomposition, int n) {
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        try {
            org.hipparchus.linear.FieldMatrix<Complex> v =
                    new org.hipparchus.linear.Array2DRowFieldMatrix<>(org.hipparchus.complex.ComplexField.getInstance(), n, n);
            for (int i = 0; i < n; i++) {
                v.setColumnVector(i, decomposition.getEigenvector(i));
            }
            org.hipparchus.linear.FieldMatrix<Complex> w =
                    new org.hipparchus.linear.FieldLUDecomposition<>(v).getSolver().getInverse();
            for (int i = 0; i < n; i++) {
                double best = -1;
                for (int k = 0; k < n; k++) {
                    double participation = v.getEntry(k, i).multiply(w.getEntry(i, k)).norm();
                    if (participation > best) {
                        best = participation;
                        out[i] = k;
                    }
                }
            }
        } catch (MathRuntimeException e) {
            java.util.Arrays.fill(out, -1); // defective matrix: no eigenvector basis
        }
        return out;
    }

    /** Classification with zero thresholds relative to |J| (max row sum). */
    static Stability classify(List<Eigenvalue> eigenvalues, double jacobianNorm) {
        double zeroRe = ZERO_REAL * jacobianNorm + Double.MIN_NORMAL;
        double zeroIm = ZERO_IMAG * jacobianNorm + Double.MIN_NORMAL;
        double maxRe = Double.NEGATIVE_INFINITY;
        boolean complex = false;
        for (Eigenvalue e : eigenvalues) {
            maxRe = Math.max(maxRe, e.real());
            complex |= Math.abs(e.imaginary()) > zeroIm;
        }
        if (maxRe > zeroRe) {
            return Stability.UNSTABLE;
        }
        if (maxRe >= -zeroRe) {
            return Stability.NEUTRAL;
        }
        return complex ? Stability.STABLE_OSCILLATORY : Stability.STABLE;
    }

    /** 2 pi / |Im| of the complex eigenvalue with the largest real part, NaN if none. */
    static double period(List<Eigenvalue> eigenvalues, double jacobianNorm) {
        double zeroIm = ZERO_IMAG * jacobianNorm + Double.MIN_NORMAL;
        for (Eigenvalue e : eigenvalues) { // sorted by decreasing real part
            if (Math.abs(e.imaginary()) > zeroIm) {
                return 2 * Math.PI / Math.abs(e.imaginary());
            }
        }
        return Double.NaN;
    }
}
