package org.osteon.analysis.gsa;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.SteadyStart;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.sampling.Distribution;
import org.osteon.analysis.sampling.JointDistribution;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * A sensitivity analysis ready to run: the design (from the spec's n and seed, the same on every
 * JVM) and the compiled scenario. {@link #evaluate} is thread-safe and depends only on k.
 */
public final class GsaJob {
    private final GsaSpec spec;
    private final ProblemFactory problems;
    private final SolverSettings settings;
    private final Sobol.Design sobol;
    private final Morris.Design morris;
    /**
     * Each thread's reusable solver storage ({@link #evaluate} is called per index by engines that
     * hide their threads), and the columns the measures read: all a run records.
     */
    private final ThreadLocal<SimulationWorkspace> workspaces = ThreadLocal.withInitial(SimulationWorkspace::new);
    private final List<String> kept;

    public GsaJob(GsaSpec spec, ModelCatalog catalog) {
        this.spec = spec;
        ScenarioRecipe.Resolved r = spec.scenario().resolve(catalog);
        ScenarioRunner runner = new ScenarioRunner(catalog);
        this.problems = SteadyStart.of(ProblemFactory.of(runner, r.scenario(), r.model()), spec.initial());
        this.settings = runner.settings(r.scenario());
        this.kept = spec.measures().stream().map(Measure::output).distinct().toList();
        int d = spec.factors().size();
        this.sobol = spec.method() == GsaSpec.Method.SOBOL ? new Sobol.Design(d, spec.n(), spec.seed()) : null;
        this.morris = spec.method() == GsaSpec.Method.MORRIS ? new Morris.Design(d, spec.n(), spec.levels(), spec.seed())
                : null;
    }

    public GsaSpec spec() {
        return spec;
    }

    public int evaluations() {
        return sobol != null ? sobol.evaluations() : morris.evaluations();
    }

    public Morris.Design morris() {
        return morris;
    }

    /** The parameter values of design point k. */
    public double[] parameters(int k) {
        double[] u = sobol != null ? sobol.point(k) : morris.point(k);
        JointDistribution f = spec.factors();
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            Distribution d = f.variables().get(i).distribution();
            double ui = u[i];
            if (morris != null && !(Double.isFinite(d.lower()) && Double.isFinite(d.upper()))) {
                ui = GsaSpec.MORRIS_TAIL + ui * (1 - 2 * GsaSpec.MORRIS_TAIL);
            }
            x[i] = d.quantile(ui);
        }
        return x;
    }

    /** The measures of design point k; a failed run gives NaNs and its reason, never an exception. */
    public Evaluation evaluate(int k) {
        double[] x = parameters(k);
        Map<String, Double> values = spec.factors().modelValues(x);
        List<Measure> measures = spec.measures();
        double[] out = new double[measures.size()];
        try {
            Trajectory tr = Simulator.solve(problems.problem(values), settings, workspaces.get(), kept);
            for (int m = 0; m < out.length; m++) {
                out[m] = measures.get(m).of(tr);
                if (!Double.isFinite(out[m])) {
                    Arrays.fill(out, Double.NaN);
                    return new Evaluation(out, measures.get(m).label() + " is not finite");
                }
            }
            return new Evaluation(out, null);
        } catch (RuntimeException e) {
            Arrays.fill(out, Double.NaN);
            return new Evaluation(out, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The analysis of all evaluations, in index order. */
    public GsaResult analyse(List<Evaluation> evaluations, double seconds, String engine) {
        int m = spec.measures().size();
        int failures = 0;
        String firstFailure = null;
        double[][] y = new double[m][evaluations.size()];
        for (int k = 0; k < evaluations.size(); k++) {
            Evaluation e = evaluations.get(k);
            if (e.failure() != null) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = "point " + k + ": " + e.failure();
                }
            }
            for (int j = 0; j < m; j++) {
                y[j][k] = e.values()[j];
            }
        }
        int d = spec.factors().size();
        Sobol.Indices[] indices = new Sobol.Indices[m];
        Morris.Effects[] effects = new Morris.Effects[m];
        for (int j = 0; j < m; j++) {
            if (sobol != null) {
                indices[j] = Sobol.analyse(y[j], d, spec.resamples(), spec.confidence(), spec.seed());
            } else {
                effects[j] = Morris.analyse(morris, y[j], spec.resamples(), spec.confidence(), spec.seed());
            }
        }
        return new GsaResult(spec, java.util.Arrays.asList(indices), java.util.Arrays.asList(effects), evaluations.size(), failures, firstFailure, seconds,
                engine);
    }
}
