package org.osteon.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.ModelCompiler;
import org.osteon.compile.ParameterDerivatives;
import org.osteon.compile.Variable;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.ScheduledChange;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Suggestions;

/**
 * Values of observed quantities of one scenario at given times, and their derivatives by the
 * estimated quantities theta (parameters, or initial values of states): from the forward
 * sensitivity equations the compiler generates ({@link SensitivitySystem}), or, for models whose
 * Java parts or delayed events have no symbolic form, from central differences of whole runs.
 * Thread-safe: every call is an independent run.
 */
public final class ModelPredictor {
    /** How derivatives are computed. */
    public enum Gradient {
        SENSITIVITY_EQUATIONS("forward sensitivity equations"),
        FINITE_DIFFERENCES("central finite differences");

        private final String label;

        Gradient(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** values[o][i] of observed o at times[i]; gradient[o][i][j] its derivative by theta_j (null without). */
    public record Prediction(double[][] values, double[][][] gradient) {
    }

    private static final double INIT_STEP = 1e-6;
    private static final double FD_STEP = 1e-4;

    /** Each thread's reusable solver storage: a fit calls {@link #predict} many times, from one or more threads. */
    private final ThreadLocal<SimulationWorkspace> workspaces = ThreadLocal.withInitial(SimulationWorkspace::new);
    private final ScenarioRunner runner;
    private final Scenario scenario;
    private final CompiledModel base;
    private final List<String> theta;
    private final List<String> observed;
    private final double[] times;
    private final SolverSettings settings;
    private final SensitivitySystem system;
    private final Gradient gradient;
    private final String gradientNote;

    /**
     * @param times    increasing times (the model's time unit) within the scenario's span
     * @param initial  theta at which to probe which parameters theta moves through initial assignments
     * @throws IllegalArgumentException for an unknown or unsuitable name
     */
    public ModelPredictor(ScenarioRunner runner, Scenario scenario, List<String> theta, double[] initial,
                          List<String> observed, double[] times, SolverSettings settings) {
        this.runner = runner;
        this.scenario = runner.inModelTime(scenario);
        this.base = runner.model(scenario);
        this.theta = List.copyOf(theta);
        this.observed = List.copyOf(observed);
        this.times = times.clone();
        this.settings = settings;
        Layout layout = base.layout();
        SimulationProblem probe = runner.problem(this.scenario, base);
        for (String name : theta) {
            int k = layout.parameterIndex(name);
            if (k >= 0) {
                if (!layout.parameters().get(k).constant() || probe.recordedParameters().contains(name)) {
                    throw new IllegalArgumentException("'" + name + "' changes during the run (it is declared 'var', or the"
                            + " scenario holds or doses it), so it has no single value to estimate");
                }
            } else if (layout.stateIndex(name) < 0) {
                List<String> names = new ArrayList<>();
                layout.parameters().forEach(v -> names.add(v.id()));
                layout.states().forEach(v -> names.add(v.id()));
                throw new IllegalArgumentException("cannot estimate '" + name + "': model '" + base.id()
                        + "' has no such parameter or state" + Suggestions.didYouMean(name, names)
                        + (layout.outputIndex(name) >= 0 ? " (it is computed by a rule; estimate one of its inputs)" : ""));
            }
        }
        List<String> assignedObserved = new ArrayList<>();
        for (String o : observed) {
            if (layout.stateIndex(o) >= 0) {
                continue;
            }
            if (layout.outputIndex(o) >= 0) {
                assignedObserved.add(o);
            } else if (layout.parameterIndex(o) >= 0) {
                // a parameter's name is no typo: "did you mean" would offer the same name back
                throw new IllegalArgumentException("unknown output '" + o + "': it is a parameter; observe a state or a rule variable");
            } else {
                throw new IllegalArgumentException("unknown output '" + o + "'" + Suggestions.didYouMean(o, layout.allIds()));
            }
        }
        SensitivitySystem sys = null;
        String note;
        Optional<ParameterDerivatives> d;
        try {
            d = ModelCompiler.parameterDerivatives(base, movedParameters(initial), assignedObserved);
        } catch (IllegalArgumentException e) {
            d = Optional.empty();
        }
        if (d.isEmpty()) {
            note = "the model has Java parts, whose memory and events have no symbolic form";
        } else if (hasDelayedEvents(probe)) {
            note = "the model has delayed events";
            d = Optional.empty();
        } else {
            sys = new SensitivitySystem(base, this.theta, d.get());
            note = "generated df/dp (" + d.get().parameters().size() + " parameters) and the analytic Jacobian";
        }
        this.system = sys;
        this.gradient = sys != null ? Gradient.SENSITIVITY_EQUATIONS : Gradient.FINITE_DIFFERENCES;
        this.gradientNote = note;
    }

    public Gradient gradient() {
        return gradient;
    }

    /** Why this gradient method (for reports). */
    public String gradientNote() {
        return gradientNote;
    }

    public double[] times() {
        return times.clone();
    }

    public List<String> observed() {
        return observed;
    }

    public CompiledModel model() {
        return base;
    }

    private boolean hasDelayedEvents(SimulationProblem probe) {
        for (var e : base.events()) {
            if (e.delay(probe.t0(), probe.initialState(), probe.parameters()) != 0) {
                return true;
            }
        }
        return false;
    }

    /** theta's parameters, and the parameters initial assignments compute from theta (probed at {@code at}). */
    private List<String> movedParameters(double[] at) {
        Layout layout = base.layout();
        Set<String> out = new LinkedHashSet<>();
        for (String name : theta) {
            if (layout.parameterIndex(name) >= 0) {
                out.add(name);
            }
        }
        InitialConditions c0 = initial(at);
        for (int j = 0; j < theta.size(); j++) {
            double[] bumped = at.clone();
            bumped[j] = at[j] == 0 ? 1e-3 : at[j] * 1.01;
            InitialConditions c1 = initial(bumped);
            for (int k = 0; k < layout.parameterCount(); k++) {
                if (c0.parameters()[k] != c1.parameters()[k] && layout.parameters().get(k).constant()) {
                    out.add(layout.parameters().get(k).id());
                }
            }
        }
        return new ArrayList<>(out);
    }

    private Map<String, Double> overrides(double[] values) {
        Map<String, Double> set = new LinkedHashMap<>(scenario.set());
        for (int j = 0; j < theta.size(); j++) {
            set.put(theta.get(j), values[j]);
        }
        return set;
    }

    private InitialConditions initial(double[] values) {
        return InitialConditions.prepare(base, overrides(values), scenario.start() != null ? scenario.start() : 0);
    }

    private Scenario at(double[] values) {
        return scenario.withOverrides(null, null, null, null, null, overrides(values));
    }

    /**
     * @throws org.osteon.solve.SolverException when the run fails at this theta
     */
    public Prediction predict(double[] values, boolean withGradient) {
        if (!withGradient) {
            return new Prediction(plainRun(values), null);
        }
        if (system == null) {
            return finiteDifferences(values);
        }
        return sensitivityRun(values);
    }

    private double[][] plainRun(double[] values) {
        SimulationProblem p = runner.problem(at(values), base);
        SimulationProblem onTimes = new SimulationProblem(base, p.initialState(), p.parameters(), p.t0(), p.tEnd(), times,
                p.changes(), List.of());
        Trajectory tr = Simulator.solve(onTimes, settings, workspaces.get(), observed);
        double[][] out = new double[observed.size()][];
        for (int o = 0; o < out.length; o++) {
            out[o] = tr.column(observed.get(o));
        }
        return out;
    }

    private Prediction finiteDifferences(double[] values) {
        double[][] y = plainRun(values);
        int m = theta.size();
        double[][][] g = new double[observed.size()][times.length][m];
        for (int j = 0; j < m; j++) {
            double h = FD_STEP * (values[j] == 0 ? 1 : Math.abs(values[j]));
            double[] up = values.clone();
            double[] down = values.clone();
            up[j] += h;
            down[j] -= h;
            double[][] a = plainRun(up);
            double[][] b = plainRun(down);
            for (int o = 0; o < y.length; o++) {
                for (int i = 0; i < times.length; i++) {
                    g[o][i][j] = (a[o][i] - b[o][i]) / (2 * h);
                }
            }
        }
        return new Prediction(y, g);
    }

    private Prediction sensitivityRun(double[] values) {
        int m = theta.size();
        int n = base.layout().stateCount();
        SimulationProblem p = runner.problem(at(values), system);
        double[] y0 = p.initialState();
        double[] p0 = p.parameters();
        double[] scale = new double[m];
        int[] kIndex = system.kIndex();
        for (int j = 0; j < m; j++) {
            scale[j] = values[j] == 0 ? 1 : Math.abs(values[j]);
            double h = INIT_STEP * scale[j];
            double[] up = values.clone();
            double[] down = values.clone();
            up[j] += h;
            down[j] -= h;
            InitialConditions a = initial(up);
            InitialConditions b = initial(down);
            for (int i = 0; i < n; i++) {
                y0[n + j * n + i] = scale[j] * (a.state()[i] - b.state()[i]) / (2 * h);
            }
            for (int kk = 0; kk < kIndex.length; kk++) {
                int q = kIndex[kk];
                p0[system.pOffset(kk, j)] = scale[j] * (a.parameters()[q] - b.parameters()[q]) / (2 * h);
            }
        }
        List<ScheduledChange> changes = new ArrayList<>();
        p.changes().forEach(c -> changes.add(new SensitivityChange(system, c)));
        SimulationProblem augmented = new SimulationProblem(system, y0, p0, p.t0(), p.tEnd(), times, changes, List.of());
        List<String> kept = new ArrayList<>(observed);
        for (String o : observed) {
            for (String th : theta) {
                kept.add(SensitivitySystem.name(o, th));
            }
        }
        Trajectory tr = Simulator.solve(augmented, sensitivitySettings(), workspaces.get(), kept);
        double[][] y = new double[observed.size()][];
        double[][][] g = new double[observed.size()][times.length][m];
        for (int o = 0; o < observed.size(); o++) {
            y[o] = tr.column(observed.get(o));
            for (int j = 0; j < m; j++) {
                double[] s = tr.column(SensitivitySystem.name(observed.get(o), theta.get(j)));
                for (int i = 0; i < times.length; i++) {
                    g[o][i][j] = s[i] / scale[j];
                }
            }
        }
        return new Prediction(y, g);
    }

    /** Per-state tolerances carried over to each state's sensitivities (they are scaled to its size). */
    private SolverSettings sensitivitySettings() {
        if (settings.stateAtol().isEmpty() && settings.stateRtol().isEmpty()) {
            return settings;
        }
        Map<String, Double> atol = new LinkedHashMap<>(settings.stateAtol());
        Map<String, Double> rtol = new LinkedHashMap<>(settings.stateRtol());
        for (String t : theta) {
            settings.stateAtol().forEach((s, v) -> atol.put(SensitivitySystem.name(s, t), v));
            settings.stateRtol().forEach((s, v) -> rtol.put(SensitivitySystem.name(s, t), v));
        }
        return settings.withStateTolerances(rtol, atol);
    }

    static List<String> states(CompiledModel m) {
        return m.layout().states().stream().map(Variable::id).toList();
    }

    static double[] sorted(double[] t) {
        return Arrays.stream(t).sorted().distinct().toArray();
    }
}
