package org.osteon.solve;

import java.util.ArrayList;
import java.util.List;

/**
 * States whose Jacobian column is zero at the initial guess: no derivative, including their own,
 * depends on them. They are held at their guessed values while the others are solved for.
 */
final class FreeStates {
    private final int n;
    private final int[] free;
    private final int[] kept;
    private final double[] held;

    private FreeStates(int n, int[] free, int[] kept, double[] held) {
        this.n = n;
        this.free = free;
        this.kept = kept;
        this.held = held;
    }

    static FreeStates find(OdeFunction f, SteadyStateSolver.Options options) {
        int n = f.dimension();
        double[] guess = options.initialGuess();
        double[] jac = new double[n * n];
        f.jacobian(options.time(), guess, jac);
        List<Integer> free = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            boolean zero = true;
            for (int i = 0; i < n && zero; i++) {
                zero = jac[i * n + j] == 0;
            }
            (zero ? free : kept).add(j);
        }
        if (kept.isEmpty()) {
            free.clear(); // nothing to reduce to: leave it to the full solver
        }
        return new FreeStates(n, free.stream().mapToInt(Integer::intValue).toArray(),
                kept.stream().mapToInt(Integer::intValue).toArray(), guess);
    }

    boolean isEmpty() {
        return free.length == 0;
    }

    int[] indices() {
        return free.clone();
    }

    double[] expand(double[] reduced) {
        double[] y = held.clone();
        for (int k = 0; k < kept.length; k++) {
            y[kept[k]] = reduced[k];
        }
        return y;
    }

    SteadyStateSolver.Options reduce(SteadyStateSolver.Options options) {
        double[] guess = new double[kept.length];
        double[] rtol = new double[kept.length];
        double[] atol = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            guess[k] = held[kept[k]];
            rtol[k] = options.tolerances().relative(kept[k]);
            atol[k] = options.tolerances().absolute(kept[k]);
        }
        return new SteadyStateSolver.Options(Tolerances.of(rtol, atol), options.maxIterations(), guess, options.time());
    }

    OdeFunction reduce(OdeFunction f) {
        int m = kept.length;
        return new OdeFunction() {
            private final double[] full = new double[n];
            private final double[] fullJac = new double[n * n];

            @Override
            public int dimension() {
                return m;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                double[] yy = expand(y);
                f.derivatives(t, yy, full);
                for (int k = 0; k < m; k++) {
                    dydt[k] = full[kept[k]];
                }
            }

            @Override
            public void jacobian(double t, double[] y, double[] dfdy) {
                f.jacobian(t, expand(y), fullJac);
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        dfdy[a * m + b] = fullJac[kept[a] * n + kept[b]];
                    }
                }
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return f.hasAnalyticJacobian();
            }

            @Override
            public boolean isAutonomous() {
                return f.isAutonomous();
            }
        };
    }
}
