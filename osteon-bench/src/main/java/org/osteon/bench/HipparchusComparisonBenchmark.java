package org.osteon.bench;

import java.util.concurrent.TimeUnit;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.osteon.solve.Dop853;
import org.osteon.solve.IntegrationContext;
import org.osteon.solve.Tolerances;

/**
 * The measurement behind "own DOP853 rather than a Hipparchus wrapper" (docs/solvers.md): Kepler
 * (e = 0.5, 10 orbits, rtol = atol = 1e-10) with Osteon's Dop853 and with Hipparchus's
 * DormandPrince853Integrator alone (a lower bound for what a wrapper would cost).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HipparchusComparisonBenchmark {
    private static final OrdinaryDifferentialEquation KEPLER = new OrdinaryDifferentialEquation() {
        @Override
        public int getDimension() {
            return 4;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            double[] d = new double[4];
            IntegratorBenchmark.KEPLER.derivatives(t, y, d);
            return d;
        }
    };

    @Benchmark
    public double osteonDop853() {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(4, 1e-10, 1e-10), 10_000_000, 0);
        double[] y = IntegratorBenchmark.KEPLER_Y0.clone();
        new Dop853().integrate(IntegratorBenchmark.KEPLER, 0, y, IntegratorBenchmark.KEPLER_END, s -> true, ctx);
        return y[0];
    }

    @Benchmark
    public double hipparchusDormandPrince853() {
        DormandPrince853Integrator hip = new DormandPrince853Integrator(0, Double.POSITIVE_INFINITY, 1e-10, 1e-10);
        return hip.integrate(KEPLER, new ODEState(0, IntegratorBenchmark.KEPLER_Y0.clone()),
                IntegratorBenchmark.KEPLER_END).getPrimaryState()[0];
    }
}
