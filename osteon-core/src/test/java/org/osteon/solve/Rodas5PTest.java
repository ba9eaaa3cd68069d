package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rodas5P-specific properties: the stability function R(z) of one step (Hairer and Wanner,
 * Solving ODEs II, sec. IV.3 and IV.7) measured on y' = lambda y, written as the real 2x2
 * system [[a, -b], [b, a]] for lambda = a + ib, one fixed step h = 1 from (1, 0), so that
 * |R(lambda)| = |y1|. A-stability means |R(z)| <= 1 on Re z <= 0; L-stability adds R(z) -> 0 as
 * z -> -infinity (Steinebach 2023 constructs Rodas5P to be L-stable and stiffly accurate).
 */
class Rodas5PTest {

    static double amplification(double a, double b) {
        OdeFunction f = TestProblems.ode(2, true, (t, y, dy) -> {
            dy[0] = a * y[0] - b * y[1];
            dy[1] = b * y[0] + a * y[1];
        }, (t, y, j) -> {
            j[0] = a;
            j[1] = -b;
            j[2] = b;
            j[3] = a;
        });
        double[] y1 = Measure.endState(Rodas5P.withFixedStep(1), f, new double[] {1, 0}, 1, Measure.context(2, 1e-6, 1e-6));
        return Math.hypot(y1[0], y1[1]);
    }

    /** |R(z)| <= 1 + 1e-12 (rounding) at random z in the left half-plane, |z| log-uniform in [1e-3, 1e6]. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aStableOnRandomPointsOfTheLeftHalfPlane(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            double magnitude = Math.pow(10, -3 + 9 * random.nextDouble());
            double angle = Math.PI / 2 + Math.PI * random.nextDouble();
            double z = amplification(magnitude * Math.cos(angle), magnitude * Math.sin(angle));
            assertThat(z).as("|R| at |z|=%s, arg=%s", magnitude, angle).isLessThanOrEqualTo(1 + 1e-12);
        }
    }

    /** |R(iy)| <= 1 + 1e-12 on the imaginary axis (the boundary of A-stability), y log-spaced in [1e-3, 1e6]. */
    @Test
    void aStableOnTheImaginaryAxis() {
        for (double y = 1e-3; y < 1e6; y *= 1.05) {
            assertThat(amplification(0, y)).as("|R(i %s)|", y).isLessThanOrEqualTo(1 + 1e-12);
        }
    }

    /** L-stability: R(z) = O(1/z) as z -> -infinity (measured R(-1e8) = 1.25e-7). */
    @Test
    void lStable() {
        assertThat(amplification(-1e8, 0)).isLessThan(1e-6);
        assertThat(amplification(-1e12, 0)).isLessThan(1e-10);
        assertThat(amplification(-1e300, 0)).isLessThan(1e-100);
    }

    /** One Jacobian per accepted step: after a rejection J (and df/dt) are reused, only the LU is redone. */
    @Test
    void reusesTheJacobianAfterRejections() {
        IntegrationContext ctx = Measure.context(2, 1e-6, 1e-6);
        Measure.endState(new Rodas5P(), TestProblems.vanDerPol(), TestProblems.VDPOL_Y0, 2, ctx);
        SolverStatistics s = ctx.statistics();
        assertThat(s.rejectedSteps).isPositive();
        assertThat(s.jacobianEvaluations).isEqualTo(s.acceptedSteps);
        assertThat(s.decompositions).isEqualTo(s.acceptedSteps + s.rejectedSteps);
    }

    /** A finite-difference Jacobian (no analytic one) still meets the HIRES reference within 10x tolerance. */
    @Test
    void finiteDifferenceJacobian() {
        OdeFunction hires = TestProblems.hires();
        OdeFunction noJacobian = TestProblems.ode(8, true, hires::derivatives, null);
        IntegrationContext ctx = Measure.context(8, 1e-7, 1e-11);
        double[] y = Measure.endState(new Rodas5P(), noJacobian, TestProblems.HIRES_Y0, TestProblems.HIRES_T_END, ctx);
        assertThat(Measure.errorInTolerances(y, TestProblems.HIRES_REF, 1e-7, 1e-11)).isLessThanOrEqualTo(10);
        assertThat(ctx.statistics().functionEvaluations).isGreaterThan(8 * ctx.statistics().jacobianEvaluations);
    }
}
