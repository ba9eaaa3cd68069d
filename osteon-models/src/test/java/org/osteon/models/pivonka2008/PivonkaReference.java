package org.osteon.models.pivonka2008;

import java.util.Map;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * An independent solution of Pivonka et al. 2008 as bone-models-spec.md section 3 writes it: the
 * equations and the exact code values ported by hand from the spec (not from Osteon's model text),
 * integrated with Hipparchus's DormandPrince853Integrator at rtol 1e-12, atol 1e-18 pM, restarted
 * at the edges of the injection window. Nothing of Osteon's compiler or solvers is used. It is
 * the reference for the built-in exploration scenarios, which have no published trajectories.
 */
final class PivonkaReference {
    // Spec section 3, "Parameters (exact code values)".
    private static final double D_OBU = 7.00e-4;
    private static final double D_OBP = 0.2674077909527713;
    private static final double A_OBA = 0.189;
    private static final double D_OCP = 2.10e-3;
    private static final double A_OCA = 0.7;
    private static final double K_D1 = 4.545454545454545e-3;
    private static final double K_D2 = 1.415624253823446e-3;
    private static final double K_D3 = 4.545454545454545e-3;
    private static final double K_D4 = 150;
    private static final double K_D6 = 0.2225814277099542;
    private static final double K_D8 = 4.457452802710724;
    private static final double BETA_PTH = 250;
    private static final double D_PTH = 86;
    private static final double BETA_RANKL = 168.4195714712206;
    private static final double D_RANKL = 10.132471014805027;
    private static final double BETA_OPG = 1.624900337835679e8;
    private static final double OPG_MAX = 2.00e8;
    private static final double D_OPG = 0.35;
    private static final double R_RANKL = 2.703476379131062e6;
    private static final double K_A1 = 1.00e-3;
    private static final double K_A2 = 3.411764705882353e-2;
    private static final double RANK = 10;
    private static final double ALPHA = 1;
    private static final double K_RES = 1;
    private static final double D_TGFB = 1.0;
    /** Spec section 3: the steady state, where every run starts. */
    static final double[] STEADY = {6.196390628173431e-4, 5.583931899642794e-4, 8.069635262994807e-4};

    private PivonkaReference() {
    }

    /** The injections I_P, I_O, I_L, I_TGFb, I_OBp, I_OBa, I_OCa; unnamed ones are 0. */
    private record Inputs(double iP, double iO, double iL, double iTgfb, double iObp, double iOba, double iOca) {
        static Inputs of(Map<String, Double> on) {
            return new Inputs(on.getOrDefault("I_P", 0.0), on.getOrDefault("I_O", 0.0), on.getOrDefault("I_L", 0.0),
                    on.getOrDefault("I_TGFb", 0.0), on.getOrDefault("I_OBp", 0.0), on.getOrDefault("I_OBa", 0.0),
                    on.getOrDefault("I_OCa", 0.0));
        }
    }

    private static void rhs(double[] y, Inputs in, double[] dy) {
        double obp = y[0];
        double oba = y[1];
        double oca = y[2];
        double tgfb = (ALPHA * K_RES * oca + in.iTgfb()) / D_TGFB;
        double actObu = tgfb / (tgfb + K_D1);
        double repObp = K_D2 / (tgfb + K_D2);
        double actOca = tgfb / (tgfb + K_D3);
        double pth = (BETA_PTH + in.iP()) / D_PTH;
        double actPth = pth / (pth + K_D4);
        double repPth = K_D6 / (pth + K_D6);
        double pOpg = BETA_OPG * oba * repPth;
        double opg = (pOpg + in.iO()) * OPG_MAX / (pOpg + D_OPG * OPG_MAX);
        double ranklEff = R_RANKL * obp * actPth;
        double rankl = ranklEff / (1 + K_A1 * opg + K_A2 * RANK) * (BETA_RANKL + in.iL()) / (BETA_RANKL + D_RANKL * ranklEff);
        double ranklRank = K_A2 * rankl * RANK;
        double actOcp = ranklRank / (ranklRank + K_D8);
        dy[0] = D_OBU * actObu - D_OBP * obp * repObp + in.iObp();
        dy[1] = D_OBP * obp * repObp - A_OBA * oba + in.iOba();
        dy[2] = D_OCP * actOcp - A_OCA * oca * actOca + in.iOca();
    }

    /**
     * States OBp, OBa, OCa (rows) on the days 0..until (columns), with {@code input} set to {@code value}
     * on [from, to] and 0 elsewhere, from the steady state.
     */
    static double[][] solve(String input, double value, double from, double to, int until) {
        double[][] out = new double[3][until + 1];
        double[] y = STEADY.clone();
        record(out, 0, y);
        double[] edges = {from, to, until};
        double t = 0;
        int day = 1;
        for (double edge : edges) {
            Inputs in = t >= from && t < to ? Inputs.of(Map.of(input, value)) : Inputs.of(Map.of());
            OrdinaryDifferentialEquation eq = new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return 3;
                }

                @Override
                public double[] computeDerivatives(double time, double[] state) {
                    double[] d = new double[3];
                    rhs(state, in, d);
                    return d;
                }
            };
            while (day <= edge) {
                DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, 10, 1e-18, 1e-12);
                ODEStateAndDerivative end = dp.integrate(eq, new ODEState(t, y), day);
                y = end.getPrimaryState();
                t = day;
                record(out, day, y);
                day++;
            }
            if (t < edge) {
                DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, 10, 1e-18, 1e-12);
                y = dp.integrate(eq, new ODEState(t, y), edge).getPrimaryState();
                t = edge;
            }
        }
        return out;
    }

    private static void record(double[][] out, int day, double[] y) {
        for (int s = 0; s < 3; s++) {
            out[s][day] = y[s];
        }
    }
}
