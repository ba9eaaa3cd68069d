package org.osteon.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Suggestions;

/**
 * Local normalised sensitivities {@code S = (dy/dp)(p/y)} of summary outputs y to parameters p:
 * the % change of y per % change of p.
 *
 * <p>Derivatives are central differences at relative steps h and h/2, combined by Richardson
 * extrapolation ({@code (4 D(h/2) - D(h)) / 3}, which cancels the h² term). Each coefficient
 * carries an error estimate, the sum of
 * <ul>
 * <li>the truncation error {@code |D(h/2) - D(h)| / 3}: the error of D(h/2) itself, so a
 *     conservative bound for the extrapolated value, and</li>
 * <li>the solver's share: the solver error e of y, estimated by solving the base point again
 *     with a 100 times tighter tolerance, enters the extrapolated difference quotient at most as
 *     {@code 3 e / (h |y|)}.</li>
 * </ul>
 * To keep the second term small the runs use a relative tolerance of at most {@link #MAX_RTOL}
 * (the absolute tolerance is scaled down by the same factor).
 *
 * <p>Time-of-minimum/maximum summaries are read off the output grid, so they move in jumps and
 * have no useful derivative; they are rejected.
 */
public final class Sensitivity {
    /** Relative step h: large enough that solver error stays far below the difference, small enough for a local slope. */
    public static final double DEFAULT_STEP = 1e-3;
    /** Loosest relative tolerance used for the runs. */
    public static final double MAX_RTOL = 1e-10;
    /** How much tighter the reference run for the solver-error estimate is. */
    static final double REFERENCE_FACTOR = 100;

    private final ProblemFactory problems;
    private final SolverSettings settings;
    private final int threads;
    private final double step;

    public Sensitivity(ProblemFactory problems, SolverSettings settings, int threads) {
        this(problems, settings, threads, DEFAULT_STEP);
    }

    private Sensitivity(ProblemFactory problems, SolverSettings settings, int threads, double step) {
        this.problems = Objects.requireNonNull(problems);
        this.settings = tightened(settings);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        if (!(step > 0 && step <= 0.1)) {
            throw new IllegalArgumentException("the relative step must be in (0, 0.1], got " + step);
        }
        this.step = step;
    }

    /** The same analysis with relative step {@code h} (and h/2). */
    public Sensitivity withStep(double h) {
        return new Sensitivity(problems, settings, threads, h);
    }

    /** The solver settings the runs use: the caller's, with rtol at most {@link #MAX_RTOL}. */
    public SolverSettings settings() {
        return settings;
    }

    public double step() {
        return step;
    }

    static SolverSettings tightened(SolverSettings s) {
        if (s.rtol() <= MAX_RTOL) {
            return s;
        }
        double factor = MAX_RTOL / s.rtol();
        return s.withTolerances(MAX_RTOL, s.atol() * factor);
    }

    /**
     * The parameters a sensitivity analysis covers by default: named, constant, non-zero, and not
     * changed by the scenario (interventions, doses), in model order.
     */
    public static List<String> candidates(SimulationProblem base) {
        List<String> out = new ArrayList<>();
        double[] p = base.parameters();
        List<Variable> params = base.model().layout().parameters();
        for (int k = 0; k < params.size(); k++) {
            Variable v = params.get(k);
            if (v.constant() && p[k] != 0 && Double.isFinite(p[k]) && !base.recordedParameters().contains(v.id())) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** The sensitivity of one summary output to one parameter. */
    public record Coefficient(String parameter, String output, double parameterValue, double outputValue,
                              double value, double error, String problem) {
    }

    /** All coefficients, by parameter then output, and how they were computed. */
    public record Result(Summary summary, double step, SolverSettings settings, List<Coefficient> coefficients) {
        public Result {
            coefficients = List.copyOf(coefficients);
        }

        /** The coefficients of one output, largest |S| first; undefined ones (NaN) last. */
        public List<Coefficient> ranked(String output) {
            return coefficients.stream().filter(c -> c.output().equals(output))
                    .sorted(Comparator.comparingDouble((Coefficient c) -> Double.isNaN(c.value()) ? -1 : Math.abs(c.value()))
                            .reversed())
                    .toList();
        }
    }

    /**
     * @param parameters parameters (or states, for initial values) to perturb
     * @throws IllegalArgumentException for unknown, zero-valued or time-varying parameters, unknown
     *                                  outputs or a time-of-min/max summary
     * @throws java.util.concurrent.CancellationException if the monitor cancels
     */
    public Result run(List<String> parameters, List<String> outputs, Summary summary, Monitor monitor) {
        if (summary.isTime()) {
            throw new IllegalArgumentException("the " + summary.label() + " summary is read off the output grid, so it"
                    + " changes in jumps and has no useful derivative; use a scan instead");
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("no parameters to perturb");
        }
        SimulationProblem base = problems.problem(Map.of());
        List<String> outs = List.copyOf(outputs);
        Outputs.check(base, outs);
        double[] p0 = new double[parameters.size()];
        for (int i = 0; i < p0.length; i++) {
            p0[i] = baseValue(base, parameters.get(i));
        }
        double[] factors = {1 + step, 1 - step, 1 + step / 2, 1 - step / 2};
        SolverSettings reference = settings.withTolerances(settings.rtol() / REFERENCE_FACTOR,
                settings.atol() / REFERENCE_FACTOR);
        int runs = 2 + factors.length * p0.length;
        List<double[]> y = Parallel.map(runs, threads, monitor, SimulationWorkspace::new, (workspace, k) -> {
            if (k == 0) {
                return summaries(base, settings, outs, summary, workspace);
            }
            if (k == 1) {
                return summaries(base, reference, outs, summary, workspace);
            }
            int i = (k - 2) / factors.length;
            double value = p0[i] * factors[(k - 2) % factors.length];
            return summaries(problems.problem(Map.of(parameters.get(i), value)), settings, outs, summary, workspace);
        });
        double[] y0 = y.get(0);
        double[] yRef = y.get(1);
        List<Coefficient> out = new ArrayList<>();
        for (int i = 0; i < p0.length; i++) {
            for (int o = 0; o < outs.size(); o++) {
                double[] plus = y.get(2 + factors.length * i);
                double[] minus = y.get(3 + factors.length * i);
                double[] halfPlus = y.get(4 + factors.length * i);
                double[] halfMinus = y.get(5 + factors.length * i);
                out.add(coefficient(parameters.get(i), outs.get(o), p0[i], y0[o], yRef[o],
                        plus[o], minus[o], halfPlus[o], halfMinus[o]));
            }
        }
        return new Result(summary, step, settings, out);
    }

    private Coefficient coefficient(String parameter, String output, double p, double y, double yRef,
                                    double plus, double minus, double halfPlus, double halfMinus) {
        if (Double.isNaN(y)) {
            return new Coefficient(parameter, output, p, y, Double.NaN, Double.NaN, "the base run failed");
        }
        if (y == 0) {
            return new Coefficient(parameter, output, p, y, Double.NaN, Double.NaN,
                    "the output is 0 at the base point, so a relative change is undefined");
        }
        if (Double.isNaN(plus + minus + halfPlus + halfMinus)) {
            return new Coefficient(parameter, output, p, y, Double.NaN, Double.NaN,
                    "a perturbed run failed (relative step " + step + ")");
        }
        // Normalised difference quotients: (dy/dp)(p/y) with dp = h p.
        double sH = (plus - minus) / (2 * step * y);
        double sHalf = (halfPlus - halfMinus) / (step * y);
        double value = (4 * sHalf - sH) / 3;
        double truncation = Math.abs(sHalf - sH) / 3;
        double solverError = Double.isNaN(yRef) ? settings.rtol() * Math.abs(y) : Math.abs(y - yRef);
        double noise = 3 * solverError / (step * Math.abs(y));
        return new Coefficient(parameter, output, p, y, value, truncation + noise, null);
    }

    private static double[] summaries(SimulationProblem problem, SolverSettings s, List<String> outputs, Summary summary,
                                      SimulationWorkspace workspace) {
        double[] v = new double[outputs.size()];
        try {
            Trajectory tr = Simulator.solve(problem, s, workspace, outputs);
            for (int o = 0; o < v.length; o++) {
                v[o] = summary.of(tr, outputs.get(o));
            }
        } catch (RuntimeException e) {
            java.util.Arrays.fill(v, Double.NaN);
        }
        return v;
    }

    private static double baseValue(SimulationProblem base, String name) {
        Layout layout = base.model().layout();
        int k = layout.parameterIndex(name);
        double value;
        if (k >= 0) {
            Variable v = layout.parameters().get(k);
            if (!v.constant() || base.recordedParameters().contains(name)) {
                throw new IllegalArgumentException("'" + name + "' changes during the run (it is declared 'var' or the"
                        + " scenario changes it), so it has no single value to perturb");
            }
            value = base.parameters()[k];
        } else if (layout.stateIndex(name) >= 0) {
            value = base.initialState()[layout.stateIndex(name)];
        } else {
            List<String> names = new ArrayList<>();
            layout.parameters().forEach(v -> names.add(v.id()));
            layout.states().forEach(v -> names.add(v.id()));
            throw new IllegalArgumentException("unknown parameter '" + name + "'" + Suggestions.didYouMean(name, names)
                    + (layout.outputIndex(name) >= 0 ? ": it is computed by a rule; perturb one of its inputs" : ""));
        }
        if (value == 0) {
            throw new IllegalArgumentException("'" + name + "' is 0, so a relative change of it is undefined");
        }
        return value;
    }
}
