package org.osteon.solve;

/**
 * Test problems with known or published solutions. References:
 * <ul>
 * <li>ROBER, HIRES, VDPOL: F. Mazzia, C. Magherini et al., "Test Set for IVP Solvers", release
 * 2.4, University of Bari (archimede.uniba.it/~testset), problem descriptions and the
 * reference solutions in its {@code solut} routines (computed with RADAU5 at rtol = atol =
 * 1.1e-18 in extended precision); the same problems are in Hairer and Wanner, Solving ODEs II,
 * sec. IV.10.</li>
 * <li>Komarova model: Komarova et al. 2003, Bone 33:206–215 (osteoclast/osteoblast power-law
 * model), defined with its parameters in {@link SteadyStateSolverTest}, where the equilibrium and
 * Jacobian are worked out by hand.</li>
 * </ul>
 */
final class TestProblems {
    private TestProblems() {
    }

    interface Rhs {
        void eval(double t, double[] y, double[] dy);
    }

    interface Jac {
        void eval(double t, double[] y, double[] j);
    }

    /** A non-autonomous right-hand side from a function returning f(t, y), Jacobian by finite differences. */
    static OdeFunction of(int n, java.util.function.BiFunction<Double, double[], double[]> f) {
        return ode(n, false, (t, y, dy) -> System.arraycopy(f.apply(t, y), 0, dy, 0, n), null);
    }

    /**
     * Only a Jacobian: the given sparsity pattern with fixed values (row by row, in the pattern's
     * order), for tests of the iteration matrix alone; asking for the derivatives fails the test.
     */
    static OdeFunction fixedJacobian(org.osteon.util.SparsityPattern pattern, double[] values) {
        return new OdeFunction() {
            @Override
            public int dimension() {
                return pattern.size();
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                throw new AssertionError("a test of the iteration matrix must not need the derivatives");
            }

            @Override
            public org.osteon.util.SparsityPattern jacobianPattern() {
                return pattern;
            }

            @Override
            public void jacobianValues(double t, double[] y, double[] out) {
                System.arraycopy(values, 0, out, 0, values.length);
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return true;
            }
        };
    }

    /** A right-hand side from lambdas; a null Jacobian falls back to finite differences. */
    static OdeFunction ode(int n, boolean autonomous, Rhs rhs, Jac jac) {
        return new OdeFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                rhs.eval(t, y, dydt);
            }

            @Override
            public void jacobian(double t, double[] y, double[] dfdy) {
                if (jac == null) {
                    OdeFunction.super.jacobian(t, y, dfdy);
                } else {
                    jac.eval(t, y, dfdy);
                }
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return jac != null;
            }

            @Override
            public boolean isAutonomous() {
                return autonomous;
            }
        };
    }

    // ---------------------------------------------------------------- ROBER
    static final double[] ROBER_Y0 = {1, 0, 0};
    static final double ROBER_T_END = 1e11;
    /** Test Set for IVP Solvers (Bari), rober, solut at t = 1e11. */
    static final double[] ROBER_REF = {0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050e+00};

    static OdeFunction rober() {
        return ode(3, true, (t, y, dy) -> {
            double r1 = 0.04 * y[0];
            double r2 = 1e4 * y[1] * y[2];
            double r3 = 3e7 * y[1] * y[1];
            dy[0] = -r1 + r2;
            dy[1] = r1 - r2 - r3;
            dy[2] = r3;
        }, (t, y, j) -> {
            j[0] = -0.04;
            j[1] = 1e4 * y[2];
            j[2] = 1e4 * y[1];
            j[3] = 0.04;
            j[4] = -1e4 * y[2] - 6e7 * y[1];
            j[5] = -1e4 * y[1];
            j[6] = 0;
            j[7] = 6e7 * y[1];
            j[8] = 0;
        });
    }

    // ---------------------------------------------------------------- HIRES
    static final double[] HIRES_Y0 = {1, 0, 0, 0, 0, 0, 0, 0.0057};
    static final double HIRES_T_END = 321.8122;
    /** Test Set for IVP Solvers (Bari), hires, solut at t = 321.8122. */
    static final double[] HIRES_REF = {
        0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
        0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2};

    static OdeFunction hires() {
        return ode(8, true, (t, y, dy) -> {
            dy[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
            dy[1] = 1.71 * y[0] - 8.75 * y[1];
            dy[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
            dy[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
            dy[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
            dy[5] = -280.0 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
            dy[6] = 280.0 * y[5] * y[7] - 1.81 * y[6];
            dy[7] = -280.0 * y[5] * y[7] + 1.81 * y[6];
        }, (t, y, j) -> {
            java.util.Arrays.fill(j, 0);
            int n = 8;
            j[0 * n + 0] = -1.71;
            j[0 * n + 1] = 0.43;
            j[0 * n + 2] = 8.32;
            j[1 * n + 0] = 1.71;
            j[1 * n + 1] = -8.75;
            j[2 * n + 2] = -10.03;
            j[2 * n + 3] = 0.43;
            j[2 * n + 4] = 0.035;
            j[3 * n + 1] = 8.32;
            j[3 * n + 2] = 1.71;
            j[3 * n + 3] = -1.12;
            j[4 * n + 4] = -1.745;
            j[4 * n + 5] = 0.43;
            j[4 * n + 6] = 0.43;
            j[5 * n + 3] = 0.69;
            j[5 * n + 4] = 1.71;
            j[5 * n + 5] = -0.43 - 280.0 * y[7];
            j[5 * n + 6] = 0.69;
            j[5 * n + 7] = -280.0 * y[5];
            j[6 * n + 5] = 280.0 * y[7];
            j[6 * n + 6] = -1.81;
            j[6 * n + 7] = 280.0 * y[5];
            j[7 * n + 5] = -280.0 * y[7];
            j[7 * n + 6] = 1.81;
            j[7 * n + 7] = -280.0 * y[5];
        });
    }

    // ---------------------------------------------------------------- VDPOL
    static final double[] VDPOL_Y0 = {2, 0};
    static final double VDPOL_T_END = 2.0;
    /**
     * Test Set for IVP Solvers (Bari), vdpol (release 2.2 form, eps = 1e-6, which is mu = 1000 in
     * Lienard-rescaled time), solut at t = 2.
     */
    static final double[] VDPOL_REF = {0.1706167732170483e+01, -0.8928097010247975e+00};

    static OdeFunction vanDerPol() {
        final double eps = 1e-6;
        return ode(2, true, (t, y, dy) -> {
            dy[0] = y[1];
            dy[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / eps;
        }, (t, y, j) -> {
            j[0] = 0;
            j[1] = 1;
            j[2] = (-2 * y[0] * y[1] - 1) / eps;
            j[3] = (1 - y[0] * y[0]) / eps;
        });
    }

    // ---------------------------------------------------------------- analytic problems
    /** y_i' = -k_i y_i with k = (0.5, 1, 2), y(0) = 1: y_i = exp(-k_i t). */
    static final double[] DECAY_K = {0.5, 1.0, 2.0};

    static OdeFunction decay() {
        return ode(3, true, (t, y, dy) -> {
            for (int i = 0; i < 3; i++) {
                dy[i] = -DECAY_K[i] * y[i];
            }
        }, (t, y, j) -> {
            java.util.Arrays.fill(j, 0);
            for (int i = 0; i < 3; i++) {
                j[i * 3 + i] = -DECAY_K[i];
            }
        });
    }

    static double[] decayExact(double t) {
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            y[i] = Math.exp(-DECAY_K[i] * t);
        }
        return y;
    }

    /** Logistic growth y' = r y (1 - y/K), r = 0.8, K = 10, y(0) = 0.5: y = K/(1 + (K/y0 - 1) e^{-rt}). */
    static final double LOG_R = 0.8;
    static final double LOG_K = 10;
    static final double LOG_Y0 = 0.5;

    static OdeFunction logistic() {
        return ode(1, true, (t, y, dy) -> dy[0] = LOG_R * y[0] * (1 - y[0] / LOG_K),
                (t, y, j) -> j[0] = LOG_R * (1 - 2 * y[0] / LOG_K));
    }

    static double logisticExact(double t) {
        return LOG_K / (1 + (LOG_K / LOG_Y0 - 1) * Math.exp(-LOG_R * t));
    }

    /**
     * Nonlinear rotation y1' = -r y2, y2' = r y1 with r = y1^2 + y2^2 (invariant), from (1, 0.5):
     * y = sqrt(r0) (cos(r0 t + phi), sin(r0 t + phi)) with r0 = 1.25, phi = atan2(0.5, 1).
     */
    static OdeFunction rotation() {
        return ode(2, true, (t, y, dy) -> {
            double r = y[0] * y[0] + y[1] * y[1];
            dy[0] = -r * y[1];
            dy[1] = r * y[0];
        }, (t, y, j) -> {
            double r = y[0] * y[0] + y[1] * y[1];
            j[0] = -2 * y[0] * y[1];
            j[1] = -r - 2 * y[1] * y[1];
            j[2] = r + 2 * y[0] * y[0];
            j[3] = 2 * y[0] * y[1];
        });
    }

    static final double[] ROT_Y0 = {1, 0.5};

    static double[] rotationExact(double t) {
        double r0 = 1.25;
        double phi = Math.atan2(0.5, 1);
        double a = Math.sqrt(r0);
        return new double[] {a * Math.cos(r0 * t + phi), a * Math.sin(r0 * t + phi)};
    }

    /** Non-autonomous y' = y cos t, y(0) = 1: y = exp(sin t). */
    static OdeFunction forced() {
        return ode(1, false, (t, y, dy) -> dy[0] = y[0] * Math.cos(t), (t, y, j) -> j[0] = Math.cos(t));
    }

    static double forcedExact(double t) {
        return Math.exp(Math.sin(t));
    }

    /**
     * Kepler two-body problem with eccentricity 0.5 (Hairer, Norsett and Wanner, Solving ODEs I,
     * sec. II.10, problem "Kepler"): q'' = -q/|q|^3 from q = (1-e, 0), q' = (0, sqrt((1+e)/(1-e))).
     * The orbit has period 2 pi, so the exact solution at t = 2 pi is the initial state.
     */
    static final double KEPLER_E = 0.5;
    static final double[] KEPLER_Y0 = {1 - KEPLER_E, 0, 0, Math.sqrt((1 + KEPLER_E) / (1 - KEPLER_E))};

    static OdeFunction kepler() {
        return ode(4, true, (t, y, dy) -> {
            double r2 = y[0] * y[0] + y[1] * y[1];
            double r3 = r2 * Math.sqrt(r2);
            dy[0] = y[2];
            dy[1] = y[3];
            dy[2] = -y[0] / r3;
            dy[3] = -y[1] / r3;
        }, (t, y, j) -> {
            double r2 = y[0] * y[0] + y[1] * y[1];
            double r = Math.sqrt(r2);
            double r3 = r2 * r;
            double r5 = r3 * r2;
            java.util.Arrays.fill(j, 0);
            j[2] = 1;
            j[7] = 1;
            j[8] = -1 / r3 + 3 * y[0] * y[0] / r5;
            j[9] = 3 * y[0] * y[1] / r5;
            j[12] = 3 * y[0] * y[1] / r5;
            j[13] = -1 / r3 + 3 * y[1] * y[1] / r5;
        });
    }
}
