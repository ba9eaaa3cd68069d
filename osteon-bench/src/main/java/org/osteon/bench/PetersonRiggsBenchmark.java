package org.osteon.bench;

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
import org.osteon.compile.Layout;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.solve.Cancellation;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * Peterson &amp; Riggs 2010 (petersonriggs2010, 46 states, time in hours): one full
 * {@link Simulator#solve} with the scenario's settings, model compiled and problem built once.
 * Issue 11's peer figures (OpenBoneMin: mrgsolve, compiled C++, LSODA): about 1.1 s for a year of
 * daily teriparatide (365 doses) and about 50 ms for two years of denosumab.
 * <ul>
 * <li>{@code teriparatide-1y}: the shipped {@code petersonriggs2010-teriparatide-20ug-1y} (365 doses
 * of 20 ug every 24 h, hourly output, 8760 h);
 * <li>{@code denosumab-2y}: OpenBoneMin's {@code sim_denos()} defaults: 60 mg every 4032 h (6 months of
 * 28 days), 3 doses, to (3 + 1) x 4032 = 16128 h on a 4 h grid;
 * <li>{@code denosumab-48mo}: the shipped {@code petersonriggs2010-denosumab-60mg-q6m-48mo} (8 doses,
 * daily output, 32256 h).
 * </ul>
 *
 * <p>Each solve records what the scenario shows ({@link ScenarioRunner#recorded}, as {@code osteon run}
 * does: 3 of 158 columns for {@code denosumab-2y}), or with {@code record=all} every column.
 *
 * <p>Run: {@code mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am && java -jar
 * osteon-bench/target/benchmarks.jar PetersonRiggsBenchmark -wi 3 -i 5 -f 1}. On a shared machine
 * the JMH wall time measures the load; {@link #main} measures the thread CPU time of each solve
 * (after warm-up) instead: {@code java -cp osteon-bench/target/benchmarks.jar
 * org.osteon.bench.PetersonRiggsBenchmark 20}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PetersonRiggsBenchmark {
    @Param({"teriparatide-1y", "denosumab-2y", "denosumab-48mo"})
    public String run;

    /**
     * What each solve records: {@code scenario} (the columns the scenario shows, {@link
     * ScenarioRunner#recorded}, what {@code osteon run} and {@link ScenarioRunner#run} record) or
     * {@code all} (every state, output and recorded parameter, as every run did before).
     */
    @Param({"scenario", "all"})
    public String record = "scenario";

    /** The integration method: {@code scenario} keeps the scenario's own, any other name replaces it (e.g. {@code -p method=bdf}). */
    @Param({"scenario"})
    public String method = "scenario";

    private SimulationProblem problem;
    private SolverSettings settings;
    /** The recorded columns, or null for everything. */
    private List<String> kept;

    @Setup
    public void setup() {
        BuiltInScenarios prepared = switch (run) {
            case "teriparatide-1y" -> BuiltInScenarios.prepare("petersonriggs2010-teriparatide-20ug-1y");
            case "denosumab-48mo" -> BuiltInScenarios.prepare("petersonriggs2010-denosumab-60mg-q6m-48mo");
            case "denosumab-2y" -> BuiltInScenarios.prepare(ScenarioReader.parse("""
                    name: sim-denos-defaults
                    model: petersonriggs2010
                    until: 16128
                    step: 4
                    solver: rodas5p
                    doses:
                      - {target: DENSC, amount: 6.0e7, at: 0, every: 4032, count: 3}
                    outputs: [DENCP, DENMOL, BMDlsDENchange]
                    """, "sim-denos-defaults", null));
            default -> throw new IllegalArgumentException(run);
        };
        problem = prepared.problem();
        settings = "scenario".equals(method) ? prepared.settings() : prepared.settings().withMethod(method);
        kept = switch (record) {
            case "scenario" -> prepared.recorded();
            case "all" -> null;
            default -> throw new IllegalArgumentException("record: scenario or all, not " + record);
        };
    }

    @Benchmark
    public Trajectory solve() {
        return Simulator.solve(problem, settings, Cancellation.NONE, kept);
    }

    /** Assigned values the recorder computes at each output time (all outputs when none is selected). */
    private int computedPerOutputTime(Trajectory tr) {
        Layout layout = problem.model().layout();
        int[] outputs = tr.columns().stream().mapToInt(c -> layout.outputIndex(c.id())).filter(i -> i >= 0).toArray();
        return outputs.length == 0 ? 0 : problem.model().outputSelection(outputs).computedValues();
    }

    /** Least warm-up time per run of {@link #main}, as JMH's default of 5 iterations of 2 s gives. */
    static final double WARM_UP_SECONDS = 10;

    /**
     * Thread CPU time per warm solve (median and minimum of N after at least N warm-up solves and at
     * least {@value #WARM_UP_SECONDS} s of warm-up: after 20 solves of the two-year denosumab run the
     * JIT had not settled, 7 ms against 4.3-4.6 ms after 1000), for each run;
     * a second argument overrides the scenarios' method (e.g. {@code 20 bdf}; {@code -} keeps it), a
     * third says what to record ({@code scenario}, the default, or {@code all}), a fourth which runs
     * (comma-separated, e.g. {@code 100 bdf scenario denosumab-2y}), a fifth other tolerances
     * ({@code RTOL,ATOL}, optionally followed by relative tolerances of single states, e.g.
     * {@code 1e-7,1e-13,DENCENT=2e-8}).
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String method = args.length > 1 && !args[1].equals("-") ? args[1] : null;
        String record = args.length > 2 ? args[2] : "scenario";
        String[] runs = args.length > 3 ? args[3].split(",") : new String[] {"teriparatide-1y", "denosumab-2y", "denosumab-48mo"};
        // optional fifth argument RTOL,ATOL[,STATE=RTOL...]: other tolerances than the scenario's, and
        // relative tolerances of single states (work-precision runs; the compare tool's syntax)
        String[] tolerances = args.length > 4 ? args[4].split(",") : null;
        java.util.Map<String, Double> rtolByState = tolerances == null ? java.util.Map.of()
                : PetersonRiggsCBaseline.rtolByState(java.util.Arrays.copyOfRange(tolerances, 2, tolerances.length));
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String run : runs) {
            PetersonRiggsBenchmark b = new PetersonRiggsBenchmark();
            b.run = run;
            b.record = record;
            b.setup();
            if (method != null) {
                b.settings = b.settings.withMethod(method);
            }
            if (tolerances != null) {
                b.settings = b.settings.withTolerances(Double.parseDouble(tolerances[0]), Double.parseDouble(tolerances[1]))
                        .withStateTolerances(rtolByState, java.util.Map.of());
            }
            int warmUps = 0;
            long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
            while (warmUps < n || System.nanoTime() < warmUpEnd) {
                b.solve();
                warmUps++;
            }
            double[] ms = new double[n];
            Trajectory last = null;
            for (int i = 0; i < n; i++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                last = b.solve();
                ms[i] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            java.util.Arrays.sort(ms);
            var info = last.runInfo();
            System.out.printf(java.util.Locale.ROOT, "%s: CPU ms per solve median %.2f, min %.2f (n = %d, after %d warm-up"
                    + " solves); %s, %d steps "
                    + "(%d rejected), %d right-hand sides, %d Jacobians, %d decompositions, %d restarts, %d events; record %s: %d columns x %d"
                    + " times, %d of %d assigned values per output time%n", run, ms[n / 2], ms[0], n, warmUps,
                    info.method(), info.acceptedSteps(), info.rejectedSteps(), info.functionEvaluations(),
                    info.jacobianEvaluations(), info.decompositions(), info.restarts(), info.eventsFired(), record, last.columns().size(), last.size(),
                    b.computedPerOutputTime(last), b.problem.model().layout().outputCount());
        }
    }
}
