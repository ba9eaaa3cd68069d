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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * The published models' reference scenarios: one full {@link Simulator#solve} each, with default
 * settings (auto, rtol 1e-6, atol 1e-12) and daily output: Lemaire 2004 load case 3 (PTH on days
 * 20-80, to day 140), Pivonka 2008 PTH (days 0-100, to day 140) and the Komarova 2003 single cycle
 * (to day 1500, with its crossing events). The model is compiled and the problem built once in the
 * setup. For comparison, the Python peer (bone_models 0.1.0) takes 4-19 ms CPU for a Lemaire or
 * Pivonka scenario (spec section 10; 19 ms for Lemaire case 3, 7.7 ms for Pivonka PTH).
 *
 * <p>Run: {@code mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am && java -jar
 * osteon-bench/target/benchmarks.jar PublishedModelsBenchmark -wi 3 -i 5 -f 1}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PublishedModelsBenchmark {
    @Param({"lemaire2004-case3-pth-injection", "pivonka2008-pth", "komarova2003-single-cycle"})
    public String scenario;

    private SimulationProblem problem;
    private SolverSettings settings;

    @Setup
    public void setup() {
        BuiltInScenarios prepared = BuiltInScenarios.prepare(scenario);
        problem = prepared.problem();
        settings = prepared.settings();
        if (!settings.equals(SolverSettings.DEFAULT)) {
            throw new IllegalStateException(scenario + " does not use the default solver settings: " + settings);
        }
    }

    @Benchmark
    public Trajectory solve() {
        return Simulator.solve(problem, settings);
    }
}
