package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * Checks of the hand-typed Runge–Kutta coefficients: against Hipparchus 4.0.3's published
 * tableaus (getA/getB/getC of its Dormand–Prince integrators, which carry the same coefficients
 * from the same papers), and against the order conditions that any correct tableau satisfies
 * (Hairer, Norsett and Wanner, Solving ODEs I, sec. II.2: row sums c_i = sum_j a_ij, quadrature
 * conditions sum_i b_i c_i^(q-1) = 1/q; the same for the continuous extensions b_i(theta) with
 * theta^q / q; and error weights orthogonal to c^(q-1) up to the embedded order). Tolerance 1e-13
 * (the coefficients are ratios of integers up to 1e19, rounded to double).
 */
class TableauTest {
    private static final double TOL = 1e-13;

    @Test
    void dop853MatchesHipparchusTableau() {
        DormandPrince853Integrator hip = new DormandPrince853Integrator(0, 1, 1e-6, 1e-6);
        double[] c = hip.getC();
        double[][] a = hip.getA();
        double[] b = hip.getB();
        // Hipparchus lists stages 2..16 (its A rows for stages 2..16, C nodes of stages 2..16)
        for (int s = 1; s < 16; s++) {
            assertThat(Dop853Tableau.C[s]).as("c%d", s + 1).isCloseTo(c[s - 1], offset(TOL));
            for (int j = 0; j < s; j++) {
                double mine = j < Dop853Tableau.A[s].length ? Dop853Tableau.A[s][j] : 0;
                assertThat(mine).as("a%d,%d", s + 1, j + 1).isCloseTo(a[s - 1][j], offset(TOL * Math.max(1, Math.abs(mine))));
            }
        }
        for (int i = 0; i < 12; i++) {
            assertThat(Dop853Tableau.B[i]).isCloseTo(b[i], offset(TOL));
        }
    }

    @Test
    void dop853OrderConditions() {
        double[] c = Dop853Tableau.C;
        for (int s = 1; s < 16; s++) {
            double sum = 0;
            for (double v : Dop853Tableau.A[s]) {
                sum += v;
            }
            assertThat(sum).as("row sum of stage %d", s + 1).isCloseTo(c[s], offset(1e-12));
        }
        for (int q = 1; q <= 8; q++) {
            assertThat(dot(Dop853Tableau.B, c, q)).as("quadrature order %d", q).isCloseTo(1.0 / q, offset(TOL));
        }
        for (int q = 1; q <= 5; q++) {
            assertThat(dot(Dop853Tableau.E5, c, q)).as("5th-order estimator, q=%d", q).isCloseTo(0, offset(1e-12));
        }
        for (int q = 1; q <= 3; q++) {
            assertThat(dot(Dop853Tableau.E3, c, q)).as("3rd-order estimator, q=%d", q).isCloseTo(0, offset(1e-12));
        }
        // continuous extension of order 7: sum_i b_i(theta) c_i^(q-1) = theta^q / q, q = 1..7
        for (double theta : new double[] {0.1, 0.37, 0.5, 0.81}) {
            double[] bt = new double[16];
            double eta = 1 - theta;
            double[] w = {theta, theta * eta, theta * theta * eta, theta * theta * eta * eta,
                theta * theta * theta * eta * eta, Math.pow(theta, 3) * Math.pow(eta, 3), Math.pow(theta, 4) * Math.pow(eta, 3)};
            for (int m = 0; m < 7; m++) {
                double[] d = Dop853Tableau.D[m];
                for (int i = 0; i < d.length; i++) {
                    bt[i] += w[m] * d[i];
                }
            }
            for (int q = 1; q <= 7; q++) {
                assertThat(dot(bt, c, q)).as("dense theta=%s q=%d", theta, q)
                        .isCloseTo(Math.pow(theta, q) / q, offset(1e-11));
            }
        }
    }

    @Test
    void dopri5MatchesHipparchusAndOrderConditions() {
        DormandPrince54Integrator hip = new DormandPrince54Integrator(0, 1, 1e-6, 1e-6);
        double[] c = {0, Dopri5.C2, Dopri5.C3, Dopri5.C4, Dopri5.C5, 1, 1};
        double[] b = {Dopri5.A71, 0, Dopri5.A73, Dopri5.A74, Dopri5.A75, Dopri5.A76, 0};
        double[][] a = {
            {},
            {Dopri5.A21},
            {Dopri5.A31, Dopri5.A32},
            {Dopri5.A41, Dopri5.A42, Dopri5.A43},
            {Dopri5.A51, Dopri5.A52, Dopri5.A53, Dopri5.A54},
            {Dopri5.A61, Dopri5.A62, Dopri5.A63, Dopri5.A64, Dopri5.A65},
            {Dopri5.A71, 0, Dopri5.A73, Dopri5.A74, Dopri5.A75, Dopri5.A76},
        };
        for (int s = 1; s < 7; s++) {
            assertThat(c[s]).isCloseTo(hip.getC()[s - 1], offset(TOL));
            for (int j = 0; j < s; j++) {
                assertThat(a[s][j]).isCloseTo(hip.getA()[s - 1][j], offset(TOL));
            }
        }
        for (int i = 0; i < 7; i++) {
            assertThat(b[i]).isCloseTo(hip.getB()[i], offset(TOL));
        }
        for (int q = 1; q <= 5; q++) {
            assertThat(dot(b, c, q)).isCloseTo(1.0 / q, offset(TOL));
        }
        double[] e = {Dopri5.E1, 0, Dopri5.E3, Dopri5.E4, Dopri5.E5, Dopri5.E6, Dopri5.E7};
        for (int q = 1; q <= 4; q++) {
            assertThat(dot(e, c, q)).as("estimator q=%d", q).isCloseTo(0, offset(TOL));
        }
        // continuous extension (order 4): b_i(theta) = theta (b_i + eta ((delta_i1 - b_i)
        //   + theta ((2 b_i - delta_i1 - delta_i7) + eta d_i)))
        double[] d = {Dopri5.D1, 0, Dopri5.D3, Dopri5.D4, Dopri5.D5, Dopri5.D6, Dopri5.D7};
        for (double theta : new double[] {0.2, 0.5, 0.77}) {
            double eta = 1 - theta;
            double[] bt = new double[7];
            for (int i = 0; i < 7; i++) {
                double d1 = i == 0 ? 1 : 0;
                double d7 = i == 6 ? 1 : 0;
                bt[i] = theta * (b[i] + eta * ((d1 - b[i]) + theta * ((2 * b[i] - d1 - d7) + eta * d[i])));
            }
            for (int q = 1; q <= 4; q++) {
                assertThat(dot(bt, c, q)).as("dense theta=%s q=%d", theta, q).isCloseTo(Math.pow(theta, q) / q, offset(1e-14));
            }
        }
    }

    /**
     * Same problem, same tolerance, our Dop853 and Hipparchus's DormandPrince853Integrator: Kepler
     * (e = 0.5) over one period at rtol = atol = 1e-12. Exact end state = initial state
     * (period 2 pi). Both must be within 1e-9 of it, and of each other.
     */
    @Test
    void dop853AgreesWithHipparchusOnKepler() {
        double tol = 1e-12;
        double tEnd = 2 * Math.PI;
        OdeFunction f = TestProblems.kepler();
        double[] ours = Measure.endState(new Dop853(), f, TestProblems.KEPLER_Y0, tEnd, Measure.context(4, tol, tol));
        OrdinaryDifferentialEquation eq = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 4;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[4];
                f.derivatives(t, y, d);
                return d;
            }
        };
        ODEStateAndDerivative theirs = new DormandPrince853Integrator(0, Double.POSITIVE_INFINITY, tol, tol)
                .integrate(eq, new ODEState(0, TestProblems.KEPLER_Y0.clone()), tEnd);
        double[] h = theirs.getPrimaryState();
        for (int i = 0; i < 4; i++) {
            assertThat(ours[i]).isCloseTo(TestProblems.KEPLER_Y0[i], offset(1e-9));
            assertThat(h[i]).isCloseTo(TestProblems.KEPLER_Y0[i], offset(1e-9));
            assertThat(ours[i]).isCloseTo(h[i], offset(1e-9));
        }
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - h[i]));
        }
        Measure.report("Kepler one period rtol=1e-12: |dop853 - Hipparchus DP853| = " + worst);
    }

    private static double dot(double[] w, double[] c, int q) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * Math.pow(c[i], q - 1);
        }
        return s;
    }
}
