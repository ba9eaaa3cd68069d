package org.osteon.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SolverSettings;
import org.osteon.util.Suggestions;

/**
 * The fit as a least-squares problem in the optimiser's coordinates u (log or linear per
 * estimate, model parameters then estimated error terms): weighted residuals
 * {@code r_i = (y_i - mu_i) / sigma_i}, and, where sigma depends on u, the error residuals
 * {@code e_i = sqrt(ln sigma_i^2 + C)} so that the sum of squares is the Gaussian
 * {@code -2 log L} up to a constant (the device of Data2Dynamics, Raue et al. 2013 Phil Trans
 * R Soc A 371:20110544), which Levenberg-Marquardt minimises. Derivatives come from each group's
 * {@link ModelPredictor}.
 */
final class FitProblem {
    /** One group (trial arm): its predictor and rows. */
    private record Group(String name, ModelPredictor predictor, List<Integer> rows, int[] timeIndex, int[] outputIndex,
                         double t0, double tEnd) {
    }

    /** Everything about u that the fit and its report need. */
    record Evaluation(double[] u, double[] residuals, double[][] jacobian, double[] mu, double[] sigma, double[][] dmu,
                      double[][] dsigma, double objective, double weightedSsr, String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private final FitSpec spec;
    private final List<Observation> rows;
    private final List<Group> groups = new ArrayList<>();
    private final List<Estimate> estimates;
    private final List<String> errorNames = new ArrayList<>();
    private final List<Estimate> all = new ArrayList<>();
    /** Per row: index into u of the estimated additive and proportional terms, or -1. */
    private final int[] additiveIndex;
    private final int[] proportionalIndex;
    private final ErrorModel[] rowError;
    private final Transform[] rowTransform;
    private final boolean varyingSigma;
    private volatile double offset = Double.NaN;
    private final org.osteon.analysis.Monitor monitor;

    FitProblem(FitSpec spec, ScenarioRunner runner) {
        this(spec, runner, org.osteon.analysis.Monitor.NONE);
    }

    /** @param monitor asked before every evaluation whether to stop (a {@link java.util.concurrent.CancellationException} then) */
    FitProblem(FitSpec spec, ScenarioRunner runner, org.osteon.analysis.Monitor monitor) {
        this.monitor = monitor;
        this.spec = spec;
        this.rows = spec.data().rows();
        this.estimates = spec.estimates();
        int m = estimates.size();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Estimate e : estimates) {
            if (!seen.add(e.name())) {
                throw new IllegalArgumentException("'" + e.name() + "' is listed twice under 'estimate'");
            }
        }
        all.addAll(estimates);
        Map<ErrorModel, int[]> errorSlots = new LinkedHashMap<>();
        rowError = new ErrorModel[rows.size()];
        rowTransform = new Transform[rows.size()];
        additiveIndex = new int[rows.size()];
        proportionalIndex = new int[rows.size()];
        boolean varies = false;
        for (int i = 0; i < rows.size(); i++) {
            Observation r = rows.get(i);
            ErrorModel em = spec.errorFor(r.output());
            rowError[i] = em;
            rowTransform[i] = spec.transformFor(r.output());
            int[] slots = errorSlots.computeIfAbsent(em, k -> {
                String suffix = spec.errors().containsValue(k) && !k.equals(spec.error()) ? "[" + outputOf(k) + "]" : "";
                int a = -1;
                int b = -1;
                if (k.estimateAdditive()) {
                    a = all.size();
                    all.add(new Estimate("error_additive" + suffix, k.additive(), 0, Double.POSITIVE_INFINITY, true));
                }
                if (k.estimateProportional()) {
                    b = all.size();
                    all.add(new Estimate("error_proportional" + suffix, k.proportional(), 0, Double.POSITIVE_INFINITY, true));
                }
                return new int[] {a, b};
            });
            additiveIndex[i] = Double.isNaN(r.sd()) ? slots[0] : -1;
            proportionalIndex[i] = Double.isNaN(r.sd()) ? slots[1] : -1;
            if (Double.isNaN(r.sd()) && em.varies()) {
                varies = true;
            }
        }
        this.varyingSigma = varies;
        for (int j = m; j < all.size(); j++) {
            errorNames.add(all.get(j).name());
        }
        buildGroups(runner);
    }

    private String outputOf(ErrorModel k) {
        return spec.errors().entrySet().stream().filter(e -> e.getValue().equals(k)).map(Map.Entry::getKey).findFirst().orElse("");
    }

    private void buildGroups(ScenarioRunner runner) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Observation r = rows.get(i);
            if (!spec.groups().isEmpty() && !spec.groups().containsKey(r.group())) {
                throw new IllegalArgumentException(r.origin() + ": group '" + r.group() + "' has no scenario"
                        + Suggestions.didYouMean(r.group(), spec.groups().keySet()) + "; groups: "
                        + String.join(", ", spec.groups().keySet()));
            }
            byGroup.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(i);
        }
        double[] initial = estimates.stream().mapToDouble(Estimate::initial).toArray();
        List<String> names = estimates.stream().map(Estimate::name).toList();
        SolverSettings base = null;
        for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
            Scenario s = runner.inModelTime(spec.scenarioFor(e.getKey()));
            CompiledModel model = runner.model(s);
            SimulationProblem problem = runner.problem(s, model);
            Layout layout = model.layout();
            List<String> outputs = new ArrayList<>();
            TreeSet<Double> times = new TreeSet<>();
            times.add(problem.t0());
            for (int i : e.getValue()) {
                Observation r = rows.get(i);
                if (layout.stateIndex(r.output()) < 0 && layout.outputIndex(r.output()) < 0) {
                    // a parameter's name is no typo: "did you mean" would offer the same name back
                    boolean parameter = layout.parameterIndex(r.output()) >= 0;
                    throw new IllegalArgumentException(r.origin() + ": unknown output '" + r.output() + "'"
                            + (parameter ? "" : Suggestions.didYouMean(r.output(), layout.allIds())) + " in model '" + model.id() + "'"
                            + (parameter ? " (it is a parameter: observe a state or rule variable)" : ""));
                }
                if (!(r.time() >= problem.t0() && r.time() <= problem.tEnd())) {
                    throw new IllegalArgumentException(r.origin() + ": time " + r.time() + " is outside the run of group '"
                            + e.getKey() + "' (" + problem.t0() + " to " + problem.tEnd() + " " + model.timeUnit() + ")");
                }
                if (!outputs.contains(r.output())) {
                    outputs.add(r.output());
                }
                times.add(r.time());
            }
            double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
            SolverSettings settings = tightened(runner.settings(s));
            ModelPredictor predictor;
            try {
                predictor = new ModelPredictor(runner, s, names, initial, outputs, t, settings);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("group '" + e.getKey() + "': " + ex.getMessage());
            }
            int[] timeIndex = new int[e.getValue().size()];
            int[] outputIndex = new int[e.getValue().size()];
            for (int q = 0; q < timeIndex.length; q++) {
                Observation r = rows.get(e.getValue().get(q));
                timeIndex[q] = Arrays.binarySearch(t, r.time());
                outputIndex[q] = outputs.indexOf(r.output());
            }
            groups.add(new Group(e.getKey(), predictor, e.getValue(), timeIndex, outputIndex, problem.t0(), problem.tEnd()));
        }
    }

    private SolverSettings tightened(SolverSettings s) {
        double rtol = spec.options().rtol();
        if (s.rtol() <= rtol) {
            return s;
        }
        return s.withTolerances(rtol, s.atol() * rtol / s.rtol());
    }

    List<Estimate> parameters() {
        return all;
    }

    int modelParameterCount() {
        return estimates.size();
    }

    int rowCount() {
        return rows.size();
    }

    List<Observation> rows() {
        return rows;
    }

    String gradientMethod() {
        return groups.stream().map(g -> g.predictor().gradient().label() + " (" + g.predictor().gradientNote() + ")")
                .distinct().reduce((a, b) -> a + "; " + b).orElse("");
    }

    List<String> groupNames() {
        return groups.stream().map(Group::name).toList();
    }

    /** The group's scenario, span and observed outputs (for predicted curves). */
    ModelPredictor predictorFor(String group, double[] times) {
        for (Group g : groups) {
            if (g.name().equals(group)) {
                return g.predictor();
            }
        }
        throw new IllegalArgumentException(group);
    }

    double[] span(String group) {
        for (Group g : groups) {
            if (g.name().equals(group)) {
                return new double[] {g.t0(), g.tEnd()};
            }
        }
        throw new IllegalArgumentException(group);
    }

    double[] modelValues(double[] u) {
        double[] v = new double[estimates.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = estimates.get(j).toValue(u[j]);
        }
        return v;
    }

    Evaluation evaluate(double[] u, boolean withJacobian) {
        if (monitor.cancelled()) {
            throw new java.util.concurrent.CancellationException("the fit was cancelled");
        }
        int n = rows.size();
        int p = all.size();
        int m = estimates.size();
        double[] theta = modelValues(u);
        double[] mu = new double[n];
        double[] sigma = new double[n];
        double[][] dmu = withJacobian ? new double[n][p] : null;
        double[][] dsigma = withJacobian ? new double[n][p] : null;
        try {
            for (Group g : groups) {
                ModelPredictor.Prediction pr = g.predictor().predict(theta, withJacobian);
                for (int q = 0; q < g.rows().size(); q++) {
                    int i = g.rows().get(q);
                    int o = g.outputIndex()[q];
                    int ti = g.timeIndex()[q];
                    double y = pr.values()[o][ti];
                    double y0 = pr.values()[o][0];
                    Transform tr = rowTransform[i];
                    if (tr.needsBaseline() && y0 == 0 && tr != Transform.CHANGE_FROM_BASELINE) {
                        return failed(u, rows.get(i).origin() + ": the baseline of '" + rows.get(i).output() + "' is 0, so "
                                + tr.label() + " is undefined");
                    }
                    mu[i] = tr.apply(y, y0);
                    if (withJacobian) {
                        for (int j = 0; j < m; j++) {
                            double d = tr.derivative(y, y0, pr.gradient()[o][ti][j], pr.gradient()[o][0][j]);
                            dmu[i][j] = d * estimates.get(j).jacobian(u[j]);
                        }
                    }
                }
            }
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return failed(u, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        double objective = 0;
        double wssr = 0;
        List<Double> errorResiduals = new ArrayList<>();
        List<double[]> errorRows = new ArrayList<>();
        double[] r = new double[n];
        double[][] jr = withJacobian ? new double[n][p] : null;
        for (int i = 0; i < n; i++) {
            Observation row = rows.get(i);
            ErrorModel em = rowError[i];
            double s;
            double[] ds = withJacobian ? dsigma[i] : null;
            if (!Double.isNaN(row.sd())) {
                s = row.sd();
            } else {
                double a = additiveIndex[i] >= 0 ? Math.exp(u[additiveIndex[i]]) : em.additive();
                double b = proportionalIndex[i] >= 0 ? Math.exp(u[proportionalIndex[i]]) : em.proportional();
                s = Math.sqrt(a * a + b * b * mu[i] * mu[i]);
                if (!(s > 0)) {
                    return failed(u, row.origin() + ": the error model gives sd 0 at prediction " + mu[i]
                            + " (a proportional error needs an additive term when predictions reach 0)");
                }
                if (withJacobian) {
                    for (int j = 0; j < m; j++) {
                        ds[j] = b * b * mu[i] * dmu[i][j] / s;
                    }
                    if (additiveIndex[i] >= 0) {
                        ds[additiveIndex[i]] = a * a / s;
                    }
                    if (proportionalIndex[i] >= 0) {
                        ds[proportionalIndex[i]] = b * b * mu[i] * mu[i] / s;
                    }
                }
            }
            sigma[i] = s;
            r[i] = (row.value() - mu[i]) / s;
            wssr += r[i] * r[i];
            objective += r[i] * r[i] + Math.log(2 * Math.PI * s * s);
            if (withJacobian) {
                for (int j = 0; j < p; j++) {
                    jr[i][j] = (-dmu[i][j] * s - (row.value() - mu[i]) * ds[j]) / (s * s);
                }
            }
            if (varyingSigma && Double.isNaN(row.sd()) && em.varies()) {
                if (Double.isNaN(offset)) {
                    synchronized (this) {
                        if (Double.isNaN(offset)) {
                            offset = initialOffset(sigma, i);
                        }
                    }
                }
                double arg = Math.log(s * s) + offset;
                double e = Math.sqrt(Math.max(arg, 1e-12));
                errorResiduals.add(e);
                if (withJacobian) {
                    double[] je = new double[p];
                    if (arg > 1e-12) {
                        for (int j = 0; j < p; j++) {
                            je[j] = ds[j] / (s * e);
                        }
                    }
                    errorRows.add(je);
                }
            }
        }
        double[] residuals = new double[n + errorResiduals.size()];
        System.arraycopy(r, 0, residuals, 0, n);
        for (int k = 0; k < errorResiduals.size(); k++) {
            residuals[n + k] = errorResiduals.get(k);
        }
        double[][] jac = null;
        if (withJacobian) {
            jac = new double[residuals.length][];
            System.arraycopy(jr, 0, jac, 0, n);
            for (int k = 0; k < errorRows.size(); k++) {
                jac[n + k] = errorRows.get(k);
            }
        }
        return new Evaluation(u.clone(), residuals, jac, mu, sigma, dmu, dsigma, objective, wssr, null);
    }

    /** C large enough that ln sigma^2 + C stays positive while sigma shrinks by e^10 from its first values. */
    private static double initialOffset(double[] sigma, int upTo) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= upTo; i++) {
            if (sigma[i] > 0) {
                min = Math.min(min, Math.log(sigma[i] * sigma[i]));
            }
        }
        return Math.max(0, -min) + 20;
    }

    private Evaluation failed(double[] u, String why) {
        return new Evaluation(u.clone(), null, null, null, null, null, null, Double.NaN, Double.NaN, why);
    }

    /**
     * Expected Fisher information in u: {@code sum dmu dmu / sigma^2 + 2 dsigma dsigma / sigma^2}
     * (the second term for a standard deviation that depends on u).
     */
    double[][] fisher(Evaluation ev) {
        int p = all.size();
        double[][] f = new double[p][p];
        for (int i = 0; i < rows.size(); i++) {
            double s2 = ev.sigma()[i] * ev.sigma()[i];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = ev.dmu()[i][a] * ev.dmu()[i][b] / s2 + 2 * ev.dsigma()[i][a] * ev.dsigma()[i][b] / s2;
                    f[a][b] += v;
                    if (a != b) {
                        f[b][a] += v;
                    }
                }
            }
        }
        return f;
    }
}
