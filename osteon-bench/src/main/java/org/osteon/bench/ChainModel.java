package org.osteon.bench;

/**
 * The scaling benchmark of issue 14: a chain of N Pivonka et al. (2008) bone multicellular units
 * (BMUs), 3N states (OBp, OBa, OCa per unit), coupled by RANKL diffusion between neighbours, as
 * Antimony text generated from one template per unit.
 *
 * <p>Each unit is {@code pivonka2008} (same equations and bone_models 0.1.0 parameter values) with
 * its own PTH injection rising linearly along the chain, {@code I_P_i = 1000 (i-1)/(N-1)} pM/day
 * (unit 1 at rest, unit N as in the {@code pivonka2008-pth} load case), so every unit moves
 * differently. RANKL is quasi-steady in Pivonka 2008; with diffusive exchange between neighbours
 * its quasi-steady balance {@code 0 = P_i - D_RANKL R_i + k (R_(i-1) - 2 R_i + R_(i+1))} is solved
 * to first order in {@code kappa = k/D_RANKL}: {@code R_i = L_i + kappa (L_(i-1) - 2 L_i +
 * L_(i+1))}, L the unit's own RANKL, with no flux at the chain's ends. kappa = 0.2. This keeps
 * the 3N states of the issue and gives a banded Jacobian (bandwidth 5 below, 2 above the diagonal
 * in the unit-major state order). The C driver ({@code src/main/c/chain_cvode.c}) implements the
 * same equations.
 */
public final class ChainModel {
    /** PTH injection in the last unit (pM/day): the pivonka2008-pth load case. */
    public static final double PTH_MAX = 1000;
    public static final double KAPPA = 0.2;

    private ChainModel() {
    }

    /** The PTH injection of unit i (1-based) of n. */
    static double pthInjection(int i, int n) {
        return n == 1 ? 0 : PTH_MAX * (i - 1) / (n - 1);
    }

    public static String antimony(int n) {
        StringBuilder sb = new StringBuilder(n * 1200);
        sb.append("// Chain of ").append(n).append(" Pivonka 2008 BMUs coupled by RANKL diffusion (osteon-bench ChainModel)\n");
        sb.append("model chain").append(n).append("()\n");
        for (int i = 1; i <= n; i++) {
            unit(sb, i, n);
        }
        sb.append("""
                  D_OBu = 7e-4; D_OBp = 0.2674077909527713; A_OBa = 0.189; D_OCp = 2.1e-3; A_OCa = 0.7
                  K_D1 = 4.545454545454545e-3; K_D2 = 1.415624253823446e-3; K_D3 = 4.545454545454545e-3
                  K_D4 = 150; K_D6 = 0.2225814277099542; K_D8 = 4.457452802710724
                  beta_PTH = 250; D_PTH = 86; beta_RANKL = 168.4195714712206; D_RANKL = 10.132471014805027
                  beta_OPG = 1.624900337835679e8; OPG_max = 2e8; D_OPG = 0.35; R_RANKL = 2.703476379131062e6
                  K_A1 = 1e-3; K_A2 = 3.411764705882353e-2; RANK = 10; alpha = 1; k_res = 1; D_TGFb = 1
                """);
        sb.append("  kappa = ").append(KAPPA).append('\n');
        sb.append("end\n");
        return sb.toString();
    }

    /**
     * One unit's lines: the template with {@code $s}, {@code $I}, {@code $l}, {@code $r} replaced by
     * plain string replacement. Not {@code String.format}: its format-string regular expression,
     * run 1000 times, made the JIT compile the regex engine while the compile benchmark's parse ran
     * (about a fifth of the C2 compiler's time in that phase, none of it Osteon's).
     */
    private static void unit(StringBuilder sb, int i, int n) {
        String s = "_" + i;
        String left = "_" + (i == 1 ? 1 : i - 1);
        String right = "_" + (i == n ? n : i + 1);
        sb.append(UNIT.replace("$s", s).replace("$I", Double.toString(pthInjection(i, n)))
                .replace("$l", left).replace("$r", right));
    }

    private static final String UNIT = """
              OBp$s' = D_OBu*pOBu$s - D_OBp*OBp$s*rOBp$s
              OBa$s' = D_OBp*OBp$s*rOBp$s - A_OBa*OBa$s
              OCa$s' = D_OCp*pOCp$s - A_OCa*OCa$s*pOCa$s
              OBp$s = 6.196390628173431e-4; OBa$s = 5.583931899642794e-4; OCa$s = 8.069635262994807e-4
              I_P$s = $I
              TGFb$s := alpha*k_res*OCa$s/D_TGFb
              pOBu$s := TGFb$s/(TGFb$s + K_D1)
              rOBp$s := K_D2/(TGFb$s + K_D2)
              pOCa$s := TGFb$s/(TGFb$s + K_D3)
              PTH$s := (beta_PTH + I_P$s)/D_PTH
              pPTH$s := PTH$s/(PTH$s + K_D4)
              rPTH$s := K_D6/(PTH$s + K_D6)
              POPG$s := beta_OPG*OBa$s*rPTH$s
              OPG$s := POPG$s*OPG_max/(POPG$s + D_OPG*OPG_max)
              Leff$s := R_RANKL*OBp$s*pPTH$s
              L$s := Leff$s/(1 + K_A1*OPG$s + K_A2*RANK)*beta_RANKL/(beta_RANKL + D_RANKL*Leff$s)
              RANKL$s := L$s + kappa*(L$l - 2*L$s + L$r)
              pOCp$s := K_A2*RANKL$s*RANK/(K_A2*RANKL$s*RANK + K_D8)
            """;
}
