package org.osteon.models.scheiner2013;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The continuum micromechanics of Scheiner et al. 2013 ({@link ScheinerMicromechanics}) against
 * the numbers of shared/reference/bone-models-spec.md section 4, against an independent
 * Hipparchus implementation of the spec's full 6×6 chain, and its exact gradient against
 * finite differences.
 */
class ScheinerMicromechanicsTest {
    private static final ScheinerMicromechanics MM = new ScheinerMicromechanics();
    /** Normal load, spec §4: σ33 = −30 MPa. */
    private static final double SIGMA_NORMAL = -0.030;
    /** Disuse load, spec §4: σ33 = −25 MPa. */
    private static final double SIGMA_DISUSE = -0.025;

    @Test
    void theModelTextDefinesPsiWithTheseCoefficients() throws Exception {
        // scheiner2013.ant carries the rational form written out, so that any Antimony tool computes ψ
        try (var in = Scheiner2013Model.class.getResourceAsStream("/org/osteon/models/scheiner2013/scheiner2013.ant")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains(MM.antimonyFunction() + "\n");
        }
    }

    @Test
    void hillTensorMatchesTheSpecKelvinValues() {
        double[][] p = MM.hillTensor();
        // spec §4 gives 12 significant digits: tolerance 5e-13 (half a unit in the last digit)
        assertThat(p[0][0]).isCloseTo(0.048333831326, within(5e-13));
        assertThat(p[0][1]).isCloseTo(-0.020462184309, within(5e-13));
        assertThat(p[1][0]).isCloseTo(-0.020462184309, within(5e-13));
        assertThat(p[1][1]).isCloseTo(0.043693159541, within(5e-13));
        assertThat(p[3][3]).isCloseTo(0.039872564926, within(5e-13));
        assertThat(p[4][4]).isCloseTo(0.042229905431, within(5e-13));
        assertThat(p[5][5]).isCloseTo(0.066508322447, within(5e-13));
        // "all others 0": the quadrature leaves rounding residues (spec: exact to 5e-17)
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                boolean listed = (i < 2 && j < 2) || (i == j && i >= 3);
                if (!listed) {
                    assertThat(Math.abs(p[i][j])).as("P[%d][%d]", i, j).isLessThan(5e-17);
                }
            }
        }
    }

    @Test
    void fiftyNodeRectangleRuleIsConverged() {
        // spec §4: the 50-node rule is exact to 5e-17; compare with 400 nodes
        double[][] p50 = ScheinerMicromechanics.hillTensorCylinder(ScheinerMicromechanics.C_BM, 50);
        double[][] p400 = ScheinerMicromechanics.hillTensorCylinder(ScheinerMicromechanics.C_BM, 400);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(p50[i][j]).isCloseTo(p400[i][j], within(5e-17));
            }
        }
    }

    @Test
    void steadyStateStrainEnergyMatchesTheSpec() {
        // spec §4: ψ_ss = 2.401257555222607e-5 GPa at f_vas = 5 %, σ33 = −30 MPa (17 digits;
        // relative tolerance 1e-15 allows the last-digit rounding of a different evaluation order)
        double psiSs = MM.strainEnergy(5, SIGMA_NORMAL);
        assertThat(psiSs).isCloseTo(2.401257555222607e-5, within(1e-15 * 2.401257555222607e-5));
        assertThat(MM.value(new double[] {5, SIGMA_NORMAL})).isEqualTo(psiSs);
    }

    @Test
    void disuseRatioAndMechanicalRankl() {
        // spec §4: ψ scales with σ², so ψ(−25 MPa)/ψ_ss = (25/30)² = 0.694444 and
        // P_RANKL,mech = κ (1 − ratio) = 1e5 · 11/36 = 30555.6 pM/day at the onset of disuse.
        double ratio = MM.strainEnergy(5, SIGMA_DISUSE) / MM.strainEnergy(5, SIGMA_NORMAL);
        assertThat(ratio).isCloseTo(25.0 * 25 / (30 * 30), within(1e-15));
        assertThat(ratio).isCloseTo(0.694444, within(5e-7));
        double kappa = 1e5;
        assertThat(kappa * (1 - ratio)).isCloseTo(30555.6, within(0.05));
    }

    @Test
    void rationalFormAgreesWithTheFull6x6RouteAndWithHipparchus() {
        // The production evaluation (ψ = ½σ² q(f)/d(f)²) against the hand-written 6×6 solve
        // and against an independent Hipparchus LU implementation of the spec's formulas.
        // Tolerance 1e-13 relative on 0–60 % porosity (measured: below 1e-15 for f ≤ 25 %).
        Random rnd = new Random(20130001L);
        Reference ref = new Reference();
        for (int k = 0; k < 200; k++) {
            double f = 60 * rnd.nextDouble();
            double s = -0.05 + 0.1 * rnd.nextDouble();
            double fast = MM.strainEnergy(f, s);
            double general = MM.strainEnergyGeneral(f, 100 - f, new double[] {0, 0, s, 0, 0, 0});
            double hipparchus = ref.psiMoriTanaka(f, s, false);
            assertThat(fast).isCloseTo(general, within(1e-13 * general));
            assertThat(fast).isCloseTo(hipparchus, within(1e-13 * hipparchus));
        }
    }

    @Test
    void peerStrainConcentrationIsWrongButPsiIsUnchanged() {
        // spec §8 S2: the peer's A_bm = [f_bm (M + I)]⁻¹ violates the strain average rule
        // f_bm A_bm + f_vas A_vas = I, whereas Mori–Tanaka's [f_bm I + f_vas M]⁻¹ satisfies it;
        // ψ_bm from the chain is the same either way (to rounding, 1e-13 relative here).
        Reference ref = new Reference();
        double f = 12.5;
        double mt = ref.psiMoriTanaka(f, SIGMA_NORMAL, false);
        double peer = ref.psiMoriTanaka(f, SIGMA_NORMAL, true);
        assertThat(peer).isCloseTo(mt, within(1e-13 * mt));
        assertThat(ref.averageRuleDefect(f, false)).isLessThan(1e-14);
        assertThat(ref.averageRuleDefect(f, true)).isGreaterThan(1e-3);
    }

    @Test
    void pureMatrixGivesTheComplementaryEnergyOfTheMatrix() {
        // Without pores ε_bm = c_bm⁻¹ Σ, so ψ = ½ Σ·c_bm⁻¹·Σ for any stress, including shear:
        // a check of the consistent Kelvin–Mandel notation of the general route (spec §8 S3).
        RealMatrix c = MatrixUtils.createRealMatrix(ScheinerMicromechanics.C_BM);
        RealMatrix s = new LUDecomposition(c).getSolver().getInverse();
        Random rnd = new Random(7L);
        for (int k = 0; k < 20; k++) {
            double[] sigma = new double[6];
            for (int i = 0; i < 6; i++) {
                sigma[i] = 0.02 * (rnd.nextDouble() - 0.5);
            }
            RealVector v = new ArrayRealVector(sigma);
            double expected = 0.5 * v.dotProduct(s.operate(v));
            assertThat(MM.strainEnergyGeneral(0, 100, sigma)).isCloseTo(expected, within(1e-13 * expected));
        }
        assertThat(MM.strainEnergy(0, SIGMA_NORMAL)).isCloseTo(0.5 * SIGMA_NORMAL * SIGMA_NORMAL * s.getEntry(2, 2),
                within(1e-20));
    }

    @Test
    void kelvinMandelConversionPreservesContractions() {
        // Kelvin–Mandel (√2 on shear) is orthonormal: for a fourth-order tensor C built by the
        // production conversion and a symmetric strain ε, (C:ε)_KM = C_KM · ε_KM and
        // ε:C:ε = ε_KM · C_KM · ε_KM. (Voigt factors would fail both; spec §8 S3.)
        Random rnd = new Random(11L);
        double[][] a = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                a[i][j] = rnd.nextGaussian();
            }
        }
        double[][][][] c = ScheinerMicromechanics.toTensor(a);
        double[][] eps = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                eps[i][j] = rnd.nextGaussian();
                eps[j][i] = eps[i][j];
            }
        }
        double r2 = Math.sqrt(2);
        double[] epsKM = {eps[0][0], eps[1][1], eps[2][2], r2 * eps[1][2], r2 * eps[0][2], r2 * eps[0][1]};
        double[][] sig = new double[3][3];
        double energy = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        sig[i][j] += c[i][j][k][l] * eps[k][l];
                    }
                }
                energy += eps[i][j] * sig[i][j];
            }
        }
        double[] sigKM = {sig[0][0], sig[1][1], sig[2][2], r2 * sig[1][2], r2 * sig[0][2], r2 * sig[0][1]};
        double energyKM = 0;
        for (int i = 0; i < 6; i++) {
            double row = 0;
            for (int j = 0; j < 6; j++) {
                row += a[i][j] * epsKM[j];
            }
            assertThat(row).isCloseTo(sigKM[i], within(1e-12));
            energyKM += epsKM[i] * row;
        }
        assertThat(energyKM).isCloseTo(energy, within(1e-12 * Math.abs(energy) + 1e-14));
        assertThat(ScheinerMicromechanics.toKelvinMandel(c)[3][5]).isCloseTo(a[3][5], within(1e-14));
    }

    @Test
    void exactGradientMatchesFiniteDifferences() {
        // central differences with h = 1e-4 % and 1e-6 GPa: truncation error ~h², rounding
        // ~1e-16·ψ/h; agreement to 1e-7 relative is what they can show
        Random rnd = new Random(42L);
        double[] g = new double[2];
        for (int k = 0; k < 100; k++) {
            double f = 1 + 59 * rnd.nextDouble();
            double s = -0.04 + 0.03 * rnd.nextDouble();
            MM.gradient(new double[] {f, s}, g);
            double hf = 1e-4;
            double hs = 1e-6;
            double df = (MM.strainEnergy(f + hf, s) - MM.strainEnergy(f - hf, s)) / (2 * hf);
            double ds = (MM.strainEnergy(f, s + hs) - MM.strainEnergy(f, s - hs)) / (2 * hs);
            assertThat(g[0]).isCloseTo(df, within(1e-7 * Math.abs(df)));
            assertThat(g[1]).isCloseTo(ds, within(1e-7 * Math.abs(ds)));
            // and ∂ψ/∂σ = 2ψ/σ exactly (ψ ∝ σ²)
            assertThat(g[1]).isCloseTo(2 * MM.strainEnergy(f, s) / s, within(1e-14 * Math.abs(g[1])));
        }
    }

    @Test
    void strainEnergyGrowsWithPorosity() {
        double previous = 0;
        for (double f = 0; f <= 60; f += 0.5) {
            double psi = MM.strainEnergy(f, SIGMA_NORMAL);
            assertThat(psi).isGreaterThan(previous);
            previous = psi;
        }
    }

    @Test
    void rejectsAMatrixThatCouplesNormalAndShear() {
        double[][] c = new double[6][];
        for (int i = 0; i < 6; i++) {
            c[i] = ScheinerMicromechanics.C_BM[i].clone();
        }
        c[2][3] = 1.0;
        c[3][2] = 1.0;
        assertThatThrownBy(() -> new ScheinerMicromechanics(c, 2.3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orthotropic");
    }

    /**
     * The spec's full chain with Hipparchus, written independently of the production class:
     * A_bm → A_vas = M A_bm → C_hom = f_vas c_vas A_vas + f_bm c_bm A_bm → E = C_hom⁻¹ Σ →
     * ε_bm = A_bm E → ψ = ½ ε_bm·c_bm·ε_bm.
     */
    private static final class Reference {
        final RealMatrix cBm = MatrixUtils.createRealMatrix(ScheinerMicromechanics.C_BM);
        final RealMatrix cVas;
        final RealMatrix m;

        Reference() {
            RealMatrix j = new Array2DRowRealMatrix(6, 6);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    j.setEntry(a, b, 1.0 / 3);
                }
            }
            cVas = j.scalarMultiply(3 * 2.3);
            RealMatrix p = MatrixUtils.createRealMatrix(
                    ScheinerMicromechanics.hillTensorCylinder(ScheinerMicromechanics.C_BM, 50));
            RealMatrix a = MatrixUtils.createRealIdentityMatrix(6).add(p.multiply(cVas.subtract(cBm)));
            m = new LUDecomposition(a).getSolver().getInverse();
        }

        RealMatrix strainConcentrationBm(double fVas, boolean peer) {
            double fv = fVas / 100;
            double fb = 1 - fv;
            RealMatrix id = MatrixUtils.createRealIdentityMatrix(6);
            RealMatrix x = peer ? m.add(id).scalarMultiply(fb) : id.scalarMultiply(fb).add(m.scalarMultiply(fv));
            return new LUDecomposition(x).getSolver().getInverse();
        }

        double psiMoriTanaka(double fVas, double sigma33, boolean peer) {
            double fv = fVas / 100;
            double fb = 1 - fv;
            RealMatrix aBm = strainConcentrationBm(fVas, peer);
            RealMatrix aVas = m.multiply(aBm);
            RealMatrix cHom = cVas.multiply(aVas).scalarMultiply(fv).add(cBm.multiply(aBm).scalarMultiply(fb));
            RealVector sigma = new ArrayRealVector(new double[] {0, 0, sigma33, 0, 0, 0});
            RealVector e = new LUDecomposition(cHom).getSolver().solve(sigma);
            RealVector eBm = aBm.operate(e);
            return 0.5 * eBm.dotProduct(cBm.operate(eBm));
        }

        /** max |f_bm A_bm + f_vas A_vas − I|. */
        double averageRuleDefect(double fVas, boolean peer) {
            double fv = fVas / 100;
            RealMatrix aBm = strainConcentrationBm(fVas, peer);
            RealMatrix sum = aBm.scalarMultiply(1 - fv).add(m.multiply(aBm).scalarMultiply(fv))
                    .subtract(MatrixUtils.createRealIdentityMatrix(6));
            double worst = 0;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    worst = Math.max(worst, Math.abs(sum.getEntry(i, j)));
                }
            }
            return worst;
        }
    }
}
