package org.osteon.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteon.compile.CompiledModel;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.AtomicFiles;
import org.osteon.trajectory.CsvWriter;
import org.osteon.trajectory.JsonWriter;
import org.osteon.trajectory.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code osteon run}: simulate a scenario, a model file or a built-in model and write its trajectory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate and write the trajectory (CSV or JSON).",
                "TARGET is a scenario (.yaml), a model file (.ant), or a built-in model or scenario id."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET", description = "Scenario file, model file, or built-in id.")
    String target;

    @Option(names = "--until", paramLabel = "T", description = "End time (model time unit, days by default).")
    Double until;

    @Option(names = "--step", paramLabel = "DT", description = "Output grid spacing.")
    Double step;

    @Option(names = "--solver", paramLabel = "NAME", description = "auto (default), dopri5, dop853, rodas5p.")
    String solver;

    @Option(names = "--rtol", paramLabel = "X", description = "Relative tolerance (default 1e-6).")
    Double rtol;

    @Option(names = "--atol", paramLabel = "X", description = "Absolute tolerance (default 1e-12).")
    Double atol;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a parameter or initial value (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (.csv, .tsv or .json), or - for standard output. Default: out/<name>.csv")
    String out;

    @Option(names = "--format", paramLabel = "FMT", description = "csv, tsv or json; for --out - (default csv) or to override the extension.")
    String format;

    @Option(names = "--repeat", paramLabel = "N", description = "After a warm-up, solve N more times and print solve_ms_median=<ms> on stderr.")
    int repeat;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario scenario = Targets.resolve(target, runner.catalog())
                .withOverrides(until, step, solver, rtol, atol, parseSet(set));
        CompiledModel model = runner.model(scenario);
        SimulationProblem problem = runner.problem(scenario, model);
        SolverSettings settings = runner.settings(scenario);
        Trajectory trajectory = ScenarioRunner.select(Simulator.solve(problem, settings), scenario);
        if (repeat > 0) {
            spec.commandLine().getErr().println("solve_ms_median=" + String.format(Locale.ROOT, "%.4f", medianSolveMillis(problem, settings, repeat)));
        }
        write(trajectory, scenario);
        return 0;
    }

    static Map<String, Double> parseSet(Map<String, String> raw) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            try {
                out.put(e.getKey().trim(), Double.parseDouble(e.getValue().trim()));
            } catch (NumberFormatException ex) {
                throw new UserException("--set " + e.getKey() + "=" + e.getValue() + ": the value must be a number");
            }
        }
        return out;
    }

    /** Median wall time of {@code n} solves after the JIT has warmed up (at least 0.5 s or 20 solves). */
    static double medianSolveMillis(SimulationProblem problem, SolverSettings settings, int n) {
        long warmEnd = System.nanoTime() + 500_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warmEnd; i++) {
            Simulator.solve(problem, settings);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Simulator.solve(problem, settings);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return n % 2 == 1 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]);
    }

    private void write(Trajectory tr, Scenario scenario) throws IOException {
        String name = scenario.name() != null ? scenario.name() : tr.modelId();
        String file = out != null ? out : "out/" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        String fmt = format != null ? format.toLowerCase(Locale.ROOT)
                : file.equals("-") ? "csv" : file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("tsv") && !fmt.equals("json")) {
            throw new UserException("unknown output format '" + fmt + "': use .csv, .tsv or .json (or --format)");
        }
        if (file.equals("-")) {
            java.io.PrintWriter stdout = spec.commandLine().getOut();
            if (fmt.equals("json")) {
                JsonWriter.write(tr, stdout);
                stdout.println();
            } else {
                CsvWriter.write(tr, stdout, fmt.equals("tsv") ? '\t' : ',');
            }
            stdout.flush();
            return;
        }
        Path path = Path.of(file);
        AtomicFiles.write(path, os -> writeFormat(tr, fmt, os));
        spec.commandLine().getOut().println("wrote " + path + " (" + tr.size() + " rows, " + (tr.columns().size() + 1)
                + " columns: time, " + String.join(", ", tr.columns().stream().map(c -> c.id()).limit(8).toList())
                + (tr.columns().size() > 8 ? ", ..." : "") + ")");
    }

    private static void writeFormat(Trajectory tr, String fmt, java.io.OutputStream os) throws IOException {
        if (fmt.equals("json")) {
            JsonWriter.write(tr, os);
        } else {
            CsvWriter.write(tr, os, fmt.equals("tsv") ? '\t' : ',');
        }
    }
}
