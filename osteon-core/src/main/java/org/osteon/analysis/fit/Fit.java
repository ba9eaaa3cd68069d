package org.osteon.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.random.Well19937c;
import org.hipparchus.util.Pair;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.Parallel;
import org.osteon.scenario.ScenarioRunner;

/**
 * Maximum-likelihood estimation of model parameters from data: Levenberg-Marquardt (Hipparchus)
 * on the weighted residuals, with derivatives from the forward sensitivity equations; a global
 * start by multi-start (seeded Latin hypercube within the bounds) or CMA-ES; standard errors and
 * Wald intervals from the expected Fisher information; profile-likelihood intervals on request;
 * identifiability from the Fisher information's spectrum and the intervals' width.
 */
public final class Fit {
    /** chi-square(1) 0.95 quantile: the rise of -2 log L that bounds a 95 % profile interval. */
    public static final double PROFILE_THRESHOLD = 3.841458820694124;
    static final double Z95 = 1.959963984540054;
    /** Eigenvalues of the Fisher information below this fraction of the largest are null directions. */
    static final double NULL_EIGENVALUE = 1e-8;
    private static final int PROFILE_STEPS = 30;

    private Fit() {
    }

    /** Thrown when a fit cannot even start (no run succeeds at the initial values). */
    public static final class FitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FitException(String message) {
            super(message);
        }
    }

    /**
     * @throws IllegalArgumentException for a spec that does not fit the model or data (names the file and line)
     * @throws FitException             when the model cannot be simulated at the initial values
     */
    public static FitResult run(FitSpec spec, ScenarioRunner runner, Monitor monitor) {
        long t0 = System.nanoTime();
        FitProblem problem = new FitProblem(spec, runner, monitor);
        List<Estimate> params = problem.parameters();
        int p = params.size();
        double[] u0 = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int j = 0; j < p; j++) {
            Estimate e = params.get(j);
            u0[j] = e.toInternal(e.initial());
            lo[j] = e.lowerInternal();
            hi[j] = e.upperInternal();
        }
        FitProblem.Evaluation first = problem.evaluate(u0, false);
        if (first.failed()) {
            throw new FitException("the model cannot be simulated at the initial values: " + first.failure());
        }
        FitSpec.Options options = spec.options();
        boolean[] log = new boolean[p];
        for (int j = 0; j < p; j++) {
            log[j] = params.get(j).log();
        }
        List<double[]> starts = new ArrayList<>();
        starts.add(u0);
        if (options.global().equals("cmaes")) {
            starts.add(cmaes(problem, u0, lo, hi, log, options));
        }
        starts.addAll(latinHypercube(u0, lo, hi, log, options.starts() - 1, options.seed()));
        List<Local> locals = Parallel.map(starts.size(), options.threads(), monitor,
                i -> localFit(problem, starts.get(i), lo, hi, options.maxEvaluations(), -1, 0));
        Local best = locals.stream().filter(l -> Double.isFinite(l.objective))
                .min(Comparator.comparingDouble(l -> l.objective)).orElse(null);
        if (best == null) {
            throw new FitException("no local fit produced a finite objective; first problem: " + locals.get(0).message);
        }
        FitProblem.Evaluation ev = problem.evaluate(best.u, true);
        if (ev.failed()) {
            throw new FitException("the model cannot be simulated at the best point found: " + ev.failure());
        }
        List<FitResult.Start> startList = new ArrayList<>();
        int evaluations = 0;
        for (int i = 0; i < locals.size(); i++) {
            Local l = locals.get(i);
            evaluations += l.evaluations;
            startList.add(new FitResult.Start(i, values(params, starts.get(i)), l.objective, l.converged, l.evaluations, l.message));
        }
        Uncertainty unc = uncertainty(problem.fisher(ev), params, best.u, lo, hi);
        double[][] profile = new double[p][];
        for (String name : spec.profile()) {
            int a = indexOf(params, name);
            profile[a] = profile(problem, best, a, unc.se[a], lo, hi, options);
        }
        List<FitResult.Parameter> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            Estimate e = params.get(j);
            double est = e.toValue(best.u[j]);
            double seU = unc.se[j];
            double se = Double.isFinite(seU) ? seU * e.jacobian(best.u[j]) : Double.POSITIVE_INFINITY;
            double ciLow = Double.isFinite(seU) ? e.toValue(Math.max(best.u[j] - Z95 * seU, lo[j])) : e.lower();
            double ciHigh = Double.isFinite(seU) ? e.toValue(Math.min(best.u[j] + Z95 * seU, hi[j])) : e.upper();
            double pl = profile[j] == null ? Double.NaN : profile[j][0];
            double ph = profile[j] == null ? Double.NaN : profile[j][1];
            String flag = unc.flags[j];
            if (profile[j] != null && (Double.isInfinite(pl) || Double.isInfinite(ph))) {
                flag = join(flag, "profile likelihood stays within the 95 % threshold up to " + (Double.isInfinite(pl) && Double.isInfinite(ph)
                        ? "both bounds" : Double.isInfinite(pl) ? "the lower bound" : "the upper bound") + ": not identifiable from these data");
            }
            out.add(new FitResult.Parameter(e.name(), est, se, ciLow, ciHigh, e.scale(), e.initial(), e.lower(), e.upper(), pl,
                    ph, flag));
        }
        List<String> identifiability = new ArrayList<>(unc.findings);
        List<FitResult.Residual> residuals = new ArrayList<>();
        for (int i = 0; i < problem.rowCount(); i++) {
            residuals.add(new FitResult.Residual(problem.rows().get(i), ev.mu()[i], ev.sigma()[i]));
        }
        String message = best.message;
        boolean converged = best.converged;
        if (locals.stream().anyMatch(l -> l.failures > 0)) {
            int failures = locals.stream().mapToInt(l -> l.failures).sum();
            message = message + "; " + failures + " trial point(s) could not be simulated (first: "
                    + locals.stream().filter(l -> l.firstFailure != null).findFirst().map(l -> l.firstFailure).orElse("") + ")";
        }
        String errorText = spec.error().describe() + (spec.errors().isEmpty() ? "" : "; by output: " + spec.errors());
        return new FitResult(out, ev.objective(), ev.weightedSsr(), problem.rowCount(), converged, message, evaluations,
                startList, unc.correlation, residuals, identifiability, problem.gradientMethod(), errorText,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The fitted model's curves on the data's scale, {@code points} times over each group's run
     * plus the data times, for plots.
     */
    public static List<Curve> curves(FitSpec spec, ScenarioRunner runner, FitResult result, int points) {
        List<Curve> out = new ArrayList<>();
        java.util.Map<String, List<Observation>> byGroup = new java.util.LinkedHashMap<>();
        spec.data().rows().forEach(o -> byGroup.computeIfAbsent(o.group(), k -> new ArrayList<>()).add(o));
        List<String> names = spec.estimates().stream().map(Estimate::name).toList();
        double[] theta = names.stream().mapToDouble(n -> result.parameter(n).estimate()).toArray();
        for (var e : byGroup.entrySet()) {
            var scenario = runner.inModelTime(spec.scenarioFor(e.getKey()));
            var problem = runner.problem(scenario, runner.model(scenario));
            java.util.TreeSet<Double> t = new java.util.TreeSet<>();
            for (int i = 0; i < points; i++) {
                t.add(problem.t0() + (problem.tEnd() - problem.t0()) * i / (points - 1));
            }
            List<String> outputs = e.getValue().stream().map(Observation::output).distinct().toList();
            e.getValue().forEach(o -> t.add(o.time()));
            double[] times = t.stream().mapToDouble(Double::doubleValue).toArray();
            ModelPredictor predictor = new ModelPredictor(runner, scenario, names, theta, outputs, times,
                    runner.settings(scenario));
            double[][] v = predictor.predict(theta, false).values();
            for (int o = 0; o < outputs.size(); o++) {
                Transform tr = spec.transformFor(outputs.get(o));
                double[] y = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    y[i] = tr.apply(v[o][i], v[o][0]);
                }
                out.add(new Curve(e.getKey(), outputs.get(o), times, y));
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }

    private static int indexOf(List<Estimate> params, String name) {
        for (int j = 0; j < params.size(); j++) {
            if (params.get(j).name().equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException("cannot profile '" + name + "': it is not estimated");
    }

    private static double[] values(List<Estimate> params, double[] u) {
        double[] v = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            v[j] = params.get(j).toValue(u[j]);
        }
        return v;
    }

    /** The result of one local fit. */
    static final class Local {
        double[] u;
        double objective = Double.NaN;
        boolean converged;
        int evaluations;
        int failures;
        String firstFailure;
        String message = "";
    }

    /**
     * Levenberg-Marquardt from {@code start}; coordinate {@code fixed} (or -1) is held at {@code fixedValue}.
     * The best point seen is kept even when the optimiser stops early.
     */
    static Local localFit(FitProblem problem, double[] start, double[] lo, double[] hi, int maxEvaluations, int fixed,
                          double fixedValue) {
        int p = start.length;
        int[] free = java.util.stream.IntStream.range(0, p).filter(j -> j != fixed).toArray();
        Local local = new Local();
        local.u = start.clone();
        if (fixed >= 0) {
            local.u[fixed] = fixedValue;
        }
        double[] bestCost = {Double.POSITIVE_INFINITY};
        int[] residualCount = {-1};
        AtomicInteger count = new AtomicInteger();
        MultivariateJacobianFunction model = point -> {
            double[] u = local.u.clone();
            for (int f = 0; f < free.length; f++) {
                u[free[f]] = clamp(point.getEntry(f), lo[free[f]], hi[free[f]]);
            }
            count.incrementAndGet();
            FitProblem.Evaluation ev = problem.evaluate(u, true);
            if (ev.failed()) {
                local.failures++;
                if (local.firstFailure == null) {
                    local.firstFailure = ev.failure();
                }
                if (residualCount[0] < 0) {
                    throw new FitException(ev.failure());
                }
                // A point where the model cannot be run: a large cost makes the optimiser step back.
                double[] big = new double[residualCount[0]];
                Arrays.fill(big, Math.sqrt(1e6 * (bestCost[0] + 1) / big.length));
                return new Pair<>(new ArrayRealVector(big, false), new Array2DRowRealMatrix(big.length, free.length));
            }
            residualCount[0] = ev.residuals().length;
            double cost = 0;
            for (double r : ev.residuals()) {
                cost += r * r;
            }
            synchronized (local) {
                if (cost < bestCost[0]) {
                    bestCost[0] = cost;
                    local.u = u.clone();
                    local.objective = ev.objective();
                }
            }
            double[][] jac = new double[ev.residuals().length][free.length];
            for (int f = 0; f < free.length; f++) {
                // A coordinate held at a bound whose descent direction (-gradient of the cost) points out of
                // the box cannot move: its column is left zero, so that the step of the others is not computed
                // as if it could (with the column, the clamped step stalled short of the constrained optimum).
                int j = free[f];
                double g = 0;
                for (int i = 0; i < jac.length; i++) {
                    g += ev.residuals()[i] * ev.jacobian()[i][j];
                }
                if (u[j] <= lo[j] && g > 0 || u[j] >= hi[j] && g < 0) {
                    continue;
                }
                for (int i = 0; i < jac.length; i++) {
                    jac[i][f] = ev.jacobian()[i][j];
                }
            }
            return new Pair<>(new ArrayRealVector(ev.residuals(), false), new Array2DRowRealMatrix(jac, false));
        };
        double[] s = new double[free.length];
        for (int f = 0; f < free.length; f++) {
            s[f] = clamp(start[free[f]], lo[free[f]], hi[free[f]]);
        }
        // The target is zero residuals; Hipparchus's residual is target - value, which only flips the sign.
        FitProblem.Evaluation probe = problem.evaluate(local.u, false);
        if (probe.failed()) {
            local.message = "failed: the model cannot be simulated at the start (" + probe.failure() + ")";
            return local;
        }
        residualCount[0] = probe.residuals().length;
        LeastSquaresProblem lsq = new LeastSquaresBuilder().start(s).model(model).target(new double[residualCount[0]])
                .maxEvaluations(maxEvaluations).maxIterations(maxEvaluations).lazyEvaluation(false)
                .parameterValidator(v -> {
                    RealVector c = v.copy();
                    for (int f = 0; f < free.length; f++) {
                        c.setEntry(f, clamp(v.getEntry(f), lo[free[f]], hi[free[f]]));
                    }
                    return c;
                }).build();
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-12)
                    .withParameterRelativeTolerance(1e-9).withOrthoTolerance(1e-12).optimize(lsq);
            local.converged = true;
            local.message = "converged after " + opt.getIterations() + " iterations";
        } catch (FitException e) {
            local.message = "failed: the model cannot be simulated at the start (" + e.getMessage() + ")";
        } catch (MathRuntimeException e) {
            local.message = "did not converge: " + e.getMessage() + "; the best point found is kept";
        }
        local.evaluations = count.get();
        return local;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    /**
     * Finite bounds for sampling: the given ones, or a factor of 10 around the start (log scale:
     * u0 +- ln 10) / +-100 % of the start, at least +-1 (linear scale).
     */
    private static double[][] samplingBox(double[] u0, double[] lo, double[] hi, boolean[] log) {
        int p = u0.length;
        double[][] box = new double[2][p];
        for (int j = 0; j < p; j++) {
            double half = log[j] ? Math.log(10) : Math.max(Math.abs(u0[j]), 1);
            box[0][j] = Double.isFinite(lo[j]) ? lo[j] : u0[j] - half;
            box[1][j] = Double.isFinite(hi[j]) ? hi[j] : u0[j] + half;
        }
        return box;
    }

    /** n points, in each coordinate one in each of n equal strata of the sampling box (seeded). */
    static List<double[]> latinHypercube(double[] u0, double[] lo, double[] hi, boolean[] log, int n, long seed) {
        List<double[]> out = new ArrayList<>();
        if (n <= 0) {
            return out;
        }
        double[][] box = samplingBox(u0, lo, hi, log);
        SplittableRandom rng = new SplittableRandom(seed);
        int p = u0.length;
        double[][] pts = new double[n][p];
        for (int j = 0; j < p; j++) {
            int[] perm = java.util.stream.IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[k];
                perm[k] = tmp;
            }
            for (int i = 0; i < n; i++) {
                double x = (perm[i] + rng.nextDouble()) / n;
                pts[i][j] = box[0][j] + x * (box[1][j] - box[0][j]);
            }
        }
        out.addAll(Arrays.asList(pts));
        return out;
    }

    /** CMA-ES (Hipparchus) on -2 log L over the sampling box; its best point then starts a local fit. */
    private static double[] cmaes(FitProblem problem, double[] u0, double[] lo, double[] hi, boolean[] log,
                                  FitSpec.Options options) {
        double[][] box = samplingBox(u0, lo, hi, log);
        double[] sigma = new double[u0.length];
        for (int j = 0; j < sigma.length; j++) {
            sigma[j] = (box[1][j] - box[0][j]) / 4;
        }
        int lambda = 4 + (int) (3 * Math.log(u0.length));
        CMAESOptimizer cma = new CMAESOptimizer(Math.max(10, options.maxEvaluations() / lambda), 0, true, 0, 10,
                new Well19937c(options.seed()), false, null);
        PointValuePair best = cma.optimize(new MaxEval(options.maxEvaluations() * 5), GoalType.MINIMIZE,
                new InitialGuess(u0), new SimpleBounds(box[0], box[1]),
                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda),
                new ObjectiveFunction(u -> {
                    FitProblem.Evaluation ev = problem.evaluate(u, false);
                    return ev.failed() ? Double.MAX_VALUE / 4 : ev.objective();
                }));
        return best.getPoint();
    }

    /** Standard errors, correlations and identifiability findings from the Fisher information. */
    private record Uncertainty(double[] se, double[][] correlation, String[] flags, List<String> findings) {
    }

    private static Uncertainty uncertainty(double[][] fisher, List<Estimate> params, double[] u, double[] lo, double[] hi) {
        int p = fisher.length;
        String[] flags = new String[p];
        Arrays.fill(flags, "");
        List<String> findings = new ArrayList<>();
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(fisher));
        double[] lambda = eig.getEigenvalues();
        double max = Arrays.stream(lambda).max().orElse(0);
        double[][] cov = new double[p][p];
        boolean[] unidentifiable = new boolean[p];
        for (int k = 0; k < p; k++) {
            RealVector v = eig.getEigenvector(k);
            if (!(lambda[k] > NULL_EIGENVALUE * max) || max <= 0) {
                StringBuilder combo = new StringBuilder();
                for (int a = 0; a < p; a++) {
                    if (Math.abs(v.getEntry(a)) > 0.1) {
                        unidentifiable[a] = true;
                        combo.append(combo.length() == 0 ? "" : " ").append(v.getEntry(a) >= 0 && combo.length() > 0 ? "+" : "")
                                .append(String.format(java.util.Locale.ROOT, "%.3g", v.getEntry(a))).append('*')
                                .append(params.get(a).log() ? "ln(" + params.get(a).name() + ")" : params.get(a).name());
                    }
                }
                findings.add("the data do not determine " + combo + " (Fisher information eigenvalue "
                        + String.format(java.util.Locale.ROOT, "%.3g", lambda[k]) + " of largest "
                        + String.format(java.util.Locale.ROOT, "%.3g", max) + "): only other combinations are fixed");
                continue;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] += v.getEntry(a) * v.getEntry(b) / lambda[k];
                }
            }
        }
        double[] se = new double[p];
        double[][] corr = new double[p][p];
        for (int a = 0; a < p; a++) {
            se[a] = unidentifiable[a] ? Double.POSITIVE_INFINITY : Math.sqrt(cov[a][a]);
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                corr[a][b] = unidentifiable[a] || unidentifiable[b] ? Double.NaN : cov[a][b] / (se[a] * se[b]);
            }
        }
        for (int a = 0; a < p; a++) {
            Estimate e = params.get(a);
            if (unidentifiable[a]) {
                flags[a] = "not identifiable: the data fix it only in combination with others";
                continue;
            }
            double tol = 1e-6 * (1 + Math.abs(u[a]));
            if (Double.isFinite(lo[a]) && u[a] - lo[a] <= tol) {
                flags[a] = "at the lower bound: the interval is not reliable";
            } else if (Double.isFinite(hi[a]) && hi[a] - u[a] <= tol) {
                flags[a] = "at the upper bound: the interval is not reliable";
            } else if (e.log() && Z95 * se[a] > Math.log(10)) {
                flags[a] = "poorly determined: the 95 % interval spans more than a factor of 100";
                findings.add(e.name() + " is poorly determined (95 % interval from " + fmt(e.toValue(u[a] - Z95 * se[a])) + " to "
                        + fmt(e.toValue(u[a] + Z95 * se[a])) + ")");
            } else if (!e.log() && se[a] > Math.abs(e.toValue(u[a]))) {
                flags[a] = "poorly determined: the standard error exceeds the estimate";
                findings.add(e.name() + " is poorly determined (relative standard error above 100 %)");
            }
            for (int b = 0; b < a; b++) {
                if (Math.abs(corr[a][b]) > 0.95 && !unidentifiable[b]) {
                    findings.add(params.get(b).name() + " and " + e.name() + " are strongly correlated (" + fmt(corr[a][b])
                            + "): the data mostly fix a combination of them");
                }
            }
        }
        return new Uncertainty(se, corr, flags, findings);
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /**
     * The 95 % profile-likelihood interval of coordinate a (in values): walk away from the
     * optimum in steps, re-fitting the others each time, until -2 log L has risen by
     * {@link #PROFILE_THRESHOLD}; the crossing is interpolated linearly. An infinite end means the
     * profile stayed below the threshold up to the bound (or the step budget).
     */
    private static double[] profile(FitProblem problem, Local best, int a, double seU, double[] lo, double[] hi,
                                    FitSpec.Options options) {
        Estimate e = problem.parameters().get(a);
        double step = Double.isFinite(seU) && seU > 0 ? Math.min(seU / 2, 1) : 0.1;
        double[] ends = new double[2];
        for (int side = 0; side < 2; side++) {
            int dir = side == 0 ? -1 : 1;
            double prevU = best.u[a];
            double prevRise = 0;
            double[] warm = best.u.clone();
            double found = dir < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (int k = 1; k <= PROFILE_STEPS; k++) {
                double ua = best.u[a] + dir * k * step;
                boolean atBound = false;
                if (ua < lo[a] || ua > hi[a]) {
                    ua = clamp(ua, lo[a], hi[a]);
                    atBound = true;
                }
                Local l = localFit(problem, warm, lo, hi, options.maxEvaluations(), a, ua);
                if (!Double.isFinite(l.objective)) {
                    break;
                }
                double rise = l.objective - best.objective;
                if (rise >= PROFILE_THRESHOLD) {
                    double w = (PROFILE_THRESHOLD - prevRise) / (rise - prevRise);
                    found = e.toValue(prevU + w * (ua - prevU));
                    break;
                }
                warm = l.u;
                prevU = ua;
                prevRise = rise;
                if (atBound) {
                    break;
                }
            }
            ends[side] = found;
        }
        return ends;
    }
}
