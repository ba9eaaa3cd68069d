package org.osteon.analysis.population;

import java.util.List;
import java.util.Map;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.SteadyStart;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.compile.Variable;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * A population ready to simulate: the spec, its compiled model (compiled once, shared by all
 * threads) and the problem factory. {@link #simulate} is thread-safe and depends only on the
 * patient index, so any split of patients over threads or machines gives the same patients.
 */
public final class PopulationJob {
    private final PopulationSpec spec;
    private final ProblemFactory problems;
    private final SolverSettings settings;
    private final SimulationProblem base;
    private final double[] times;
    private final String timeUnit;

    public PopulationJob(PopulationSpec spec, ModelCatalog catalog) {
        this(spec, spec.scenario().resolve(catalog), catalog);
    }

    /** A population of a scenario given as it is (the web API), rather than through a recipe. */
    public PopulationJob(PopulationSpec spec, ScenarioRecipe.Resolved r, ModelCatalog catalog) {
        this.spec = spec;
        ScenarioRunner runner = new ScenarioRunner(catalog);
        this.problems = SteadyStart.of(ProblemFactory.of(runner, r.scenario(), r.model()), spec.initial());
        this.settings = runner.settings(r.scenario());
        this.base = runner.problem(r.scenario(), r.model());
        this.times = base.outputTimes();
        this.timeUnit = r.model().timeUnit();
    }

    public PopulationSpec spec() {
        return spec;
    }

    public int size() {
        return spec.n();
    }

    /** The output grid. */
    public double[] times() {
        return times.clone();
    }

    public String timeUnit() {
        return timeUnit;
    }

    public List<String> outputs() {
        return spec.outputs();
    }

    /** The unit of an output, or null. */
    public String unit(String output) {
        return base.model().layout().find(output).map(Variable::unit).orElse(null);
    }

    /** Display name of an output, or its id. */
    public String label(String output) {
        return base.model().layout().find(output).map(v -> v.displayName() != null ? v.displayName() : v.id())
                .orElse(output);
    }

    public PercentileSketches newSketches() {
        return new PercentileSketches(spec.outputs().size(), times.length, spec.accuracy());
    }

    /** Patient {@code i}: drawn, simulated, its outputs taken; a failure is returned, never thrown. */
    public PatientResult simulate(int i) {
        return simulate(i, new SimulationWorkspace());
    }

    /**
     * Patient {@code i}, solved with the calling thread's {@code workspace} (one per worker
     * thread, reused for all its patients), recording only the outputs the population keeps; the
     * result is the same as {@link #simulate(int)}'s.
     */
    public PatientResult simulate(int i, SimulationWorkspace workspace) {
        double[] x = spec.variables().draw(spec.seed(), i);
        Map<String, Double> values = spec.variables().modelValues(x);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return new PatientResult(i, x, null, "drawn value of " + e.getKey() + " is " + e.getValue()
                        + " (a covariate effect is undefined for this covariate value)");
            }
        }
        try {
            List<String> outs = spec.outputs();
            Trajectory tr = Simulator.solve(problems.problem(values), settings, workspace, outs);
            double[][] v = new double[outs.size()][];
            for (int o = 0; o < v.length; o++) {
                v[o] = tr.column(outs.get(o));
                for (int t = 0; t < v[o].length; t++) {
                    if (!Double.isFinite(v[o][t])) {
                        return new PatientResult(i, x, null, "output " + outs.get(o) + " is " + v[o][t] + " at t="
                                + times[t]);
                    }
                }
            }
            return new PatientResult(i, x, v, null);
        } catch (RuntimeException e) {
            return new PatientResult(i, x, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
