package org.osteon.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osteon.solve.IntegrationContext;
import org.osteon.solve.Integrators;
import org.osteon.solve.OdeFunction;
import org.osteon.solve.Tolerances;

/**
 * The integrators on hand-written right-hand sides (no model compilation in the loop), moved here
 * from the unit tests' former PerformanceTest, whose timings could only be printed or bounded
 * loosely: a 2-state bone model (Komarova et al. 2003 parameters) over 1000 days with each
 * method, as one point of a parameter scan; and Kepler (e = 0.5, 10 orbits, rtol = atol = 1e-10)
 * with each method ({@link HipparchusComparisonBenchmark} runs Hipparchus's integrator on it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntegratorBenchmark {
    @Param({"dopri5", "dop853", "rodas5p", "auto"})
    public String method;

    static final double[] KEPLER_Y0 = {0.5, 0, 0, Math.sqrt(3)};
    static final double KEPLER_END = 20 * Math.PI;

    /** Komarova 2003 in the form of the former unit test: x1' = 3 sqrt(x1/x2) - 0.2 x1, x2' = 4 x1 - 0.02 x2. */
    static final OdeFunction KOMAROVA = new OdeFunction() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dy) {
            dy[0] = 3 * Math.sqrt(y[0] / y[1]) - 0.2 * y[0];
            dy[1] = 4 * y[0] - 0.02 * y[1];
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }
    };

    static final OdeFunction KEPLER = new OdeFunction() {
        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dy) {
            double r2 = y[0] * y[0] + y[1] * y[1];
            double r3 = r2 * Math.sqrt(r2);
            dy[0] = y[2];
            dy[1] = y[3];
            dy[2] = -y[0] / r3;
            dy[3] = -y[1] / r3;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }
    };

    @Benchmark
    public double komarova1000Days() {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(2, 1e-8, 1e-10), 10_000_000, 0);
        double[] y = {2, 150};
        Integrators.byName(method).integrate(KOMAROVA, 0, y, 1000, s -> true, ctx);
        return y[0];
    }

    /** Kepler with {@link #method} (dop853 is the comparison with Hipparchus below). */
    @Benchmark
    public double keplerTenOrbits() {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(4, 1e-10, 1e-10), 10_000_000, 0);
        double[] y = KEPLER_Y0.clone();
        Integrators.byName(method).integrate(KEPLER, 0, y, KEPLER_END, s -> true, ctx);
        return y[0];
    }
}
