package org.osteon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.osteon.analysis.Axis;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.Parallel;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.Scan;
import org.osteon.analysis.ScanResult;
import org.osteon.analysis.Summary;
import org.osteon.compile.CompiledModel;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;

/**
 * A 200-point 1-D scan of the Pivonka PTH scenario (examples/pivonka2008-pth.yaml): K_D8 from 1 to
 * 20 pM, log-spaced, summarised as max OCa and max OBa. It goes through {@code org.osteon.analysis}
 * exactly as {@code osteon scan} does: the model is compiled once, each point builds its problem
 * from the scenario with K_D8 overridden, and the points run on all cores (or on one, to show the
 * parallel speed-up). {@link #scan200IncludingCompile} also reads and compiles the model, as a
 * command invocation does (minus JVM start-up).
 *
 * <p>Run from the repository root (the scenario path is relative to it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScanBenchmark {
    @Param("examples/pivonka2008-pth.yaml")
    public String scenarioFile;

    private static final Axis K_D8 = Axis.logarithmic("K_D8", 1, 20, 200);
    private static final List<String> OUTPUTS = List.of("OCa", "OBa");

    private Path file;
    private ScenarioRunner runner;
    private Scenario scenario;
    private CompiledModel model;

    @Setup
    public void setup() {
        file = Path.of(scenarioFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " not found: run the benchmark from the repository root");
        }
        runner = new ScenarioRunner(ModelCatalogs.discover());
        scenario = ScenarioReader.read(file);
        model = runner.model(scenario);
    }

    @Benchmark
    public ScanResult scan200AllCores() {
        return scan(runner, scenario, model, Parallel.defaultThreads());
    }

    @Benchmark
    public ScanResult scan200OneThread() {
        return scan(runner, scenario, model, 1);
    }

    @Benchmark
    public ScanResult scan200IncludingCompile() {
        ScenarioRunner fresh = new ScenarioRunner(ModelCatalogs.discover());
        Scenario s = ScenarioReader.read(file);
        return scan(fresh, s, fresh.model(s), Parallel.defaultThreads());
    }

    private static ScanResult scan(ScenarioRunner runner, Scenario scenario, CompiledModel model, int threads) {
        ScanResult r = new Scan(ProblemFactory.of(runner, scenario, model), runner.settings(scenario), threads)
                .run(K_D8, null, OUTPUTS, Summary.MAX, Monitor.NONE);
        if (!r.failures().isEmpty()) {
            throw new IllegalStateException(r.failures().size() + " points failed: " + r.failures().get(0).message());
        }
        return r;
    }
}
