package org.osteon.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.ModelCompiler;
import org.osteon.compile.Variable;
import org.osteon.dosing.DoseTable;
import org.osteon.dosing.Dosing;
import org.osteon.dosing.Regimen;
import org.osteon.model.Model;
import org.osteon.simulation.Changes;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.ScheduledChange;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;
import org.osteon.util.Suggestions;

/**
 * Turns a {@link Scenario} into a {@link SimulationProblem} for its model and solves it.
 * Compiled model files are cached by path, so repeated runs (timing, scans) compile once.
 */
public final class ScenarioRunner {
    public static final double DEFAULT_UNTIL = 100;

    private final ModelCatalog catalog;
    private final Map<String, CompiledModel> fileCache = new ConcurrentHashMap<>();
    private final Map<String, Model> definitionCache = new ConcurrentHashMap<>();

    public ScenarioRunner(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The compiled model a scenario names: a built-in id or a model file. */
    public CompiledModel model(Scenario s) {
        String ref = s.model();
        if (ref == null) {
            throw new ScenarioException(s.where("model") + "no model given");
        }
        if (ModelFiles.looksLikeModelFile(ref) || ref.contains("/")) {
            String key = modelPath(s).toAbsolutePath().normalize().toString();
            try {
                return fileCache.computeIfAbsent(key, k -> ModelCompiler.compile(definition(s)));
            } catch (ScenarioException e) {
                // The scenario line that named the file, then what is wrong with it.
                boolean fromScenarioFile = s.source() != null && ModelFiles.looksLikeScenarioFile(s.source());
                throw fromScenarioFile ? new ScenarioException(s.where("model") + e.getMessage()) : e;
            }
        }
        return catalog.compiled(ref).orElseThrow(() -> new ScenarioException(s.where("model") + "unknown model '" + ref + "'"
                + Suggestions.didYouMean(ref, catalog.modelIds()) + "; built-in models: " + String.join(", ", catalog.modelIds())
                + " (or give a path to an .ant file)"));
    }

    /**
     * The model a scenario names as written (unit definitions, attributes such as a state's
     * depot or molar mass), or {@code null} for a built-in model known only compiled.
     */
    public Model definition(Scenario s) {
        String ref = s.model();
        if (ref == null) {
            throw new ScenarioException(s.where("model") + "no model given");
        }
        if (ModelFiles.looksLikeModelFile(ref) || ref.contains("/")) {
            Path path = modelPath(s);
            String key = path.toAbsolutePath().normalize().toString();
            return definitionCache.computeIfAbsent(key, k -> ModelFiles.read(path));
        }
        return catalog.model(ref).orElse(null);
    }

    /** The model file a scenario names, against its directory; a name no file can have is a user error. */
    private static Path modelPath(Scenario s) {
        try {
            return s.baseDir() == null ? Path.of(s.model()) : s.baseDir().resolve(s.model());
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScenarioException(s.where("model") + "'" + s.model() + "' is not a valid file name (" + e.getReason() + ")");
        }
    }

    /** The doses of a scenario for its model: units, calendar and covariates resolved. */
    public Dosing dosing(Scenario s, CompiledModel model) {
        try {
            return Dosing.of(model, definition(s), s.calendar(), s.covariates());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(s.where("model") + e.getMessage());
        }
    }

    /** The scenario with every time given with a unit ({@code until: 4 years}) in the model's time unit. */
    public Scenario inModelTime(Scenario s) {
        if (s.timeQuantities().isEmpty()) {
            return s;
        }
        Dosing dosing = dosing(s, model(s));
        return s.inModelTime(dosing::time);
    }

    public SolverSettings settings(Scenario s) {
        SolverSettings base = SolverSettings.DEFAULT;
        if (s.solver() != null) {
            try {
                org.osteon.solve.Integrators.byName(s.solver());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(s.where("solver") + e.getMessage());
            }
        }
        Map<String, Double> rtol = new java.util.LinkedHashMap<>();
        Map<String, Double> atol = new java.util.LinkedHashMap<>();
        s.tolerances().forEach((state, tol) -> {
            if (tol.rtol() != null) {
                rtol.put(state, tol.rtol());
            }
            if (tol.atol() != null) {
                atol.put(state, tol.atol());
            }
        });
        return new SolverSettings(s.solver() != null ? s.solver() : base.method(),
                s.rtol() != null ? s.rtol() : base.rtol(), s.atol() != null ? s.atol() : base.atol(),
                atol, base.maxSteps(), base.maxStep(), rtol);
    }

    public SimulationProblem problem(Scenario scenario, CompiledModel model) {
        Dosing dosing = dosing(scenario, model);
        Scenario s = scenario.inModelTime(dosing::time);
        double t0 = s.start() != null ? s.start() : 0;
        double until = s.until() != null ? s.until() : DEFAULT_UNTIL;
        if (!(until > t0) || Double.isInfinite(until)) {
            throw new ScenarioException(s.where("until") + "'until' (" + until + ") must be finite and after the start (" + t0 + ")");
        }
        double step = s.step() != null ? s.step() : defaultStep(until - t0);
        List<String> problems = new ArrayList<>();
        InitialConditions init;
        try {
            init = InitialConditions.prepare(model, s.set(), t0);
        } catch (IllegalArgumentException e) {
            String key = s.set().keySet().stream().filter(k -> e.getMessage().contains("'" + k + "'")).findFirst().orElse("");
            throw new ScenarioException(s.where("set." + key) + e.getMessage());
        }
        Layout layout = model.layout();
        List<ScheduledChange> changes = new ArrayList<>();
        Set<String> recorded = new LinkedHashSet<>();
        for (int i = 0; i < s.interventions().size(); i++) {
            Scenario.Intervention iv = s.interventions().get(i);
            try {
                int k = layout.parameterIndex(iv.target());
                double restore = k >= 0 ? init.parameters()[k] : Double.NaN;
                if (iv.to() < t0) {
                    problems.add(s.where("interventions[" + i + "].to") + "intervention on '" + iv.target() + "' ends at t="
                            + iv.to() + ", before the start of the run (" + t0 + ")");
                    continue;
                }
                // A window that began before the run holds from the start: [from, to] ∩ [t0, until].
                changes.addAll(Changes.window(layout, iv.target(), iv.value(), Math.max(iv.from(), t0), iv.to(), restore));
                recorded.add(iv.target());
            } catch (IllegalArgumentException e) {
                problems.add(s.where("interventions[" + i + "].set") + e.getMessage());
            }
        }
        List<Regimen> regimens = new ArrayList<>();
        List<String> where = new ArrayList<>();
        List<String> startWhere = new ArrayList<>();
        for (int i = 0; i < s.doses().size(); i++) {
            regimens.add(s.doses().get(i));
            String key = "doses[" + i + "]";
            where.add(s.where(key));
            startWhere.add(s.positions().containsKey(key + ".at") ? s.where(key + ".at")
                    : s.positions().containsKey(key + ".start") ? s.where(key + ".start") : s.where(key));
        }
        for (DoseTable table : s.doseTables()) {
            try {
                for (Regimen r : table.regimens(layout)) {
                    regimens.add(r);
                    where.add(r.origin() + ": ");
                    startWhere.add(r.origin() + ": ");
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        Set<String> heldByInterventions = new LinkedHashSet<>();
        s.interventions().forEach(iv -> heldByInterventions.add(iv.target()));
        for (int i = 0; i < regimens.size(); i++) {
            Regimen r = regimens.get(i);
            try {
                double first = dosing.firstTime(r);
                if (first < t0) { // never dropped silently: a dose before the run is a mistake in the scenario
                    problems.add(startWhere.get(i) + "dose at t=" + first + " is before the start of the run (" + t0 + ")");
                    continue;
                }
                changes.addAll(dosing.changes(r, t0, until));
                for (String read : dosing.parametersRead(r)) {
                    if (heldByInterventions.contains(read)) {
                        throw new IllegalArgumentException("the dose is converted with '" + read + "', which an intervention"
                                + " changes during the run; a dose's conversion must not change while it is given");
                    }
                }
                if (layout.parameterIndex(r.target()) >= 0) {
                    recorded.add(r.target());
                }
            } catch (IllegalArgumentException e) {
                problems.add(where.get(i) + e.getMessage());
            }
        }
        for (Variable v : layout.parameters()) {
            if (!v.constant()) {
                recorded.add(v.id());
            }
        }
        for (String state : s.tolerances().keySet()) {
            if (layout.stateIndex(state) < 0) {
                problems.add(s.where("tolerances." + state) + "tolerances given for '" + state + "', which is not a state"
                        + Suggestions.didYouMean(state, layout.states().stream().map(Variable::id).toList()));
            }
        }
        for (String out : s.outputs()) {
            if (layout.find(out).isEmpty()) {
                problems.add(s.where("outputs") + "unknown output '" + out + "'" + Suggestions.didYouMean(out, layout.allIds()));
            } else if (layout.parameterIndex(out) >= 0) {
                recorded.add(out);
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        double[] grid;
        try {
            grid = SimulationProblem.grid(t0, until, step);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(s.where(s.step() != null ? "step" : "until") + e.getMessage());
        }
        return new SimulationProblem(model, init.state(), init.parameters(), t0, until, grid, changes, new ArrayList<>(recorded));
    }

    /** Daily output for runs of ten days or more (bone models are in days), else 100 points. */
    static double defaultStep(double span) {
        return span >= 10 ? 1.0 : span / 100;
    }

    /**
     * Solves the scenario and keeps the outputs it asks for (default: all but reaction rates),
     * recording only those ({@link #recorded}).
     */
    public Trajectory run(Scenario s) {
        CompiledModel model = model(s);
        SimulationProblem problem = problem(s, model);
        Trajectory tr;
        try {
            tr = Simulator.solve(problem, settings(s), org.osteon.solve.Cancellation.NONE, recorded(s, problem));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(s.where("solver") + e.getMessage());
        }
        return select(tr, s);
    }

    /**
     * The columns {@link #select} keeps of a run of the scenario: its outputs, or, when it lists none,
     * every state, every output but reaction rates, and the parameters the problem records. A run
     * given these as its kept columns ({@link Simulator#solve(SimulationProblem, SolverSettings,
     * org.osteon.solve.Cancellation, List)}) has the same columns, bit for bit, as one recording
     * everything and then selected, without computing or storing the rest: a petersonriggs2010
     * scenario asking for 3 outputs records 3 columns instead of 158.
     */
    public static List<String> recorded(Scenario s, SimulationProblem problem) {
        if (!s.outputs().isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(s.outputs()));
        }
        Layout layout = problem.model().layout();
        List<String> out = new ArrayList<>();
        layout.states().forEach(v -> out.add(v.id()));
        layout.outputs().stream().filter(v -> v.kind() != Variable.Kind.FLUX).forEach(v -> out.add(v.id()));
        out.addAll(problem.recordedParameters());
        return List.copyOf(new LinkedHashSet<>(out));
    }

    public static Trajectory select(Trajectory tr, Scenario s) {
        if (!s.outputs().isEmpty()) {
            return tr.select(s.outputs());
        }
        return tr.withoutKinds(Set.of(Variable.Kind.FLUX));
    }
}
