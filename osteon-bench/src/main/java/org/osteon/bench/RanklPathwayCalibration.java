package org.osteon.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.osteon.models.BuiltInCatalog;
import org.osteon.models.ranklpathway.RanklPathwayTrials;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.trajectory.Trajectory;

/**
 * The staged estimation that calibrated {@code rankl-pathway} (docs/models/rankl-pathway.md, section
 * Calibration), run on demand. Each stage minimises the weighted sum of squares
 * {@code sum(((model - data)/sd)^2)} over its training data (the files of
 * {@code rankl-pathway/calibration/}, one scenario per arm) by Nelder-Mead in the logarithms of
 * its parameters, within bounds, starting from the model's current values; later stages start from
 * the estimates of earlier ones. Held-out data are never read. The model's values are the result;
 * running this again from them reproduces them (to the optimiser's tolerance).
 *
 * <pre>
 * mvn -q -o -Pbench -DskipTests package -pl osteon-bench -am
 * java -cp osteon-bench/target/benchmarks.jar org.osteon.bench.RanklPathwayCalibration [stage...]
 * </pre>
 */
public final class RanklPathwayCalibration {

    /** A parameter estimated in a stage, within [lower, upper] (log scale). */
    record Estimated(String name, double lower, double upper) {
    }

    /** A stage: its training data files and the parameters it estimates. */
    record Stage(String name, List<String> dataFiles, List<Estimated> parameters) {
    }

    /** The calibration as run; the same stages are written as osteon fit specs in calibration/. */
    static final List<Stage> STAGES = List.of(
            new Stage("1-denosumab", List.of("denosumab-training.csv"), List.of(
                    new Estimated("chi_den", 0.01, 100), new Estimated("phi_den", 0.001, 0.5),
                    new Estimated("a_RANKL0", 0.005, 1), new Estimated("k_fis", 0.001, 3),
                    new Estimated("k_e0_den", 0.005, 1), new Estimated("k_min", 1e-4, 0.03),
                    new Estimated("beta_BMU", 0.7, 0.99), new Estimated("w_LS", 0.3, 1),
                    new Estimated("w_TH", 0.05, 0.8), new Estimated("n_ocy", 0.1, 10),
                    new Estimated("rho_cort", 0.03, 0.6))),
            new Stage("2-teriparatide", List.of("teriparatide-training.csv"), List.of(
                    new Estimated("E_mod", 0.1, 100), new Estimated("E_mod_c", 0.01, 100),
                    new Estimated("E_act_PTH", 0.01, 40), new Estimated("k_tol_PTH", 5e-4, 0.1),
                    new Estimated("f_tol_PTH", 0.01, 0.999))),
            new Stage("3-menopause", List.of("menopause-training.csv"), List.of(
                    new Estimated("e_E_OCapo", 0.05, 1.4))),
            new Stage("4-zoledronate", List.of("zoledronate-training.csv"), List.of(
                    new Estimated("E_BP", 0.5, 200), new Estimated("k_BP_bury", 1e-5, 0.1))));

    private final BuiltInCatalog catalog = new BuiltInCatalog();
    private final ScenarioRunner runner = new ScenarioRunner(catalog);

    /** Weighted sum of squares of the model with {@code set} over the observations; failed runs cost 1e12. */
    double objective(List<RanklPathwayTrials.Observation> points, Map<String, Double> set) {
        Map<String, List<RanklPathwayTrials.Observation>> byGroup = new LinkedHashMap<>();
        points.forEach(p -> byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p));
        double sum = 0;
        for (var e : byGroup.entrySet()) {
            Trajectory tr;
            try {
                tr = RanklPathwayTrials.run(runner, e.getKey(), set);
            } catch (RuntimeException ex) {
                return 1e12;
            }
            for (RanklPathwayTrials.Observation p : e.getValue()) {
                double r = (tr.valueAt(p.output(), p.time()) - p.value()) / p.sd();
                sum += r * r;
            }
        }
        return Double.isFinite(sum) ? sum : 1e12;
    }

    /** Runs one stage from {@code start} (parameter values by name); returns the estimates. */
    Map<String, Double> run(Stage stage, Map<String, Double> start) {
        List<RanklPathwayTrials.Observation> points = RanklPathwayTrials.observations(stage.dataFiles());
        int n = stage.parameters().size();
        double[] x0 = new double[n];
        double[] steps = new double[n];
        for (int i = 0; i < n; i++) {
            Estimated p = stage.parameters().get(i);
            x0[i] = Math.log(start.get(p.name()));
            steps[i] = 0.25 * (Math.log(p.upper()) - Math.log(p.lower()));
        }
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            Map<String, Double> set = new LinkedHashMap<>(start);
            for (int i = 0; i < n; i++) {
                Estimated p = stage.parameters().get(i);
                if (x[i] < Math.log(p.lower()) || x[i] > Math.log(p.upper())) {
                    return 1e12; // outside the bounds
                }
                set.put(p.name(), Math.exp(x[i]));
            }
            return objective(points, set);
        });
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-4, 1e-6);
        PointValuePair best = optimizer.optimize(new MaxEval(3000 * n), f, GoalType.MINIMIZE, new InitialGuess(x0),
                new NelderMeadSimplex(steps));
        Map<String, Double> out = new LinkedHashMap<>(start);
        for (int i = 0; i < n; i++) {
            out.put(stage.parameters().get(i).name(), Math.exp(best.getPoint()[i]));
        }
        System.out.printf(Locale.ROOT, "stage %s: objective %.4f after %d evaluations (start %.4f)%n", stage.name(),
                best.getValue(), optimizer.getEvaluations(), objective(points, start));
        stage.parameters().forEach(p -> System.out.printf(Locale.ROOT, "  %s = %.6g%n", p.name(), out.get(p.name())));
        return out;
    }

    /** The model's default values of every estimated parameter. */
    Map<String, Double> defaults() {
        var model = catalog.compiled("rankl-pathway").orElseThrow();
        var init = org.osteon.simulation.InitialConditions.prepare(model, Map.of(), 0);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Stage s : STAGES) {
            for (Estimated p : s.parameters()) {
                out.put(p.name(), init.parameters()[model.layout().parameterIndex(p.name())]);
            }
        }
        return out;
    }

    public static void main(String[] args) {
        RanklPathwayCalibration c = new RanklPathwayCalibration();
        Map<String, Double> values = c.defaults();
        for (Stage s : STAGES) {
            if (args.length == 0 || List.of(args).contains(s.name())) {
                values = c.run(s, values);
            }
        }
    }
}
