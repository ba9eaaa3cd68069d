package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accuracy against published reference solutions and exact solutions. Pass criterion
 * everywhere: {@code |y_i - ref_i| <= 10 * (atol_i + rtol * |ref_i|)}, i.e. the global error is
 * within one order of magnitude of the requested tolerance (global errors of tolerance-controlled
 * methods are typically a small multiple of the local tolerance). Reference values and sources
 * are in {@link TestProblems}: ROBER, HIRES and VDPOL from the "Test Set for IVP Solvers"
 * (Mazzia et al., Bari), exact formulas for the analytic problems.
 */
class ReferenceProblemsTest {
    /** Allowed global error, in units of the requested tolerance. */
    private static final double FACTOR = 10;

    static Stream<Arguments> stiffCases() {
        return Stream.of("rodas5p", "bdf", "auto").flatMap(m -> Stream.of(1e-6, 1e-8).map(r -> Arguments.of(m, r)));
    }

    /** ROBER to t = 1e11, atol = 1e-6 rtol (y2 is about 1e-13 at the end; its error is then absolute-controlled). */
    @ParameterizedTest(name = "ROBER {0} rtol={1}")
    @MethodSource("stiffCases")
    void rober(String method, double rtol) {
        double atol = rtol * 1e-6;
        IntegrationContext ctx = Measure.context(3, rtol, atol);
        double[] y = Measure.endState(Integrators.byName(method), TestProblems.rober(), TestProblems.ROBER_Y0,
                TestProblems.ROBER_T_END, ctx);
        double err = Measure.errorInTolerances(y, TestProblems.ROBER_REF, rtol, atol);
        Measure.report("ROBER " + method + " rtol=" + rtol + " atol=" + atol + " error/tol=" + fmt(err) + " " + ctx.statistics());
        assertThat(err).isLessThanOrEqualTo(FACTOR);
    }

    /** HIRES to t = 321.8122, atol = 1e-4 rtol. */
    @ParameterizedTest(name = "HIRES {0} rtol={1}")
    @MethodSource("stiffCases")
    void hires(String method, double rtol) {
        double atol = rtol * 1e-4;
        IntegrationContext ctx = Measure.context(8, rtol, atol);
        double[] y = Measure.endState(Integrators.byName(method), TestProblems.hires(), TestProblems.HIRES_Y0,
                TestProblems.HIRES_T_END, ctx);
        double err = Measure.errorInTolerances(y, TestProblems.HIRES_REF, rtol, atol);
        Measure.report("HIRES " + method + " rtol=" + rtol + " atol=" + atol + " error/tol=" + fmt(err) + " " + ctx.statistics());
        assertThat(err).isLessThanOrEqualTo(FACTOR);
    }

    /** Van der Pol, eps = 1e-6 (mu = 1000), to t = 2, atol = rtol. */
    @ParameterizedTest(name = "VDPOL {0} rtol={1}")
    @MethodSource("stiffCases")
    void vanDerPol(String method, double rtol) {
        IntegrationContext ctx = Measure.context(2, rtol, rtol);
        double[] y = Measure.endState(Integrators.byName(method), TestProblems.vanDerPol(), TestProblems.VDPOL_Y0,
                TestProblems.VDPOL_T_END, ctx);
        double err = Measure.errorInTolerances(y, TestProblems.VDPOL_REF, rtol, rtol);
        Measure.report("VDPOL " + method + " rtol=" + rtol + " error/tol=" + fmt(err) + " " + ctx.statistics());
        assertThat(err).isLessThanOrEqualTo(FACTOR);
    }

    static Stream<Arguments> allMethods() {
        return Stream.of("dopri5", "dop853", "rodas5p", "bdf", "auto")
                .flatMap(m -> Stream.of(1e-6, 1e-9).map(r -> Arguments.of(m, r)));
    }

    /** y_i' = -k_i y_i, k = (0.5, 1, 2) to t = 10; exact exp(-k_i t); atol = 1e-3 rtol. */
    @ParameterizedTest(name = "decay {0} rtol={1}")
    @MethodSource("allMethods")
    void exponentialDecay(String method, double rtol) {
        double atol = rtol * 1e-3;
        IntegrationContext ctx = Measure.context(3, rtol, atol);
        double[] y = Measure.endState(Integrators.byName(method), TestProblems.decay(), new double[] {1, 1, 1}, 10, ctx);
        double err = Measure.errorInTolerances(y, TestProblems.decayExact(10), rtol, atol);
        Measure.report("decay " + method + " rtol=" + rtol + " error/tol=" + fmt(err) + " " + ctx.statistics());
        assertThat(err).isLessThanOrEqualTo(FACTOR);
    }

    /** Logistic growth r = 0.8, K = 10 from 0.5 to t = 20; exact K/(1 + (K/y0 - 1) e^{-rt}); atol = rtol. */
    @ParameterizedTest(name = "logistic {0} rtol={1}")
    @MethodSource("allMethods")
    void logisticGrowth(String method, double rtol) {
        IntegrationContext ctx = Measure.context(1, rtol, rtol);
        double[] y = Measure.endState(Integrators.byName(method), TestProblems.logistic(),
                new double[] {TestProblems.LOG_Y0}, 20, ctx);
        double err = Measure.errorInTolerances(y, new double[] {TestProblems.logisticExact(20)}, rtol, rtol);
        Measure.report("logistic " + method + " rtol=" + rtol + " error/tol=" + fmt(err) + " " + ctx.statistics());
        assertThat(err).isLessThanOrEqualTo(FACTOR);
    }

    /** Non-autonomous y' = y cos t to t = 10 (exact exp(sin t)), exercising Rodas5P's df/dt; atol = rtol. */
    @ParameterizedTest(name = "forced {0} rtol={1}")
    @MethodSource("allMethods")
    void nonAutonomous(String method, double rtol) {
        IntegrationContext ctx = Measure.context(1, rtol, rtol);
        double[] y = Measure.endState(Integrators.byName(method), TestProblems.forced(), new double[] {1}, 10, ctx);
        double err = Measure.errorInTolerances(y, new double[] {TestProblems.forcedExact(10)}, rtol, rtol);
        Measure.report("forced " + method + " rtol=" + rtol + " error/tol=" + fmt(err) + " " + ctx.statistics());
        assertThat(err).isLessThanOrEqualTo(FACTOR);
    }

    static String fmt(double v) {
        return String.format("%.3g", v);
    }
}
