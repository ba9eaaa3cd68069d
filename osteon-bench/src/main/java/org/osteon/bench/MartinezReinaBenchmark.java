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
 * Martinez-Reina &amp; Pivonka 2019, PMO + denosumab over 4000 days (0..3999 daily output, 4000
 * daily queue updates): one full {@link Simulator#solve} of each denosumab scenario with the
 * scenario's (default) solver settings. The model is compiled once in the setup. The Python peer
 * (bone_models 0.1.0) takes 87 s CPU for the same run (spec section 10).
 *
 * <p>Run: {@code mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am && java -jar
 * osteon-bench/target/benchmarks.jar MartinezReinaBenchmark -wi 3 -i 5 -f 1}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MartinezReinaBenchmark {
    @Param({"martinezreina2019-pmo-denosumab-stepwise", "martinezreina2019-pmo-denosumab-continuous"})
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
