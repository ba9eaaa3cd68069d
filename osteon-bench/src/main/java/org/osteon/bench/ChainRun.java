package org.osteon.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.text.AntimonyReader;
import org.osteon.trajectory.Trajectory;

/**
 * Osteon's side of the chain benchmark, one JVM per call so that compile time and peak heap are
 * those of a fresh process:
 * {@code java -cp benchmarks.jar org.osteon.bench.ChainRun N [methods] [repeats] [warm-up runs] [warm after]}, e.g.
 * {@code ChainRun 1000 auto,rodas5p,bdf 5 1 20}. Prints one line per measurement:
 * {@code compile N=.. parse_ms=.. flatten+compile_ms=.. peak_heap_mb=..}, then per method
 * {@code solve N=.. method=.. gc=.. order=rotated warmup=.. median_ms=.. min_ms=.. max_ms=.. cpu_median_ms=.. cpu_min_ms=..
 * kernel_cpu_mean_ms=.. process_cpu_mean_ms=.. [warm_after=.. warm_cpu_median_ms=.. warm_cpu_min_ms=.. warm_median_ms=..]
 * steps=.. OCa_N(365)=..}: wall time; the CPU time of the solving thread (nanosecond resolution), which
 * other processes on a shared machine disturb less, and the kernel-mode part of it per run (page faults
 * on heap memory the JVM touches for the first time, see docs/performance.md; user time has a 10 ms
 * resolution, so this is a mean over all repeats); and the whole process's CPU time per run (JIT and GC
 * threads included; /proc resolution).
 *
 * <p>Fairness between methods: all phases run the methods in rounds, one run of each per round, and
 * round r starts with method r mod (number of methods), so no method is always the first timed in the
 * JVM (the first runs pay the JIT's warm-up and G1's first-touch page faults). The first set
 * ({@code median_ms}, {@code cpu_*}) is timed after {@code warm-up runs} untimed runs of each method
 * (default 1): what a short-lived process sees. With {@code warm after} = W > 0 a second set of
 * {@code repeats} rounds is timed once every method has run W times in this JVM (the first set's runs
 * count; more untimed rounds fill up to W): {@code warm_after} states the count, {@code warm_cpu_*}
 * the solving thread's CPU median and minimum, {@code warm_median_ms} the wall median. Each solve is 365
 * days with daily output, rtol 1e-6, atol 1e-9.
 */
public final class ChainRun {
    /** {@code -Dosteon.bench.trace=true}: one line per timed run (its solving-thread CPU and wall time), to see phases. */
    private static final boolean TRACE = Boolean.getBoolean("osteon.bench.trace");

    private ChainRun() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        List<String> methods = args.length > 1 ? List.of(args[1].split(",")) : List.of("auto");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmups = Math.max(1, args.length > 3 ? Integer.parseInt(args[3]) : 1);
        int warmAfter = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String text = ChainModel.antimony(n);
        // -Dosteon.bench.compiles=K parses and compiles the model K times in this JVM: the first is the cold
        // compile a command-line run pays; later ones show the cost once the JIT has compiled the compiler.
        int compiles = Math.max(1, Integer.getInteger("osteon.bench.compiles", 1));
        CompiledModel compiled = null;
        Model model = null;
        for (int k = 0; k < compiles; k++) {
            long p1 = processCpuNanos();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            model = AntimonyReader.parse(text, "chain" + n + ".ant");
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            compiled = ModelCompiler.compile(model);
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            long p3 = processCpuNanos();
            // wall time, the CPU time of this thread (less sensitive to other processes on a shared machine), and the
            // whole process's CPU time over parse and compile (with the JIT compiler and collector threads: on 2 cores
            // the wall time cannot be below half of it)
            System.out.printf(Locale.ROOT, "compile N=%d states=%d text_mb=%.1f parse_ms=%.0f (cpu %.0f) compile_ms=%.0f (cpu %.0f) total_ms=%.0f (cpu %.0f) process_cpu_ms=%.0f peak_heap_mb=%.0f%n",
                    n, compiled.layout().stateCount(), text.length() / 1e6, (t2 - t1) / 1e6, (c2 - c1) / 1e6, (t3 - t2) / 1e6,
                    (c3 - c2) / 1e6, (t3 - t1) / 1e6, (c3 - c1) / 1e6, (p3 - p1) / 1e6, peakHeapMb());
        }
        text = null;
        model = null;
        SimulationProblem problem = problem(compiled, n);
        if (repeats == 0) {
            return;
        }
        int m = methods.size();
        SolverSettings[] settings = new SolverSettings[m];
        Trajectory[] first = new Trajectory[m];
        for (int k = 0; k < m; k++) {
            settings[k] = new SolverSettings(methods.get(k), 1e-6, 1e-9, Map.of(), 10_000_000, 0);
        }
        // Every phase runs the methods in rounds, one run of each per round, and the round's order rotates:
        // round r starts with method r mod m. The first runs in a fresh JVM pay for the JIT and for G1's
        // first touch of its heap (page faults charged to the solving thread, docs/performance.md); with a
        // fixed order the first method paid them all.
        for (int w = 0; w < warmups; w++) {
            for (int k : order(w, m)) {
                Trajectory t = Simulator.solve(problem, settings[k]);
                if (first[k] == null) {
                    first[k] = t;
                }
            }
        }
        Timings early = time(problem, settings, repeats, warmups);
        // The warm set: untimed rounds until each method has run warmAfter times, then the timed rounds again.
        int runsSoFar = warmups + repeats;
        int extra = Math.max(0, warmAfter - runsSoFar);
        for (int w = 0; w < extra; w++) {
            for (int k : order(runsSoFar + w, m)) {
                Simulator.solve(problem, settings[k]);
            }
        }
        Timings warm = warmAfter > 0 ? time(problem, settings, repeats, runsSoFar + extra) : null;
        for (int k = 0; k < m; k++) {
            Trajectory t = first[k];
            System.out.printf(Locale.ROOT, "solve N=%d method=%s gc=%s order=rotated warmup=%d median_ms=%.2f min_ms=%.2f max_ms=%.2f cpu_median_ms=%.2f cpu_min_ms=%.2f kernel_cpu_mean_ms=%.2f process_cpu_mean_ms=%.2f%s steps=%d rejected=%d f=%d J=%d LU=%d stiff=%s OCa_%d(365)=%.10e%n",
                    n, methods.get(k), collector(), warmups, early.median(early.wall[k]), early.wall[k][0],
                    early.wall[k][repeats - 1], early.median(early.cpu[k]), early.cpu[k][0], early.kernelMean(k),
                    early.processMean(k),
                    warm == null ? "" : String.format(Locale.ROOT, " warm_after=%d warm_cpu_median_ms=%.2f warm_cpu_min_ms=%.2f warm_median_ms=%.2f",
                            runsSoFar + extra, warm.median(warm.cpu[k]), warm.cpu[k][0], warm.median(warm.wall[k])),
                    t.runInfo().acceptedSteps(), t.runInfo().rejectedSteps(), t.runInfo().functionEvaluations(),
                    t.runInfo().jacobianEvaluations(), t.runInfo().decompositions(), t.runInfo().switchedToStiff(), n,
                    last(t, "OCa_" + n));
        }
    }

    /** The methods' indices in round {@code r}: 0..m-1 rotated to start at r mod m. */
    static int[] order(int r, int m) {
        int[] o = new int[m];
        for (int i = 0; i < m; i++) {
            o[i] = (r + i) % m;
        }
        return o;
    }

    /** One timed set: per method, sorted wall and solving-thread CPU times (ms), kernel and process CPU totals. */
    private static final class Timings {
        final double[][] wall;
        final double[][] cpu;
        final long[] kernelNanos;
        final long[] processNanos;
        final int repeats;

        Timings(int m, int repeats) {
            wall = new double[m][repeats];
            cpu = new double[m][repeats];
            kernelNanos = new long[m];
            processNanos = new long[m];
            this.repeats = repeats;
        }

        double median(double[] sorted) {
            return sorted[sorted.length / 2];
        }

        double kernelMean(int k) {
            return kernelNanos[k] / 1e6 / repeats;
        }

        double processMean(int k) {
            return processNanos[k] / 1e6 / repeats;
        }
    }

    /** {@code repeats} timed rounds, round r in {@link #order}(r0 + r); each method's times sorted. */
    private static Timings time(SimulationProblem problem, SolverSettings[] settings, int repeats, int r0) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int m = settings.length;
        Timings t = new Timings(m, repeats);
        for (int r = 0; r < repeats; r++) {
            for (int k : order(r0 + r, m)) {
                long p = processCpuNanos();
                long s = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                long u = threads.getCurrentThreadUserTime();
                Simulator.solve(problem, settings[k]);
                t.wall[k][r] = (System.nanoTime() - s) / 1e6;
                long cpu = threads.getCurrentThreadCpuTime() - c;
                t.cpu[k][r] = cpu / 1e6;
                t.kernelNanos[k] += cpu - (threads.getCurrentThreadUserTime() - u);
                t.processNanos[k] += processCpuNanos() - p;
                if (TRACE) {
                    System.out.printf(Locale.ROOT, "run %s %d cpu_ms=%.3f wall_ms=%.3f%n", settings[k].method(), r0 + r,
                            t.cpu[k][r], t.wall[k][r]);
                }
            }
        }
        for (int k = 0; k < m; k++) {
            Arrays.sort(t.wall[k]);
            Arrays.sort(t.cpu[k]);
        }
        return t;
    }

    /** 365 days, daily output, states only recorded. */
    static SimulationProblem problem(CompiledModel m, int n) {
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        return new SimulationProblem(m, init.state(), init.parameters(), 0, 365, SimulationProblem.grid(0, 365, 1),
                List.of(), List.of(), List.of());
    }

    private static double last(Trajectory t, String column) {
        return t.last(column);
    }

    /** The young-generation collector's name (G1, Parallel, Serial: the JVM's choice or its -XX flag). */
    static String collector() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(b -> b.getName().replace(' ', '_')).toList());
    }

    /** CPU time of the whole JVM process: solver thread, JIT compiler and garbage collector. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double peakHeapMb() {
        double sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024.0);
    }
}
