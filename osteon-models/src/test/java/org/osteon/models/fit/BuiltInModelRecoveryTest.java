package org.osteon.models.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.fit.ErrorModel;
import org.osteon.analysis.fit.Estimate;
import org.osteon.analysis.fit.ModelPredictor;
import org.osteon.analysis.fit.RecoveryStudy;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;

/**
 * Parameter recovery with published bone models: data simulated at the published values with
 * seeded noise, fitted from 1.5 times those values, repeated over seeds
 * ({@link RecoveryStudy}). Bounds as in org.osteon.analysis.fit.ParameterRecoveryTest (core),
 * fixed before looking at results: Wald coverage at least the 0.001 quantile of
 * Binomial(R, 0.95), mean squared standardised error within chi-square(R)/R's 0.001..0.999
 * quantiles, bias of ln(estimate) within 3.3 of its standard errors. The models' gradients come
 * from the generated sensitivity equations, checked here too. Results over more seeds
 * ({@code -Dosteon.recovery.replicates=N}) are in docs/pharmacometrics.md.
 */
class BuiltInModelRecoveryTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner(ModelCatalogs.discover());

    private static Scenario scenario(String id) {
        return RUNNER.catalog().scenario(id).orElseThrow();
    }

    private static RecoveryStudy.Result study(RecoveryStudy.Design d, int replicates, long firstSeed) {
        List<String> names = d.estimates().stream().map(Estimate::name).toList();
        ModelPredictor probe = new ModelPredictor(RUNNER, d.scenario(), names, d.truth(), d.outputs(), d.times(),
                RUNNER.settings(d.scenario()));
        assertThat(probe.gradient()).isEqualTo(ModelPredictor.Gradient.SENSITIVITY_EQUATIONS);
        RecoveryStudy.Result r = RecoveryStudy.run(RUNNER, d, replicates, firstSeed, 2, Monitor.NONE);
        assertThat(r.failed()).as("replicates whose fit did not converge").isEmpty();
        r.parameters().forEach(p -> System.out.println("recovery " + d.scenario().name() + " " + p));
        return r;
    }

    /**
     * Komarova et al. 2003, one remodelling cycle started by 10 extra osteoclasts: osteoclasts and
     * osteoblasts counted on 18 days over the cycle with 10 % proportional noise; the osteoclast
     * autocrine production rate and both removal rates estimated. Coverage is checked over 40
     * seeds in every build.
     */
    @Test
    void komarovaCycleRecoversProductionAndRemovalRates() {
        int replicates = Integer.getInteger("osteon.recovery.replicates", 40);
        RecoveryStudy.Design d = new RecoveryStudy.Design(scenario("komarova2003-single-cycle"),
                List.of(new Estimate("alpha1", 4.5, 0.1, 100, true), new Estimate("beta1", 0.3, 1e-3, 10, true),
                        new Estimate("beta2", 0.03, 1e-4, 1, true)),
                new double[] {3, 0.2, 0.02}, List.of("x1", "x2"),
                new double[] {1, 2, 3, 5, 7, 10, 14, 21, 28, 35, 42, 56, 70, 84, 112, 140, 168, 200}, ErrorModel.proportional(0.1));
        RecoveryStudy.Result r = study(d, replicates, 700);
        SoftAssertions soft = new SoftAssertions();
        r.parameters().forEach(p -> soft.assertThat(p.departures(0.001)).isEmpty());
        soft.assertAll();
    }

    /**
     * Pivonka et al. 2008 under continuous PTH (scenario pivonka2008-pth): osteoclasts and
     * osteoblasts observed on 11 days with 5 % proportional noise; the osteoclast precursor
     * differentiation and the active cells' apoptosis rates estimated. One replicate in the
     * default build (each estimate within 3.3 standard errors of the truth): over 20 replicates
     * A_OBa's Wald interval under-covers in this design (docs/pharmacometrics.md).
     */
    @Test
    void pivonkaUnderPthRecoversCellKinetics() {
        int replicates = Integer.getInteger("osteon.recovery.replicates", 1);
        RecoveryStudy.Design d = new RecoveryStudy.Design(scenario("pivonka2008-pth"),
                List.of(new Estimate("D_OCp", 3.15e-3, 1e-5, 1, true), new Estimate("A_OCa", 1.05, 1e-3, 100, true),
                        new Estimate("A_OBa", 0.28, 1e-3, 100, true)),
                new double[] {2.1e-3, 0.7, 0.189}, List.of("OCa", "OBa"),
                new double[] {5, 10, 15, 20, 30, 40, 60, 80, 100, 120, 140}, ErrorModel.proportional(0.05));
        RecoveryStudy.Result r = study(d, replicates, 500);
        SoftAssertions soft = new SoftAssertions();
        if (replicates < 20) {
            // one replicate: its mean z^2 is that fit's z^2
            r.parameters().forEach(p -> soft.assertThat(Math.sqrt(p.meanZ2())).as("|z| of %s", p.name()).isLessThan(3.3));
        } else {
            r.parameters().forEach(p -> soft.assertThat(p.departures(0.001)).isEmpty());
        }
        soft.assertAll();
    }
}
