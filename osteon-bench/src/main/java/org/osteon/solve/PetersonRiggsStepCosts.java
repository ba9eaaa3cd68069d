package org.osteon.solve;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osteon.bench.BuiltInScenarios;
import org.osteon.simulation.ModelFunction;
import org.osteon.simulation.SimulationProblem;

/**
 * What one step of the stiff methods is made of, for {@code petersonriggs2010}: one right-hand
 * side, one analytic Jacobian, one numeric refactorisation of the sparse iteration matrix W = c I -
 * J and one solve with it (as {@link Rodas5P} and {@link Bdf} call them). Multiplied by the counts
 * a run reports (right-hand sides, Jacobians, decompositions, stages), they give a lower bound on
 * the run's time: issue 11's cost model in docs/performance.md. Evaluated just after a
 * teriparatide dose (the depot holds 20 ug), where the daily steps are. In package
 * org.osteon.solve to reach the package-private iteration matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PetersonRiggsStepCosts {
    /** Rodas5P's 1/(h gamma) at a step of 3 min, as in the hour after a dose, and at a step 2 % longer. */
    private static final double C_STEP = 1.0 / (0.05 * Rodas5PTableau.GAMMA);
    private static final double C_NEXT_STEP = 1.0 / (0.051 * Rodas5PTableau.GAMMA);

    private ModelFunction f;
    private double[] y;
    private double[] dy;
    private double[] jacobian;
    private IterationMatrix w;
    private double[] b;
    private double c = C_STEP;

    @Setup
    public void setup() {
        SimulationProblem problem = BuiltInScenarios.prepare("petersonriggs2010-teriparatide-20ug-1y").problem();
        f = ModelFunction.of(problem.model(), problem.parameters());
        y = problem.initialState().clone();
        y[problem.model().layout().stateIndex("TERISC")] = 20e-6 / 4117.8 * 1e12; // 20 ug in pmol, as the scenario's dose
        int n = f.dimension();
        dy = new double[n];
        f.derivatives(0, y, dy);
        jacobian = new double[f.jacobianPattern().nonZeros()];
        w = IterationMatrix.sparse(f);
        w.evaluate(f, 0, y, dy, new double[n], new double[n], new SolverStatistics());
        if (!w.factor(c)) {
            throw new IllegalStateException("W is singular at the benchmark's state");
        }
        b = new double[n];
    }

    @Benchmark
    public double[] rightHandSide() {
        f.derivatives(0.5, y, dy);
        return dy;
    }

    @Benchmark
    public double[] jacobian() {
        f.jacobianValues(0.5, y, jacobian);
        return jacobian;
    }

    /** A new step size: numeric refactorisation on the stored pattern and pivots. */
    @Benchmark
    public boolean refactor() {
        c = c == C_STEP ? C_NEXT_STEP : C_STEP;
        return w.factor(c);
    }

    @Benchmark
    public double[] solve() {
        System.arraycopy(dy, 0, b, 0, b.length);
        w.solve(b);
        return b;
    }
}
