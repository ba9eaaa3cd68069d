package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.analysis.Monitor;
import org.osteon.scenario.Scenario;

/**
 * {@link RecoveryStudy}'s summaries and acceptance rules against hand calculation, its
 * replicates against their documented seeds, and {@link SyntheticData}'s noise against the
 * Box-Muller transform and its moments.
 */
class RecoveryStudyTest {
    @TempDir
    Path dir;

    private static RecoveryStudy.ParameterSummary summary(int covered, int replicates, double meanZ2, double meanLog, double sdLog) {
        return new RecoveryStudy.ParameterSummary("k", 0.5, covered, replicates, meanZ2, 0.05, meanLog, sdLog);
    }

    /** Binomial(R, 0.95)'s tail quantile by summing its probabilities; chi-square(2)/2 is Exp(1): quantile -ln(1 - q). */
    @Test
    void acceptanceLimitsAreTheQuantilesOfHonestIntervals() {
        for (int r : new int[] {20, 40, 200}) {
            double cdf = 0;
            int k = -1;
            while (cdf < 0.001) {
                k++;
                cdf += binomial(r, k) * Math.pow(0.95, k) * Math.pow(0.05, r - k);
            }
            assertThat(RecoveryStudy.minCovered(r, 0.001)).as("R = %d", r).isEqualTo(k);
        }
        assertThat(RecoveryStudy.meanZ2Range(2, 0.001)).containsExactly(new double[] {-Math.log(0.999), -Math.log(0.001)}, within(1e-9));
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Each rule accepts its limit itself and refuses just beyond it, saying why. */
    @Test
    void departuresAreReportedJustBeyondTheirLimits() {
        int min = RecoveryStudy.minCovered(40, 0.001);
        assertThat(summary(min, 40, 1, 0, 0.1).coverageDeparture(0.001)).isEmpty();
        assertThat(summary(min - 1, 40, 1, 0, 0.1).coverageDeparture(0.001))
                .contains(String.format("k: the 95 %% intervals covered the truth %d of 40 times (at least %d expected)", min - 1, min));
        double[] z2 = {-Math.log(0.999), -Math.log(0.001)};
        double[] range = RecoveryStudy.meanZ2Range(2, 0.001);
        assertThat(summary(2, 2, range[0], 0, 0.1).meanZ2Departure(0.001)).isEmpty();
        assertThat(summary(2, 2, range[1], 0, 0.1).meanZ2Departure(0.001)).isEmpty();
        assertThat(summary(2, 2, Math.nextDown(range[0]), 0, 0.1).meanZ2Departure(0.001)).isPresent();
        assertThat(summary(2, 2, 7.5, 0, 0.1).meanZ2Departure(0.001))
                .contains(String.format("k: mean squared standardised error 7.500 outside [%.3f, %.3f]", z2[0], z2[1]));
        // bias: |mean ln error| at most 3.3 sd / sqrt(R) = 3.3 * 0.2 / 2 = 0.33
        double limit = 3.3 * 0.2 / Math.sqrt(4);
        assertThat(summary(4, 4, 1, limit, 0.2).biasDeparture()).isEmpty();
        assertThat(summary(4, 4, 1, -limit, 0.2).biasDeparture()).isEmpty();
        assertThat(summary(4, 4, 1, -0.34, 0.2).biasDeparture())
                .contains("k: bias of ln -0.3400 beyond 3.3 standard errors of the mean (0.3300)");
        assertThat(summary(4, 4, 1, Math.nextUp(limit), 0.2).biasDeparture()).isPresent();
        // all three, in that order
        assertThat(summary(0, 40, 7.5, 1, 0.2).departures(0.001)).hasSize(3).satisfies(l -> {
            assertThat(l.get(0)).contains("intervals covered");
            assertThat(l.get(1)).contains("mean squared");
            assertThat(l.get(2)).contains("bias of ln");
        });
        assertThat(summary(40, 40, 1, 0, 0.2).departures(0.001)).isEmpty();
        assertThat(new RecoveryStudy.ParameterSummary("ka", 1, 38, 40, 1.1, 0.05, 0.01, 0.02))
                .hasToString("ka: coverage 38/40, mean z^2 1.100, median relative error 0.0500, bias of ln 0.0100 (sd 0.0200)");
    }

    private static FitResult result(boolean converged) {
        return new FitResult(List.of(), 0, 0, 0, converged, "", 0, List.of(), new double[0][0], List.of(), List.of(), "", "", 0);
    }

    @Test
    void failedReplicatesAreListedByIndex() {
        RecoveryStudy.Result r = new RecoveryStudy.Result(List.of(result(true), result(false), result(true), result(false)), List.of());
        assertThat(r.failed()).containsExactly(1, 3);
        assertThat(new RecoveryStudy.Result(List.of(result(true)), List.of()).failed()).isEmpty();
    }

    /**
     * x = A e^(-k t), additive error 0.05, three replicates: replicate r's data are
     * SyntheticData's with seed firstSeed + r, and each summary is the documented statistic of
     * the replicates' estimates, recomputed here from the fits (coverage of the truth, mean of
     * (ln(est/truth) / (se/est))^2, median of |est/truth - 1|, mean and sd of ln(est/truth)).
     */
    @Test
    void aStudyFitsEachSeedAndSummarisesTheEstimates() {
        FitFixtures fx = new FitFixtures(dir);
        Scenario s = fx.scenario("model decay\n  x' = -k*x\n  x = A\n  A = 3; k = 0.4\nend\n", "until: 8\n");
        List<Estimate> est = List.of(new Estimate("A", 2, 0.1, 10, true), new Estimate("k", 0.3, 0.01, 5, true));
        double[] truth = {3, 0.4};
        double[] times = {0.5, 1, 2, 3, 4, 6, 8};
        ErrorModel error = ErrorModel.additive(0.05);
        RecoveryStudy.Design design = new RecoveryStudy.Design(s, est, truth, List.of("x"), times, error);
        assertThat(design.names()).containsExactly("A", "k");
        RecoveryStudy.Result result = RecoveryStudy.run(fx.runner, design, 3, 17, 1, Monitor.NONE);
        assertThat(result.fits()).hasSize(3);
        assertThat(result.failed()).isEmpty();
        for (int r = 0; r < 3; r++) {
            DataSet data = SyntheticData.generate(fx.runner, s, List.of("A", "k"), truth, List.of("x"), times, error, 17 + r);
            double[] expected = data.rows().stream().mapToDouble(Observation::value).toArray();
            double[] fitted = result.fits().get(r).residuals().stream().mapToDouble(x -> x.observation().value()).toArray();
            assertThat(fitted).as("replicate %d's data", r).containsExactly(expected);
        }
        for (int j = 0; j < 2; j++) {
            int covered = 0;
            double z2 = 0;
            double[] log = new double[3];
            double[] rel = new double[3];
            for (int r = 0; r < 3; r++) {
                FitResult.Parameter p = result.fits().get(r).parameters().get(j);
                covered += p.ciLow() <= truth[j] && truth[j] <= p.ciHigh() ? 1 : 0;
                log[r] = Math.log(p.estimate() / truth[j]);
                z2 += Math.pow(log[r] / (p.se() / p.estimate()), 2);
                rel[r] = Math.abs(p.estimate() / truth[j] - 1);
            }
            Arrays.sort(rel);
            double mean = (log[0] + log[1] + log[2]) / 3;
            double sd = Math.sqrt((Math.pow(log[0] - mean, 2) + Math.pow(log[1] - mean, 2) + Math.pow(log[2] - mean, 2)) / 2);
            RecoveryStudy.ParameterSummary ps = result.parameters().get(j);
            assertThat(ps.name()).isEqualTo(design.names().get(j));
            assertThat(ps.truth()).isEqualTo(truth[j]);
            assertThat(ps.replicates()).isEqualTo(3);
            assertThat(ps.covered()).isEqualTo(covered);
            assertThat(ps.meanZ2()).isCloseTo(z2 / 3, within(1e-12));
            assertThat(ps.medianRelError()).isEqualTo(rel[1]);
            assertThat(ps.meanLogError()).isCloseTo(mean, within(1e-15));
            assertThat(ps.sdLogError()).isCloseTo(sd, within(1e-15));
            // 7 points at sd 0.05 pin A and k to a few per cent
            assertThat(ps.medianRelError()).isLessThan(0.05);
        }
    }

    @Test
    void aDesignIsCheckedAndCopied() {
        FitFixtures fx = new FitFixtures(dir);
        Scenario s = fx.scenario("model decay\n  x' = -k*x\n  x = 3; k = 0.4\nend\n", "until: 8\n");
        double[] truth = {0.4};
        double[] times = {1, 2};
        RecoveryStudy.Design d = new RecoveryStudy.Design(s, List.of(Estimate.of("k", 0.3)), truth, List.of("x"), times,
                ErrorModel.additive(1));
        truth[0] = 9;
        times[0] = 9;
        d.truth()[0] = 9;
        d.times()[0] = 9;
        assertThat(d.truth()).containsExactly(0.4);
        assertThat(d.times()).containsExactly(1, 2);
        assertThatThrownBy(() -> new RecoveryStudy.Design(s, List.of(Estimate.of("k", 0.3)), new double[] {1, 2}, List.of("x"), times,
                ErrorModel.additive(1))).hasMessage("2 true values for 1 estimated parameters");
        assertThatThrownBy(() -> RecoveryStudy.run(fx.runner, d, 0, 1, 1, Monitor.NONE))
                .hasMessage("replicates must be at least 1, found 0");
        RecoveryStudy.Result one = RecoveryStudy.run(fx.runner, d, 1, 1, 1, Monitor.NONE);
        assertThat(one.fits()).hasSize(1);
        assertThat(one.parameters().get(0).sdLogError()).as("no spread from one replicate").isNaN();
        RecoveryStudy.Result two = RecoveryStudy.run(fx.runner, d, 2, 1, 1, Monitor.NONE);
        double l0 = Math.log(two.fits().get(0).parameters().get(0).estimate() / 0.4);
        double l1 = Math.log(two.fits().get(1).parameters().get(0).estimate() / 0.4);
        assertThat(two.parameters().get(0).sdLogError()).as("sd of two: |l0 - l1| / sqrt 2").isCloseTo(Math.abs(l0 - l1) / Math.sqrt(2),
                within(1e-15));
    }

    /** Box-Muller: sqrt(-2 ln(1 - u1)) cos(2 pi u2) from two uniforms of the generator. */
    @Test
    void gaussianDeviatesAreTheBoxMullerTransform() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            double u1 = b.nextDouble();
            double u2 = b.nextDouble();
            assertThat(SyntheticData.gaussian(a)).isCloseTo(Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2), within(1e-15));
        }
    }

    /** Over 20,000 deviates mean 0 (bound 4 / sqrt(n) = 0.028), variance 1 (bound 4 sqrt(2 / n) = 0.04), symmetric. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void gaussianDeviatesHaveUnitVarianceAndZeroMean(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 20_000;
        double sum = 0;
        double sq = 0;
        int negative = 0;
        for (int i = 0; i < n; i++) {
            double g = SyntheticData.gaussian(rng);
            sum += g;
            sq += g * g;
            negative += g < 0 ? 1 : 0;
        }
        assertThat(sum / n).isCloseTo(0, within(0.028));
        assertThat(sq / n - Math.pow(sum / n, 2)).isCloseTo(1, within(0.04));
        assertThat(negative / (double) n).isCloseTo(0.5, within(0.015));
    }

    /**
     * Synthetic data are the exact solution plus sd times the generator's deviates in output and
     * time order, with sd = sqrt(a^2 + (b y)^2): here x = 3 e^(-0.4 t), a = 0.1, b = 0.2, times
     * given unsorted and with a repeat (sorted and made distinct).
     */
    @Test
    void syntheticDataAreTheSolutionPlusScaledDeviates() {
        FitFixtures fx = new FitFixtures(dir);
        Scenario s = fx.scenario("model decay\n  x' = -k*x\n  x = A\n  A = 3; k = 0.4\n  y := 2*x\nend\n", "until: 8\n");
        ErrorModel error = new ErrorModel(0.1, 0.2, false, false);
        DataSet data = SyntheticData.generate(fx.runner, s, List.of("A", "k"), new double[] {3, 0.4}, List.of("x", "y"),
                new double[] {4, 1, 2, 1}, error, 99);
        SplittableRandom rng = new SplittableRandom(99);
        List<Double> expected = new ArrayList<>();
        double[] t = {1, 2, 4};
        for (double factor : new double[] {1, 2}) {
            for (double ti : t) {
                double y = factor * 3 * Math.exp(-0.4 * ti);
                expected.add(y + Math.sqrt(0.01 + 0.04 * y * y) * SyntheticData.gaussian(rng));
            }
        }
        assertThat(data.rows()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Observation o = data.rows().get(i);
            assertThat(o.output()).isEqualTo(i < 3 ? "x" : "y");
            assertThat(o.time()).isEqualTo(t[i % 3]);
            assertThat(o.value()).isCloseTo(expected.get(i), within(1e-8));
            assertThat(o.sd()).isNaN();
            assertThat(o.group()).isEqualTo(DataSet.DEFAULT_GROUP);
        }
        assertThat(data.source()).isEqualTo("synthetic data (seed 99)");
    }

    /** The quotient rule with dy0 = 2 (so y dy0 and y / dy0 differ): (3 * 20 - 30 * 2) / 400 = 0 and (5 * 20 - 60) / 400 = 0.1. */
    @Test
    void baselineDerivativesUseTheBaselinesDerivative() {
        assertThat(Transform.FRACTION_OF_BASELINE.derivative(30, 20, 5, 2)).isCloseTo(0.1, within(1e-15));
        assertThat(Transform.PERCENT_OF_BASELINE.derivative(30, 20, 5, 2)).isCloseTo(10, within(1e-13));
        assertThat(Transform.PERCENT_CHANGE_FROM_BASELINE.derivative(30, 20, 3, 2)).isCloseTo(0, within(1e-13));
        assertThat(Transform.CHANGE_FROM_BASELINE.derivative(30, 20, 3, 2)).isEqualTo(1.0);
    }
}
