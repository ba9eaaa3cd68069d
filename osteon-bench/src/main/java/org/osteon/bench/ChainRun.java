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
 * {@code java -cp benchmarks.jar org.osteon.bench.ChainRun N [methods] [repeats] [warm-up runs]}, e.g.
 * {@code ChainRun 1000 auto,rodas5p,bdf 5} (one warm-up run per method unless given). Prints one line per measurement:
 * {@code compile N=.. parse_ms=.. flatten+compile_ms=.. peak_heap_mb=..}, then
 * {@code solve N=.. method=.. gc=.. median_ms=.. min_ms=.. max_ms=.. cpu_median_ms=.. cpu_min_ms=.. kernel_cpu_mean_ms=..
 * process_cpu_mean_ms=.. steps=.. OCa_N(365)=..}: wall time; the CPU time of the solving thread (nanosecond
 * resolution), which other processes on a shared machine disturb less, and the kernel-mode part of it per run
 * (page faults on heap memory the JVM touches for the first time, see docs/performance.md; user time has
 * a 10 ms resolution, so this is a mean over all repeats); and
 * the whole process's CPU time per run (JIT and GC threads included; /proc resolution, 10 ms over all repeats).
 * Each solve is 365 days with daily output, rtol 1e-6, atol 1e-9, after the untimed warm-up runs.
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
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 1;
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
        for (String method : methods) {
            SolverSettings settings = new SolverSettings(method, 1e-6, 1e-9, Map.of(), 10_000_000, 0);
            Trajectory warm = Simulator.solve(problem, settings);
            for (int w = 1; w < warmups; w++) {
                Simulator.solve(problem, settings);
            }
            double[] ms = new double[repeats];
            double[] cpu = new double[repeats];
            long userTotal = 0;
            long cpuTotal = 0;
            long processStart = processCpuNanos();
            for (int r = 0; r < repeats; r++) {
                long s = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                long u = threads.getCurrentThreadUserTime();
                Simulator.solve(problem, settings);
                ms[r] = (System.nanoTime() - s) / 1e6;
                cpu[r] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                userTotal += threads.getCurrentThreadUserTime() - u;
                cpuTotal += threads.getCurrentThreadCpuTime() - c;
                if (TRACE) {
                    System.out.printf(Locale.ROOT, "run %s %d cpu_ms=%.3f wall_ms=%.3f%n", method, r, cpu[r], ms[r]);
                }
            }
            double processMean = (processCpuNanos() - processStart) / 1e6 / repeats;
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "solve N=%d method=%s gc=%s median_ms=%.2f min_ms=%.2f max_ms=%.2f cpu_median_ms=%.2f cpu_min_ms=%.2f kernel_cpu_mean_ms=%.2f process_cpu_mean_ms=%.2f steps=%d rejected=%d f=%d J=%d LU=%d stiff=%s OCa_%d(365)=%.10e%n",
                    n, method, collector(), ms[ms.length / 2], ms[0], ms[ms.length - 1], cpu[cpu.length / 2], cpu[0],
                    (cpuTotal - userTotal) / 1e6 / repeats, processMean,
                    warm.runInfo().acceptedSteps(),
                    warm.runInfo().rejectedSteps(), warm.runInfo().functionEvaluations(), warm.runInfo().jacobianEvaluations(),
                    warm.runInfo().decompositions(), warm.runInfo().switchedToStiff(), n, last(warm, "OCa_" + n));
        }
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
