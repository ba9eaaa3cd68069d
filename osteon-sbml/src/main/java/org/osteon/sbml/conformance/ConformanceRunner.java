package org.osteon.sbml.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.osteon.compile.CompileException;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.model.Species;
import org.osteon.sbml.SbmlImport;
import org.osteon.sbml.SbmlReader;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.solve.SolverException;
import org.osteon.text.ModelSyntaxException;
import org.osteon.trajectory.Trajectory;

/**
 * Runs SBML Test Suite semantic cases the way the suite prescribes: the case's model (Level 3
 * Version 2, else Level 2 Version 4), simulated from 0 to the case's last time with tolerances well
 * inside the case's own, species reported as amounts or concentrations as the settings ask, and
 * every reported value judged by |simulated - expected| &lt;= absolute + relative * |expected|.
 * The solver settings are fixed for every case, never tuned per case.
 */
public final class ConformanceRunner {
    /** rtol 1e-10 and atol 1e-14: two or more orders inside every case's tolerance (the tightest are 1e-9 absolute). */
    public static final SolverSettings SETTINGS = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-14);

    /** Wall-clock budget of one case's simulation (the slowest pass in well under a second). */
    static final java.time.Duration CASE_BUDGET = java.time.Duration.ofSeconds(60);

    private ConformanceRunner() {
    }

    /** The case folders of a suite directory (or the directory itself when it is one case), sorted. */
    public static List<Path> caseDirectories(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(dir.getFileName() + "-settings.txt"))) {
            return List.of(dir);
        }
        Path root = Files.isDirectory(dir.resolve("semantic")) ? dir.resolve("semantic") : dir;
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("\\d{5}")).sorted().toList();
        }
    }

    /** Runs one case folder; never throws for a problem of the case itself. */
    public static CaseResult run(Path caseDir) {
        TestCase c;
        try {
            c = TestCase.load(caseDir);
        } catch (IOException | RuntimeException e) {
            return new CaseResult(caseDir.getFileName().toString(), CaseResult.Result.ERROR, "cannot read the case: " + e.getMessage(),
                    List.of(), false);
        }
        boolean core = "TimeCourse".equals(c.testType()) && c.packages().isEmpty();
        try {
            Outcome o = outcome(c);
            return new CaseResult(c.id(), o.result(), o.reason(), c.allTags(), core);
        } catch (RuntimeException e) {
            return new CaseResult(c.id(), CaseResult.Result.ERROR, "internal error: " + e, c.allTags(), core);
        }
    }

    private record Outcome(CaseResult.Result result, String reason) {
    }

    private static Outcome outcome(TestCase c) {
        if (!"TimeCourse".equals(c.testType())) {
            return new Outcome(CaseResult.Result.UNSUPPORTED, "test type " + c.testType() + " (Osteon runs time courses)");
        }
        if (!c.packages().isEmpty()) {
            return new Outcome(CaseResult.Result.UNSUPPORTED, "needs the SBML package(s) " + String.join(", ", c.packages()));
        }
        Optional<Path> file = c.modelFile();
        if (file.isEmpty()) {
            return new Outcome(CaseResult.Result.UNSUPPORTED, "no Level 3 Version 2 or Level 2 Version 4 model file");
        }
        TestCase.Settings settings;
        TestCase.Expected expected;
        try {
            settings = c.settings();
            expected = c.expected();
        } catch (IOException | RuntimeException e) {
            return new Outcome(CaseResult.Result.ERROR, "cannot read settings or results: " + e.getMessage());
        }
        SbmlImport imported;
        CompiledModel compiled;
        try {
            imported = SbmlReader.readFile(file.get());
            compiled = ModelCompiler.compile(imported.model());
        } catch (ModelSyntaxException e) {
            return refused(e.getMessage());
        } catch (CompileException e) {
            return refused(String.join("; ", e.problems()));
        } catch (IOException e) {
            return new Outcome(CaseResult.Result.ERROR, e.getMessage());
        }
        Trajectory t;
        double[] times = new double[expected.rows().size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = expected.rows().get(i)[0];
        }
        try {
            InitialConditions init = InitialConditions.prepare(compiled, Map.of(), 0);
            List<String> recorded = compiled.layout().parameters().stream().map(v -> v.id()).toList();
            t = Simulator.solve(new SimulationProblem(compiled, init.state(), init.parameters(), 0, times[times.length - 1],
                    times, List.of(), recorded), SETTINGS, org.osteon.solve.Cancellation.after(CASE_BUDGET));
        } catch (SolverException | IllegalArgumentException e) {
            return new Outcome(CaseResult.Result.ERROR, oneLine(e.getMessage()));
        }
        return compare(settings, expected, imported, t);
    }

    private static Outcome refused(String message) {
        String m = oneLine(message);
        return new Outcome(m.contains("not supported") || m.contains("does not support") ? CaseResult.Result.UNSUPPORTED
                : CaseResult.Result.ERROR, m);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    private static Outcome compare(TestCase.Settings s, TestCase.Expected expected, SbmlImport imported, Trajectory t) {
        Model model = imported.model();
        int failures = 0;
        String first = null;
        for (int col = 1; col < expected.columns().size(); col++) {
            String name = expected.columns().get(col);
            double[] simulated;
            try {
                simulated = reported(name, s, imported, model, t);
            } catch (IllegalArgumentException e) {
                return new Outcome(CaseResult.Result.ERROR, e.getMessage());
            }
            for (int i = 0; i < expected.rows().size(); i++) {
                double want = expected.rows().get(i)[col];
                double got = simulated[i];
                if (!agrees(got, want, s.absolute(), s.relative())) {
                    failures++;
                    if (first == null) {
                        first = name + " at t=" + expected.rows().get(i)[0] + ": " + got + " instead of " + want;
                    }
                }
            }
        }
        return failures == 0 ? new Outcome(CaseResult.Result.PASS, "")
                : new Outcome(CaseResult.Result.FAIL, failures + " value(s) outside tolerance; first: " + first);
    }

    /** The suite's pass rule; NaN matches NaN and infinities match themselves. */
    static boolean agrees(double got, double want, double absolute, double relative) {
        if (Double.isNaN(want) || Double.isInfinite(want)) {
            return Double.compare(got, want) == 0;
        }
        return Math.abs(got - want) <= absolute + relative * Math.abs(want);
    }

    /** A reported variable over the grid: species as amount or concentration as the settings ask. */
    private static double[] reported(String name, TestCase.Settings s, SbmlImport imported, Model model, Trajectory t) {
        String id = imported.osteonId(name);
        if (!t.has(id)) {
            throw new IllegalArgumentException("variable '" + name + "' is not in the simulation output");
        }
        double[] v = t.column(id);
        Optional<Species> species = model.speciesById(id);
        if (species.isEmpty() || species.get().compartment() == null) {
            return v;
        }
        boolean wantAmount = s.amount().contains(name) || (!s.concentration().contains(name) && species.get().amountOnly());
        if (wantAmount == species.get().amountOnly()) {
            return v;
        }
        double[] size = t.column(species.get().compartment());
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = wantAmount ? v[i] * size[i] : v[i] / size[i];
        }
        return out;
    }

    /** Runs every case folder in order, on {@code threads} threads, calling {@code progress} after each. */
    public static List<CaseResult> runAll(List<Path> cases, int threads, java.util.function.Consumer<CaseResult> progress) {
        List<CaseResult> results = new ArrayList<>(java.util.Collections.nCopies(cases.size(), null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread th = new Thread(r, "conformance");
            th.setDaemon(true);
            return th;
        });
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    CaseResult r = run(cases.get(k));
                    results.set(k, r);
                    synchronized (progress) {
                        progress.accept(r);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
