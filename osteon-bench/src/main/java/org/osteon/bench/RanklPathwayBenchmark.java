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
 * Shipped scenarios of the 22-state RANKL pathway model, each one full {@link Simulator#solve}
 * with the scenario's settings (default solver) and daily output: five years of menopause with
 * denosumab (four 6-monthly doses), one year of osteolytic metastasis, and two years of daily
 * teriparatide (730 doses, each a breakpoint). What the web explorer runs on every slider move.
 *
 * <p>Run: {@code mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am && java -jar
 * osteon-bench/target/benchmarks.jar RanklPathwayBenchmark -wi 3 -i 5 -f 1}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RanklPathwayBenchmark {
    @Param({"rankl-pathway-baseline", "rankl-pathway-menopause-denosumab", "rankl-pathway-metastasis", "rankl-pathway-teriparatide",
            "rankl-pathway-denosumab-stop"})
    public String scenario;

    private SimulationProblem problem;
    private SolverSettings settings;

    @Setup
    public void setup() {
        BuiltInScenarios prepared = BuiltInScenarios.prepare(scenario);
        problem = prepared.problem();
        settings = prepared.settings();
    }

    @Benchmark
    public Trajectory solve() {
        return Simulator.solve(problem, settings);
    }
}
