package org.osteon.models.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.Parallel;
import org.osteon.analysis.fit.DataSet;
import org.osteon.analysis.fit.ErrorModel;
import org.osteon.analysis.fit.Estimate;
import org.osteon.analysis.fit.Fit;
import org.osteon.analysis.fit.FitResult;
import org.osteon.analysis.fit.FitSpec;
import org.osteon.analysis.fit.ModelPredictor;
import org.osteon.analysis.fit.SyntheticData;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;

/**
 * Parameter recovery with a published bone model: Pivonka et al. 2008 under continuous PTH
 * (scenario pivonka2008-pth), osteoclasts and osteoblasts observed on 11 days with 5 %
 * proportional noise; the osteoclast precursor differentiation and the active cells' apoptosis
 * rates estimated from 1.5 times their published values. Bounds as in
 * org.osteon.analysis.fit.ParameterRecoveryTest (core): Wald coverage at least the 0.001 quantile
 * of Binomial(R, 0.95), mean squared standardised error within chi-square(R)/R's 0.001..0.999
 * quantiles, bias of ln(estimate) within 3.3 of its standard errors. The default build fits one
 * replicate (each estimate within 3.3 standard errors of the truth); the coverage check runs with
 * -Dosteon.recovery.replicates=N (N >= 20; results in docs/pharmacometrics.md). The model's
 * gradient comes from the generated sensitivity equations, checked here too.
 */
class BuiltInModelRecoveryTest {
    private static final int REPLICATES = Integer.getInteger("osteon.recovery.replicates", 1);

    @Test
    void pivonkaUnderPthRecoversCellKinetics() {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario s = runner.catalog().scenario("pivonka2008-pth").orElseThrow();
        List<String> names = List.of("D_OCp", "A_OCa", "A_OBa");
        double[] truth = {2.1e-3, 0.7, 0.189};
        List<Estimate> est = List.of(new Estimate("D_OCp", 3.15e-3, 1e-5, 1, true), new Estimate("A_OCa", 1.05, 1e-3, 100, true),
                new Estimate("A_OBa", 0.28, 1e-3, 100, true));
        List<String> outputs = List.of("OCa", "OBa");
        double[] times = {5, 10, 15, 20, 30, 40, 60, 80, 100, 120, 140};
        ErrorModel error = ErrorModel.proportional(0.05);
        ModelPredictor probe = new ModelPredictor(runner, s, names, truth, outputs, times, runner.settings(s));
        assertThat(probe.gradient()).isEqualTo(ModelPredictor.Gradient.SENSITIVITY_EQUATIONS);
        List<FitResult> fits = Parallel.map(REPLICATES, 2, Monitor.NONE, rep -> Fit.run(new FitSpec(s, Map.of(),
                SyntheticData.generate(runner, s, names, truth, outputs, times, error, 500 + rep), Map.of(), est, error, Map.of(),
                FitSpec.Options.DEFAULT, List.of()), runner, Monitor.NONE));
        int m = names.size();
        int[] covered = new int[m];
        double[] z2 = new double[m];
        double[][] logError = new double[m][REPLICATES];
        for (int rep = 0; rep < REPLICATES; rep++) {
            FitResult r = fits.get(rep);
            assertThat(r.converged()).as("replicate %d: %s", rep, r.message()).isTrue();
            for (int j = 0; j < m; j++) {
                FitResult.Parameter p = r.parameters().get(j);
                covered[j] += p.ciLow() <= truth[j] && truth[j] <= p.ciHigh() ? 1 : 0;
                double z = Math.log(p.estimate() / truth[j]) / (p.se() / p.estimate());
                z2[j] += z * z / REPLICATES;
                logError[j][rep] = Math.log(p.estimate() / truth[j]);
            }
        }
        if (REPLICATES < 20) {
            for (int j = 0; j < m; j++) {
                FitResult.Parameter p = fits.get(0).parameters().get(j);
                System.out.printf("recovery pivonka2008 %s: estimate %.5g (truth %.5g), se %.3g%n", names.get(j), p.estimate(), truth[j], p.se());
                assertThat(Math.abs(logError[j][0]) / (p.se() / p.estimate())).as("|z| of %s", names.get(j)).isLessThan(3.3);
            }
            return;
        }
        int minCovered = new BinomialDistribution(REPLICATES, 0.95).inverseCumulativeProbability(0.001);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(REPLICATES);
        SoftAssertions soft = new SoftAssertions();
        for (int j = 0; j < m; j++) {
            double mean = Arrays.stream(logError[j]).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(logError[j]).map(x -> (x - mean) * (x - mean)).sum() / (REPLICATES - 1));
            double[] abs = Arrays.stream(logError[j]).map(x -> Math.abs(Math.exp(x) - 1)).sorted().toArray();
            System.out.printf("recovery pivonka2008 %s: coverage %d/%d, mean z^2 %.3f, median relative error %.4f, bias of ln %.4f%n",
                    names.get(j), covered[j], REPLICATES, z2[j], abs[REPLICATES / 2], mean);
            soft.assertThat(covered[j]).as("coverage of %s", names.get(j)).isGreaterThanOrEqualTo(minCovered);
            soft.assertThat(z2[j]).as("mean z^2 of %s", names.get(j)).isBetween(chi.inverseCumulativeProbability(0.001) / REPLICATES,
                    chi.inverseCumulativeProbability(0.999) / REPLICATES);
            soft.assertThat(Math.abs(mean)).as("bias of ln %s", names.get(j)).isLessThanOrEqualTo(3.3 * sd / Math.sqrt(REPLICATES));
        }
        soft.assertAll();
    }
}
