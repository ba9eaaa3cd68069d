package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.Monitor;
import org.osteon.scenario.Scenario;

/**
 * {@link FitProblem}'s residuals, objective (-2 log L), Jacobian and Fisher information against
 * hand calculation, for each error model. The model x' = b, x(0) = A has x = A + b t, which
 * every integrator reproduces to rounding, so the predictions are known exactly; A is estimated
 * on the log scale (dmu/du = A) and b on the linear scale (dmu/du = t). Error terms are
 * estimated on the log scale. Bounds: 1e-9 relative. (First set to 1e-12 on the assumption that
 * the runs reproduce the line to rounding; the integrator's steps and exp(ln 2) leave errors of
 * about 1e-11 in the predictions, seen as 7.6e-12 in an sd and 3e-8 in a Fisher entry of 516.)
 */
class FitLikelihoodTest {
    private static final String LINE = "model line\n  x' = b\n  x = A\n  A = 2; b = 0.5\n  y := 3*x\nend\n";
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    @TempDir
    Path dir;

    private FitFixtures fx;
    private Scenario scenario;

    @BeforeEach
    void setUp() {
        fx = new FitFixtures(dir);
        scenario = fx.scenario(LINE, "until: 10\n");
    }

    private static Observation row(String output, double t, double value, double sd, int line) {
        return new Observation(DataSet.DEFAULT_GROUP, output, t, value, sd, "d.csv:" + line);
    }

    private static List<Estimate> lineEstimates() {
        return List.of(new Estimate("A", 2, 0, Double.POSITIVE_INFINITY, true), new Estimate("b", 0.5, -10, 10, false));
    }

    private FitProblem problem(List<Observation> rows, ErrorModel error, Map<String, ErrorModel> errors,
                               Map<String, Transform> transforms) {
        return problem(scenario, rows, error, errors, transforms, Monitor.NONE);
    }

    private FitProblem problem(Scenario s, List<Observation> rows, ErrorModel error, Map<String, ErrorModel> errors,
                               Map<String, Transform> transforms, Monitor monitor) {
        FitSpec spec = new FitSpec(s, Map.of(), DataSet.of("d.csv", rows), transforms, lineEstimates(), error, errors,
                FitSpec.Options.DEFAULT, List.of());
        return new FitProblem(spec, fx.runner, monitor);
    }

    /**
     * Rows at t = 0, 1, 2 (predictions 2, 2.5, 3 at A = 2, b = 0.5): two with their own sd (0.1,
     * 0.2), one with the fixed additive sd 0.5. Residuals 1, -0.5, 0.4; -2 log L = 1.41 + sum of
     * ln(2 pi sd^2); no error residuals (sd does not depend on u); Jacobian -dmu/du / sd.
     */
    @Test
    void fixedStandardDeviationsGiveWeightedResidualsAndTheGaussianLikelihood() {
        FitProblem fp = problem(List.of(row("x", 0, 2.1, 0.1, 2), row("x", 1, 2.4, 0.2, 3), row("x", 2, 3.2, Double.NaN, 4)),
                ErrorModel.additive(0.5), Map.of(), Map.of());
        assertThat(fp.rowCount()).isEqualTo(3);
        assertThat(fp.modelParameterCount()).isEqualTo(2);
        assertThat(fp.parameters()).extracting(Estimate::name).containsExactly("A", "b");
        FitProblem.Evaluation ev = fp.evaluate(new double[] {Math.log(2), 0.5}, true);
        assertThat(ev.failed()).isFalse();
        assertThat(ev.mu()).containsExactly(new double[] {2, 2.5, 3}, within(1e-12));
        assertThat(ev.sigma()).containsExactly(0.1, 0.2, 0.5);
        assertThat(ev.residuals()).containsExactly(new double[] {1, -0.5, 0.4}, within(1e-10));
        assertThat(ev.weightedSsr()).isCloseTo(1.41, within(1e-10));
        assertThat(ev.objective()).isCloseTo(1.41 + 3 * LOG_2PI + Math.log(0.01) + Math.log(0.04) + Math.log(0.25), within(1e-10));
        double[][] expected = {{-20, 0}, {-10, -5}, {-4, -4}};
        for (int i = 0; i < 3; i++) {
            assertThat(ev.jacobian()[i]).as("row %d", i).containsExactly(expected[i], within(1e-8));
            assertThat(ev.dsigma()[i]).containsOnly(0.0);
        }
        // Fisher information sum dmu dmu^T / sd^2 with dmu = (2, 0), (2, 1), (2, 2)
        double[][] f = fp.fisher(ev);
        assertThat(f[0]).containsExactly(new double[] {516, 66}, within(1e-9 * 516));
        assertThat(f[1]).containsExactly(new double[] {66, 41}, within(1e-9 * 516));
        // without the Jacobian: the same values, no derivatives
        FitProblem.Evaluation plain = fp.evaluate(new double[] {Math.log(2), 0.5}, false);
        assertThat(plain.objective()).as("the plain run").isCloseTo(ev.objective(), within(1e-9));
        assertThat(plain.jacobian()).isNull();
        assertThat(plain.dmu()).isNull();
    }

    /**
     * Combined error with both terms estimated, evaluated away from their starts (a = 0.4,
     * b = 0.2 against 0.3 and 0.1, so the start values must not be used): sd_i = sqrt(a^2 + b^2 mu_i^2),
     * error residuals e_i = sqrt(ln sd_i^2 + C) with C = 20 - min ln sd^2 fixed at the first
     * evaluation (Raue et al. 2013), a row with its own sd outside the error model, and the
     * Jacobian and Fisher information from dsd/du: b^2 mu dmu/du / sd for the model parameters,
     * a^2 / sd and b^2 mu^2 / sd for the error terms.
     */
    @Test
    void estimatedCombinedErrorAddsErrorResidualsAndTheirDerivatives() {
        List<Observation> rows = List.of(row("x", 0, 2.1, Double.NaN, 2), row("x", 1, 2.4, 0.3, 3), row("x", 2, 3.2, Double.NaN, 4),
                row("x", 4, 3.7, Double.NaN, 5));
        FitProblem fp = problem(rows, new ErrorModel(0.3, 0.1, true, true), Map.of(), Map.of());
        assertThat(fp.parameters()).extracting(Estimate::name).containsExactly("A", "b", "error_additive", "error_proportional");
        assertThat(fp.parameters().get(2).initial()).isEqualTo(0.3);
        assertThat(fp.parameters().get(3).log()).isTrue();
        double a = 0.4;
        double bp = 0.2;
        double[] u = {Math.log(2), 0.5, Math.log(a), Math.log(bp)};
        FitProblem.Evaluation ev = fp.evaluate(u, true);
        double[] t = {0, 1, 2, 4};
        double[] y = {2.1, 2.4, 3.2, 3.7};
        double[] mu = {2, 2.5, 3, 4};
        double[] sd = new double[4];
        for (int i = 0; i < 4; i++) {
            sd[i] = i == 1 ? 0.3 : Math.sqrt(a * a + bp * bp * mu[i] * mu[i]);
        }
        // C from the first row's sd (sd < 1, so ln sd^2 < 0)
        double c = 20 - Math.log(sd[0] * sd[0]);
        assertThat(ev.residuals()).hasSize(4 + 3);
        double objective = 0;
        for (int i = 0; i < 4; i++) {
            assertThat(ev.sigma()[i]).isCloseTo(sd[i], within(1e-9 * sd[i]));
            assertThat(ev.residuals()[i]).isCloseTo((y[i] - mu[i]) / sd[i], within(1e-10));
            objective += Math.pow((y[i] - mu[i]) / sd[i], 2) + LOG_2PI + Math.log(sd[i] * sd[i]);
        }
        assertThat(ev.objective()).isCloseTo(objective, within(1e-10));
        int[] varying = {0, 2, 3};
        double[][] fisher = new double[4][4];
        for (int q = 0; q < 3; q++) {
            int i = varying[q];
            double e = Math.sqrt(Math.log(sd[i] * sd[i]) + c);
            assertThat(ev.residuals()[4 + q]).as("error residual of row %d", i).isCloseTo(e, within(1e-10));
            double[] dmu = {mu[0] == mu[i] ? 2 : 2, t[i], 0, 0};
            double[] ds = {bp * bp * mu[i] * 2 / sd[i], bp * bp * mu[i] * t[i] / sd[i], a * a / sd[i], bp * bp * mu[i] * mu[i] / sd[i]};
            for (int j = 0; j < 4; j++) {
                double jr = (-dmu[j] * sd[i] - (y[i] - mu[i]) * ds[j]) / (sd[i] * sd[i]);
                assertThat(ev.jacobian()[i][j]).as("dr%d/du%d", i, j).isCloseTo(jr, within(1e-9));
                assertThat(ev.jacobian()[4 + q][j]).as("de%d/du%d", i, j).isCloseTo(ds[j] / (sd[i] * e), within(1e-9));
                assertThat(ev.dsigma()[i][j]).isCloseTo(ds[j], within(1e-9));
                for (int k = 0; k < 4; k++) {
                    fisher[j][k] += dmu[j] * dmu[k] / (sd[i] * sd[i]) + 2 * ds[j] * ds[k] / (sd[i] * sd[i]);
                }
            }
        }
        // the row with its own sd: only the model parameters move its residual
        assertThat(ev.jacobian()[1]).containsExactly(new double[] {-2 / 0.3, -1 / 0.3, 0, 0}, within(1e-9));
        // the model-parameter block of the Fisher information adds the fixed-sd row
        fisher[0][0] += 4 / 0.09;
        fisher[0][1] += 2 / 0.09;
        fisher[1][0] += 2 / 0.09;
        fisher[1][1] += 1 / 0.09;
        double[][] f = fp.fisher(ev);
        for (int j = 0; j < 4; j++) {
            assertThat(f[j]).as("Fisher row %d", j).containsExactly(fisher[j], within(1e-9 * 1000));
        }

        // C stays fixed: at a = b = 1e-6 (sd about 1e-6, ln sd^2 + C < 0) the error residuals are
        // clamped to sqrt(1e-12) and carry no derivative
        FitProblem.Evaluation tiny = fp.evaluate(new double[] {Math.log(2), 0.5, Math.log(1e-6), Math.log(1e-6)}, true);
        assertThat(tiny.residuals()[4]).isCloseTo(1e-6, within(1e-18));
        assertThat(tiny.jacobian()[4]).containsOnly(0.0);
        FitProblem.Evaluation again = fp.evaluate(u, false);
        assertThat(again.residuals()[4]).isCloseTo(Math.sqrt(20), within(1e-12));
    }

    /**
     * Per-output error models: x with the fixed additive default sd 2, y = 3 x with its own
     * estimated proportional cv (named with the output). Only y's rows vary: one error residual
     * per y row. C counts every row's sd up to the first varying one (here 2 and 3.75); when all
     * exceed 1 (ln sd^2 > 0 needs no offset) C = 20.
     */
    @Test
    void errorModelsByOutputAreNamedAndOnlyVaryingRowsGetErrorResiduals() {
        List<Observation> rows = List.of(row("x", 1, 2.4, Double.NaN, 2), row("y", 1, 7, Double.NaN, 3), row("y", 2, 10, Double.NaN, 4));
        FitProblem fp = problem(rows, ErrorModel.additive(2), Map.of("y", new ErrorModel(0, 0.5, false, true)), Map.of());
        assertThat(fp.parameters()).extracting(Estimate::name).containsExactly("A", "b", "error_proportional[y]");
        FitProblem.Evaluation ev = fp.evaluate(new double[] {Math.log(2), 0.5, Math.log(0.5)}, true);
        assertThat(ev.sigma()).containsExactly(new double[] {2, 0.5 * 7.5, 0.5 * 9}, within(1e-9));
        assertThat(ev.residuals()).hasSize(3 + 2);
        double c = 20;
        assertThat(ev.residuals()[3]).isCloseTo(Math.sqrt(Math.log(3.75 * 3.75) + c), within(1e-10));
        assertThat(ev.residuals()[4]).isCloseTo(Math.sqrt(Math.log(4.5 * 4.5) + c), within(1e-10));
        // d sd / d u_cv = cv^2 mu^2 / sd = sd for a purely proportional error
        assertThat(ev.dsigma()[1][2]).isCloseTo(3.75, within(1e-9));
        assertThat(ev.dsigma()[0]).containsOnly(0.0);
        // two outputs with their own estimated terms: each term is named after its own output
        FitProblem both = problem(rows, ErrorModel.additive(2),
                Map.of("y", new ErrorModel(0, 0.5, false, true), "x", new ErrorModel(0.5, 0, true, false)), Map.of());
        assertThat(both.parameters()).extracting(Estimate::name).containsExactly("A", "b", "error_additive[x]", "error_proportional[y]");
    }

    /**
     * Baseline transforms: percent of baseline gives mu = 100 (A + b t) / A, so dmu/du_A =
     * A d/dA = -100 b t / A and dmu/db = 100 t / A.
     */
    @Test
    void transformsRelativeToBaselineAndTheirDerivatives() {
        FitProblem fp = problem(List.of(row("x", 2, 160, Double.NaN, 2)), ErrorModel.additive(1), Map.of(),
                Map.of("x", Transform.PERCENT_OF_BASELINE));
        FitProblem.Evaluation ev = fp.evaluate(new double[] {Math.log(2), 0.5}, true);
        assertThat(ev.mu()[0]).isCloseTo(150, within(1e-10));
        assertThat(ev.dmu()[0]).containsExactly(new double[] {-50, 100}, within(1e-8));
        assertThat(ev.residuals()[0]).isCloseTo(10, within(1e-10));
    }

    /** A baseline of 0 makes a ratio undefined (the row is named), but a difference from it is fine. */
    @Test
    void aZeroBaselineFailsRatiosButNotDifferences() {
        Scenario fromZero = fx.scenario(LINE, "until: 10\nset: {x: 0}\n");
        FitProblem ratio = problem(fromZero, List.of(row("x", 2, 1, Double.NaN, 7)), ErrorModel.additive(1), Map.of(),
                Map.of("x", Transform.FRACTION_OF_BASELINE), Monitor.NONE);
        FitProblem.Evaluation ev = ratio.evaluate(new double[] {Math.log(2), 0.5}, true);
        assertThat(ev.failed()).isTrue();
        assertThat(ev.failure()).isEqualTo("d.csv:7: the baseline of 'x' is 0, so fraction_of_baseline is undefined");
        assertThat(ev.objective()).isNaN();
        assertThat(ev.residuals()).isNull();
        FitProblem diff = problem(fromZero, List.of(row("x", 2, 1.5, Double.NaN, 7)), ErrorModel.additive(1), Map.of(),
                Map.of("x", Transform.CHANGE_FROM_BASELINE), Monitor.NONE);
        FitProblem.Evaluation ok = diff.evaluate(new double[] {Math.log(2), 0.5}, true);
        assertThat(ok.failed()).isFalse();
        assertThat(ok.mu()[0]).isCloseTo(1, within(1e-12));
        assertThat(ok.residuals()[0]).isCloseTo(0.5, within(1e-12));
    }

    /** A purely proportional error at a prediction of 0 (x(0) = 0, set by the scenario) gives sd 0: the row is named. */
    @Test
    void aProportionalErrorAtAZeroPredictionIsAFailureNamingTheRow() {
        Scenario fromZero = fx.scenario(LINE, "until: 10\nset: {x: 0}\n");
        FitProblem fp = problem(fromZero, List.of(row("x", 1, 1, Double.NaN, 2), row("x", 0, 0.1, Double.NaN, 3)),
                ErrorModel.proportional(0.1), Map.of(), Map.of(), Monitor.NONE);
        FitProblem.Evaluation ev = fp.evaluate(new double[] {Math.log(2), 0.5}, true);
        assertThat(ev.failed()).isTrue();
        assertThat(ev.failure()).isEqualTo("d.csv:3: the error model gives sd 0 at prediction 0.0"
                + " (a proportional error needs an additive term when predictions reach 0)");
        FitProblem combined = problem(fromZero, List.of(row("x", 0, 0.1, Double.NaN, 3)), new ErrorModel(0.01, 0.1, false, false),
                Map.of(), Map.of(), Monitor.NONE);
        assertThat(combined.evaluate(new double[] {Math.log(2), 0.5}, true).sigma()).containsExactly(0.01);
    }

    /** A run that fails (x' = b x^2 blows up at t = 1 / (b A)) is a failed evaluation with the solver's reason. */
    @Test
    void aFailedRunIsAFailedEvaluationWithItsReason() {
        Scenario blowUp = fx.scenario("model blow\n  x' = b*x*x\n  x = A\n  A = 2; b = 0.05\nend\n", "until: 5\n");
        FitProblem fp = problem(blowUp, List.of(row("x", 5, 3, Double.NaN, 2)), ErrorModel.additive(1), Map.of(), Map.of(), Monitor.NONE);
        assertThat(fp.evaluate(new double[] {Math.log(2), 0.05}, true).failed()).isFalse();
        // b = 0.5: blow-up at t = 1
        FitProblem.Evaluation ev = fp.evaluate(new double[] {Math.log(2), 0.5}, true);
        assertThat(ev.failed()).isTrue();
        String reason;
        try {
            fp.predictorFor(DataSet.DEFAULT_GROUP, null).predict(new double[] {2, 0.5}, true);
            reason = null;
        } catch (RuntimeException e) {
            reason = e.getMessage();
        }
        assertThat(reason).isNotBlank();
        assertThat(ev.failure()).isEqualTo(reason);
    }

    @Test
    void aCancelledMonitorStopsTheNextEvaluation() {
        boolean[] cancel = {false};
        Monitor monitor = new Monitor() {
            @Override
            public boolean cancelled() {
                return cancel[0];
            }
        };
        FitProblem fp = problem(scenario, List.of(row("x", 1, 2.4, Double.NaN, 2)), ErrorModel.additive(1), Map.of(), Map.of(), monitor);
        assertThat(fp.evaluate(new double[] {Math.log(2), 0.5}, false).failed()).isFalse();
        cancel[0] = true;
        assertThatThrownBy(() -> fp.evaluate(new double[] {Math.log(2), 0.5}, false)).isInstanceOf(CancellationException.class)
                .hasMessage("the fit was cancelled");
    }

    /** Rows exactly at the run's start and end are accepted; the problem's groups, spans and gradient method. */
    @Test
    void rowsAtTheEndsOfTheRunAndTheGroupsDescription() {
        FitProblem fp = problem(List.of(row("x", 0, 2, Double.NaN, 2), row("x", 10, 7, Double.NaN, 3)), ErrorModel.additive(1),
                Map.of(), Map.of());
        assertThat(fp.groupNames()).containsExactly(DataSet.DEFAULT_GROUP);
        assertThat(fp.span(DataSet.DEFAULT_GROUP)).containsExactly(0, 10);
        assertThat(fp.predictorFor(DataSet.DEFAULT_GROUP, null).observed()).containsExactly("x");
        assertThat(fp.predictorFor(DataSet.DEFAULT_GROUP, null).times()).containsExactly(0, 10);
        assertThatThrownBy(() -> fp.span("arm")).isInstanceOf(IllegalArgumentException.class).hasMessage("arm");
        assertThatThrownBy(() -> fp.predictorFor("arm", null)).isInstanceOf(IllegalArgumentException.class).hasMessage("arm");
        assertThat(fp.gradientMethod()).isEqualTo("forward sensitivity equations (generated df/dp (2 parameters) and the analytic Jacobian)");
        assertThat(fp.evaluate(new double[] {Math.log(2), 0.5}, false).residuals()).containsExactly(new double[] {0, 0}, within(1e-10));
    }

    /** Two arms, one of whose models has a delayed event (finite differences): both methods are reported, once each. */
    @Test
    void groupsUseTheirOwnScenariosAndReportEachGradientMethod() {
        Scenario late = fx.scenario("model late\n  x' = b\n  x = A\n  A = 2; b = 0.5\n  E: at 1 after (time > 20): x = 0\nend\n",
                "until: 30\n");
        Scenario shifted = fx.scenario(LINE, "until: 10\nset: {x: 4}\n");
        List<Observation> rows = List.of(new Observation("high", "x", 2, 5, Double.NaN, "d.csv:2"),
                new Observation("late", "x", 2, 3, Double.NaN, "d.csv:3"), new Observation("base", "x", 2, 3, Double.NaN, "d.csv:4"),
                new Observation("high", "x", 4, 6, Double.NaN, "d.csv:5"));
        FitSpec spec = new FitSpec(scenario, Map.of("high", shifted, "late", late, "base", scenario), DataSet.of("d.csv", rows),
                Map.of(), lineEstimates(), ErrorModel.additive(1), Map.of(), FitSpec.Options.DEFAULT, List.of());
        FitProblem fp = new FitProblem(spec, fx.runner);
        assertThat(fp.groupNames()).containsExactly("high", "late", "base");
        assertThat(fp.span("late")).containsExactly(0, 30);
        assertThat(fp.gradientMethod()).isEqualTo("forward sensitivity equations (generated df/dp (2 parameters) and the analytic"
                + " Jacobian); central finite differences (the model has delayed events)");
        FitProblem.Evaluation ev = fp.evaluate(new double[] {Math.log(2), 0.5}, true);
        // high starts at 4 (the scenario's set), so A does not move it
        assertThat(ev.mu()).containsExactly(new double[] {5, 3, 3, 6}, within(1e-8));
        assertThat(ev.dmu()[0][0]).isEqualTo(0.0);
        assertThat(ev.dmu()[1][0]).as("A d x/dA by finite differences").isCloseTo(2, within(1e-6));
        assertThat(ev.dmu()[3][1]).isCloseTo(4, within(1e-8));
    }

    /**
     * The fit solves at its own rtol (1e-10 here) when the scenario asks for less (rtol 1e-3,
     * which would leave errors of about 1e-4): x = 3 e^(-0.4 t) to 1e-8.
     */
    @Test
    void runsAreSolvedAtTheFitsToleranceWhenTheScenarioIsLooser() {
        Scenario loose = fx.scenario("model decay\n  x' = -k*x\n  x = A\n  A = 3; k = 0.4\nend\n", "until: 10\nrtol: 1e-3\natol: 1e-3\n");
        List<Observation> rows = new ArrayList<>();
        double[] t = {0.5, 1, 2, 3, 5, 7, 10};
        for (int i = 0; i < t.length; i++) {
            rows.add(row("x", t[i], 1, Double.NaN, i + 2));
        }
        FitSpec spec = new FitSpec(loose, Map.of(), DataSet.of("d.csv", rows), Map.of(),
                List.of(Estimate.of("A", 3), Estimate.of("k", 0.4)), ErrorModel.additive(1), Map.of(),
                new FitSpec.Options(1, "multistart", 1, 400, 1e-10, 1), List.of());
        FitProblem.Evaluation ev = new FitProblem(spec, fx.runner).evaluate(new double[] {Math.log(3), Math.log(0.4)}, false);
        for (int i = 0; i < t.length; i++) {
            assertThat(ev.mu()[i]).as("x at %s", t[i]).isCloseTo(3 * Math.exp(-0.4 * t[i]), within(1e-8));
        }
        // a scenario tighter than the fit keeps its own tolerance
        Scenario tight = fx.scenario("model decay\n  x' = -k*x\n  x = A\n  A = 3; k = 0.4\nend\n", "until: 10\nrtol: 1e-12\natol: 1e-16\n");
        FitSpec tighter = new FitSpec(tight, Map.of(), DataSet.of("d.csv", rows), Map.of(), List.of(Estimate.of("A", 3), Estimate.of("k", 0.4)),
                ErrorModel.additive(1), Map.of(), FitSpec.Options.DEFAULT, List.of());
        FitProblem.Evaluation et = new FitProblem(tighter, fx.runner).evaluate(new double[] {Math.log(3), Math.log(0.4)}, false);
        assertThat(et.mu()[6]).isCloseTo(3 * Math.exp(-4), within(1e-10));
    }

    @Test
    void rowsThatCannotBeComparedAreRefusedNamingTheRow() {
        ErrorModel e = ErrorModel.additive(1);
        assertThatThrownBy(() -> problem(List.of(row("xx", 1, 1, Double.NaN, 5)), e, Map.of(), Map.of()))
                .hasMessageStartingWith("d.csv:5: unknown output 'xx'").hasMessageContaining("in model 'line'")
                .hasMessageNotContaining("it is a parameter");
        assertThatThrownBy(() -> problem(List.of(row("b", 1, 1, Double.NaN, 6)), e, Map.of(), Map.of()))
                .hasMessage("d.csv:6: unknown output 'b' in model 'line' (it is a parameter: observe a state or rule variable)");
        assertThatThrownBy(() -> problem(List.of(row("A", 1, 1, Double.NaN, 6)), e, Map.of(), Map.of()))
                .as("the model's first parameter").hasMessageEndingWith("(it is a parameter: observe a state or rule variable)");
        assertThatThrownBy(() -> problem(List.of(row("x", 10.5, 1, Double.NaN, 7)), e, Map.of(), Map.of()))
                .hasMessage("d.csv:7: time 10.5 is outside the run of group 'all' (0.0 to 10.0 day)");
        assertThatThrownBy(() -> problem(List.of(row("x", -0.5, 1, Double.NaN, 8)), e, Map.of(), Map.of()))
                .hasMessageStartingWith("d.csv:8: time -0.5 is outside the run");
        // rows of a state and of a rule output are both accepted
        assertThat(problem(List.of(row("x", 1, 1, Double.NaN, 2), row("y", 1, 1, Double.NaN, 3)), e, Map.of(), Map.of()).rowCount())
                .isEqualTo(2);
        FitSpec twice = new FitSpec(scenario, Map.of(), DataSet.of("d.csv", List.of(row("x", 1, 1, Double.NaN, 2))), Map.of(),
                List.of(Estimate.of("A", 2), Estimate.of("A", 3)), e, Map.of(), FitSpec.Options.DEFAULT, List.of());
        assertThatThrownBy(() -> new FitProblem(twice, fx.runner)).hasMessage("'A' is listed twice under 'estimate'");
        List<Observation> armed = new ArrayList<>();
        armed.add(new Observation("arm1", "x", 1, 1, Double.NaN, "d.csv:2"));
        armed.add(new Observation("arm3", "x", 1, 1, Double.NaN, "d.csv:3"));
        Map<String, Scenario> groups = new LinkedHashMap<>();
        groups.put("arm1", scenario);
        groups.put("arm2", scenario);
        FitSpec arms = new FitSpec(scenario, groups, DataSet.of("d.csv", armed), Map.of(),
                lineEstimates(), e, Map.of(), FitSpec.Options.DEFAULT, List.of());
        assertThatThrownBy(() -> new FitProblem(arms, fx.runner)).hasMessageStartingWith("d.csv:3: group 'arm3' has no scenario")
                .hasMessageEndingWith("; groups: arm1, arm2");
    }
}
