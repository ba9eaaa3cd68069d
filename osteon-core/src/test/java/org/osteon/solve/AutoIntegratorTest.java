package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The auto method: Dopri5 until Hairer's stiffness test fires, then Rodas5P. */
class AutoIntegratorTest {

    /**
     * ROBER is stiff after its initial transient: auto must switch and still match the Bari test
     * set reference at t = 1e11 (rtol 1e-7, atol 1e-13; within 10x tolerance as in
     * ReferenceProblemsTest).
     */
    @Test
    void switchesOnRoberAndMatchesTheReference() {
        IntegrationContext ctx = Measure.context(3, 1e-7, 1e-13);
        double[] y = Measure.endState(new AutoIntegrator(), TestProblems.rober(), TestProblems.ROBER_Y0,
                TestProblems.ROBER_T_END, ctx);
        assertThat(ctx.statistics().stiffSwitches).isEqualTo(1);
        assertThat(ctx.stiff()).isTrue();
        assertThat(Measure.errorInTolerances(y, TestProblems.ROBER_REF, 1e-7, 1e-13)).isLessThanOrEqualTo(10);
        Measure.report("auto ROBER rtol=1e-7: " + ctx.statistics());
    }

    @Test
    void switchesEarlyOnRoberButNotBeforeTheTransient() {
        double[] switchTime = {Double.NaN};
        IntegrationContext ctx = Measure.context(3, 1e-6, 1e-12);
        new AutoIntegrator().integrate(TestProblems.rober(), 0, TestProblems.ROBER_Y0, 1e5, s -> {
            if (Double.isNaN(switchTime[0]) && ctx.stiff()) {
                switchTime[0] = s.startTime();
            }
            return true;
        }, ctx);
        // ROBER's fast transient lasts about 1e-3 (rate 3e7 y2 with y2 ~ 3.6e-5 rising); Dopri5 needs at
        // least 15 stability-limited steps after it before the test fires
        assertThat(switchTime[0]).isGreaterThan(1e-4).isLessThan(1e3);
        Measure.report("auto ROBER switched to rodas5p at t=" + switchTime[0]);
    }

    @Test
    void neverSwitchesOnANonStiffProblem() {
        for (double tol : new double[] {1e-4, 1e-8, 1e-12}) {
            IntegrationContext ctx = Measure.context(4, tol, tol);
            Measure.endState(new AutoIntegrator(), TestProblems.kepler(), TestProblems.KEPLER_Y0, 20 * Math.PI, ctx);
            assertThat(ctx.statistics().stiffSwitches).isZero();
            assertThat(ctx.stiff()).isFalse();
            assertThat(ctx.statistics().jacobianEvaluations).isZero();
            IntegrationContext ctx2 = Measure.context(1, tol, tol);
            Measure.endState(new AutoIntegrator(), TestProblems.logistic(), new double[] {0.5}, 100, ctx2);
            assertThat(ctx2.statistics().stiffSwitches).isZero();
        }
    }

    /** After the switch, the next segment of the run starts with the stiff method. */
    @Test
    void laterSegmentsStartStiff() {
        IntegrationContext ctx = Measure.context(3, 1e-6, 1e-12);
        AutoIntegrator auto = new AutoIntegrator();
        double[] y = Measure.endState(auto, TestProblems.rober(), TestProblems.ROBER_Y0, 1e3, ctx);
        assertThat(ctx.stiff()).isTrue();
        long jac = ctx.statistics().jacobianEvaluations;
        long accepted = ctx.statistics().acceptedSteps;
        double[] end = y.clone();
        auto.integrate(TestProblems.rober(), 1e3, y, 1e11, s -> {
            System.arraycopy(s.endState(), 0, end, 0, 3);
            return true;
        }, ctx);
        // Rodas5P evaluates the Jacobian once per accepted step: every step of segment 2 was a Rodas5P step
        assertThat(ctx.statistics().jacobianEvaluations - jac).isEqualTo(ctx.statistics().acceptedSteps - accepted);
        assertThat(ctx.statistics().stiffSwitches).isEqualTo(1);
        assertThat(Measure.errorInTolerances(end, TestProblems.ROBER_REF, 1e-6, 1e-12)).isLessThanOrEqualTo(10);
    }

    /** The listener sees one contiguous sequence of steps across the switch. */
    @Test
    void stepsAreContiguousAcrossTheSwitch() {
        double[] last = {0};
        boolean[] ok = {true};
        new AutoIntegrator().integrate(TestProblems.vanDerPol(), 0, TestProblems.VDPOL_Y0, 2, s -> {
            ok[0] &= s.startTime() == last[0];
            last[0] = s.endTime();
            return true;
        }, Measure.context(2, 1e-6, 1e-6));
        assertThat(ok[0]).isTrue();
        assertThat(last[0]).isEqualTo(2);
    }
}
