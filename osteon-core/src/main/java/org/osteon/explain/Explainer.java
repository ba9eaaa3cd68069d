package org.osteon.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.model.Model;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.trajectory.Trajectory;

/**
 * Computes an {@link Explanation} from a run: the model's explain terms evaluated along the
 * trajectory against the healthy baseline (the model's own defaults at the start time).
 */
public final class Explainer {
    private Explainer() {
    }

    /**
     * @param tr       the full trajectory of the run (states and outputs), on the problem's grid
     * @param samples  times at which to report effects (within the run)
     */
    public static Explanation explain(String scenario, Model model, CompiledModel compiled, SimulationProblem problem,
                                      Trajectory tr, double[] samples) {
        List<Term> terms = Term.of(model);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("model '" + model.id() + "' names no mechanisms to explain (no 'explain' attributes)");
        }
        Layout layout = compiled.layout();
        InitialConditions healthy = InitialConditions.prepare(compiled, Map.of(), problem.t0());
        double[] refOutputs = new double[layout.outputCount()];
        compiled.outputs(problem.t0(), healthy.state(), healthy.parameters(), refOutputs);
        Map<String, List<Explanation.Effect>> byGroup = new LinkedHashMap<>();
        Map<String, Boolean> additive = new LinkedHashMap<>();
        for (Term term : terms) {
            double[] series = series(term.symbol(), layout, problem, tr);
            double reference = reference(term.symbol(), layout, healthy, refOutputs);
            double[] effect = term.additive() ? accumulated(tr, series, reference, term.op() == '-')
                    : logRatio(series, reference, term.op() == '/');
            double[] sampled = sample(tr, effect, samples);
            double mean = 0;
            for (double v : effect) {
                mean += v;
            }
            byGroup.computeIfAbsent(term.group(), g -> new ArrayList<>())
                    .add(new Explanation.Effect(term, sampled, mean / effect.length));
            additive.merge(term.group(), term.additive(), (a, b) -> a && b);
        }
        Map<String, String> quantities = groupQuantities(model);
        List<Explanation.Group> groups = new ArrayList<>();
        byGroup.forEach((name, effects) -> {
            List<Explanation.Effect> ranked = new ArrayList<>(effects);
            // Terms that raised the quantity first, then those that lowered it, each by size.
            ranked.sort(Comparator.comparingInt((Explanation.Effect e) -> e.mean() >= 0 ? 0 : 1)
                    .thenComparingDouble(e -> -Math.abs(e.mean())));
            String q = quantities.get(name);
            double[] actual = new double[samples.length];
            java.util.Arrays.fill(actual, Double.NaN);
            if (q != null) {
                double[] x = series(q, layout, problem, tr);
                double ref = additive.get(name) ? x[0] : reference(q, layout, healthy, refOutputs);
                double[] change = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    change[i] = additive.get(name) ? x[i] - ref : Math.log(Math.max(x[i], 0) / ref);
                }
                actual = sample(tr, change, samples);
            }
            groups.add(new Explanation.Group(name, additive.get(name), q, actual, ranked));
        });
        List<String> order = new ArrayList<>(quantities.keySet());
        groups.sort(Comparator.comparingInt((Explanation.Group g) -> order.contains(g.name()) ? order.indexOf(g.name()) : order.size()));
        return new Explanation(scenario, tr.timeUnit(), samples, groups);
    }

    /**
     * The model-level attribute {@code explain_groups = "bone = BV, resorption = resorption, ..."}:
     * the order to present groups in and the symbol each explains.
     */
    static Map<String, String> groupQuantities(Model model) {
        Map<String, String> out = new LinkedHashMap<>();
        String spec = model.metadata().attribute("explain_groups");
        if (spec == null) {
            return out;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("explain_groups of model '" + model.id()
                        + "' must list '<group> = <symbol>' separated by commas, found '" + part.strip() + "'");
            }
            out.put(kv[0].strip(), kv[1].strip());
        }
        return out;
    }

    private static double[] series(String id, Layout layout, SimulationProblem problem, Trajectory tr) {
        if (tr.has(id)) {
            return tr.column(id);
        }
        int k = layout.parameterIndex(id);
        if (k < 0) {
            throw new IllegalArgumentException("explain term '" + id + "' is neither recorded nor a parameter");
        }
        double[] constant = new double[tr.size()];
        java.util.Arrays.fill(constant, problem.parameters()[k]);
        return constant;
    }

    private static double reference(String id, Layout layout, InitialConditions healthy, double[] refOutputs) {
        int s = layout.stateIndex(id);
        if (s >= 0) {
            return healthy.state()[s];
        }
        int o = layout.outputIndex(id);
        if (o >= 0) {
            return refOutputs[o];
        }
        return healthy.parameters()[layout.parameterIndex(id)];
    }

    private static double[] logRatio(double[] x, double reference, boolean divides) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double r = Math.log(Math.max(x[i], 0) / reference);
            out[i] = divides ? -r : r;
        }
        return out;
    }

    /** Trapezoid integral of (x - reference) from the start: the extra amount the rate contributed. */
    private static double[] accumulated(Trajectory tr, double[] x, double reference, boolean removes) {
        double[] out = new double[x.length];
        for (int i = 1; i < x.length; i++) {
            double dt = tr.time(i) - tr.time(i - 1);
            out[i] = out[i - 1] + 0.5 * dt * ((x[i] - reference) + (x[i - 1] - reference));
        }
        if (removes) {
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        }
        return out;
    }

    private static double[] sample(Trajectory tr, double[] values, double[] times) {
        double[] out = new double[times.length];
        double[] grid = tr.times();
        for (int j = 0; j < times.length; j++) {
            int i = java.util.Arrays.binarySearch(grid, times[j]);
            if (i < 0) {
                i = Math.min(grid.length - 1, -i - 1);
            }
            out[j] = values[i];
        }
        return out;
    }
}
