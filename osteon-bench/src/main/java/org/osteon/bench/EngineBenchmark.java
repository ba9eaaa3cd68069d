package org.osteon.bench;

import java.util.concurrent.TimeUnit;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
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
import org.osteon.compile.CompileOptions;
import org.osteon.compile.CompiledModel;
import org.osteon.simulation.ModelFunction;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.solve.IntegrationContext;
import org.osteon.solve.Integrators;
import org.osteon.solve.OdeFunction;
import org.osteon.solve.Tolerances;
import org.osteon.trajectory.Trajectory;

/**
 * Engine benchmarks (issue 2): the stiff test problems ROBER (to 1e11) and HIRES (to 321.8122),
 * and a ten-year run of a 5-state bone-cell model, each with the generated-bytecode and the
 * interpreted right-hand side; plus Osteon's DOP853 against Hipparchus's DormandPrince853Integrator
 * on the same compiled right-hand side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    @Param({"BYTECODE", "INTERPRETER"})
    public CompileOptions.Backend backend;

    private static final SolverSettings STIFF = new SolverSettings("rodas5p", 1e-6, 1e-10, java.util.Map.of(), 1_000_000, 0);
    private static final SolverSettings DEFAULT = SolverSettings.DEFAULT;

    private SimulationProblem rober;
    private SimulationProblem hires;
    private SimulationProblem boneCells;
    private OdeFunction boneCellsRhs;
    private OdeFunction hiresRhs;
    private double[] boneCellsY0;
    private double[] hiresY0;
    private double[] rhsOut;

    @Setup
    public void setup() {
        CompiledModel r = BenchModels.compile("rober", backend);
        CompiledModel h = BenchModels.compile("hires", backend);
        CompiledModel b = BenchModels.compile("bonecells5", backend);
        rober = BenchModels.problem(r, 1e11, 2);
        hires = BenchModels.problem(h, 321.8122, 2);
        boneCells = BenchModels.problem(b, 3650, 11);
        // The problems' parameter vectors: they include the initial assignments (k_bvres).
        boneCellsRhs = ModelFunction.of(b, boneCells.parameters());
        hiresRhs = ModelFunction.of(h, hires.parameters());
        boneCellsY0 = boneCells.initialState();
        hiresY0 = hires.initialState();
        rhsOut = new double[boneCellsY0.length];
    }

    @Benchmark
    public Trajectory roberRodas5p() {
        return Simulator.solve(rober, STIFF);
    }

    @Benchmark
    public Trajectory hiresRodas5p() {
        return Simulator.solve(hires, STIFF);
    }

    @Benchmark
    public Trajectory boneCells10yAuto() {
        return Simulator.solve(boneCells, DEFAULT);
    }

    /** One right-hand-side evaluation of the 5-state bone-cell model (about 30 assigned values). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double[] boneCellsRhsCall() {
        boneCellsRhs.derivatives(100, boneCellsY0, rhsOut);
        return rhsOut;
    }

    @Benchmark
    public double boneCells10yOsteonDop853() {
        return integrateOsteon("dop853", boneCellsRhs, boneCellsY0, 3650);
    }

    @Benchmark
    public double boneCells10yHipparchusDop853() {
        return integrateHipparchus(boneCellsRhs, boneCellsY0, 3650);
    }

    @Benchmark
    public double hiresOsteonDop853() {
        return integrateOsteon("dop853", hiresRhs, hiresY0, 321.8122);
    }

    @Benchmark
    public double hiresHipparchusDop853() {
        return integrateHipparchus(hiresRhs, hiresY0, 321.8122);
    }

    private static double integrateOsteon(String method, OdeFunction f, double[] y0, double tEnd) {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(y0.length, 1e-6, 1e-12), 10_000_000, 0);
        double[] last = new double[y0.length];
        Integrators.byName(method).integrate(f, 0, y0, tEnd, step -> {
            System.arraycopy(step.endState(), 0, last, 0, last.length);
            return true;
        }, ctx);
        return last[0];
    }

    private static double integrateHipparchus(OdeFunction f, double[] y0, double tEnd) {
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12, 1e12, 1e-12, 1e-6);
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return f.dimension();
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[y.length];
                f.derivatives(t, y, dy);
                return dy;
            }
        };
        return dp.integrate(ode, new ODEState(0, y0.clone()), tEnd).getPrimaryState()[0];
    }
}
