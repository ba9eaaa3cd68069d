package org.osteon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.osteon.analysis.Monitor;
import org.osteon.analysis.fit.ErrorModel;
import org.osteon.analysis.fit.Estimate;
import org.osteon.analysis.fit.Fit;
import org.osteon.analysis.fit.FitResult;
import org.osteon.analysis.fit.FitSpec;
import org.osteon.analysis.fit.SyntheticData;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;

/**
 * Wall time of one fit (Levenberg-Marquardt from the recovery tests' starting values, one thread)
 * for the synthetic cases of the recovery tests: oral one-compartment PK (examples/pk-oral.ant,
 * 3 parameters, 14 samples, 10 % proportional error) and Pivonka 2008 under PTH (3 parameters,
 * 22 samples, 5 % proportional error). Data are generated once (seed 1000 / 500).
 *
 * <p>Run from the repository root (the model path is relative to it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FitBenchmark {
    @Param({"pk-oral", "pivonka2008-pth"})
    public String fitCase;

    private ScenarioRunner runner;
    private FitSpec spec;

    @Setup
    public void setup() throws Exception {
        runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario s;
        List<String> names;
        double[] truth;
        List<Estimate> est;
        List<String> outputs;
        double[] times;
        ErrorModel error;
        long seed;
        if (fitCase.equals("pk-oral")) {
            Path dir = Files.createTempDirectory("fitbench");
            Files.copy(Path.of("examples/pk-oral.ant"), dir.resolve("pk-oral.ant"));
            s = ScenarioReader.parse("model: pk-oral.ant\nuntil: 48\ndoses:\n  - {target: C, amount: 100 mg, route: depot, at: 0}\n",
                    "pk.yaml", dir);
            names = List.of("ka", "ke", "V");
            truth = new double[] {1, 0.1, 20};
            est = List.of(new Estimate("ka", 0.5, 0.01, 20, true), new Estimate("ke", 0.2, 0.001, 5, true),
                    new Estimate("V", 10, 1, 500, true));
            outputs = List.of("C");
            times = new double[] {0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48};
            error = ErrorModel.proportional(0.1);
            seed = 1000;
        } else {
            s = runner.catalog().scenario("pivonka2008-pth").orElseThrow();
            names = List.of("D_OCp", "A_OCa", "A_OBa");
            truth = new double[] {2.1e-3, 0.7, 0.189};
            est = List.of(new Estimate("D_OCp", 3.15e-3, 1e-5, 1, true), new Estimate("A_OCa", 1.05, 1e-3, 100, true),
                    new Estimate("A_OBa", 0.28, 1e-3, 100, true));
            outputs = List.of("OCa", "OBa");
            times = new double[] {5, 10, 15, 20, 30, 40, 60, 80, 100, 120, 140};
            error = ErrorModel.proportional(0.05);
            seed = 500;
        }
        spec = new FitSpec(s, Map.of(), SyntheticData.generate(runner, s, names, truth, outputs, times, error, seed), Map.of(), est,
                error, Map.of(), FitSpec.Options.DEFAULT, List.of());
    }

    @Benchmark
    public FitResult fit() {
        return Fit.run(spec, runner, Monitor.NONE);
    }
}
