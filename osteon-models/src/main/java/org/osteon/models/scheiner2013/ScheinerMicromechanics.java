package org.osteon.models.scheiner2013;

import org.osteon.compile.ExternalFunction;

/**
 * Continuum micromechanics of Scheiner, Pivonka and Hellmich (2013): the strain-energy density
 * in the extravascular bone matrix ("bm") of a two-phase cortical-bone RVE whose vascular pores
 * ("vas", water-filled) are cylinders along e3, under a macroscopic stress Σ = σ33 e3⊗e3.
 * Exposed to the model text as {@code external function strain_energy_bm(f_vas, sigma33)}
 * (f_vas in percent, σ33 in GPa, result ψ_bm in GPa = GJ/m³).
 *
 * <h2>Notation</h2>
 * One notation throughout: Kelvin–Mandel 6-vectors and 6×6 matrices with component order
 * 11, 22, 33, 23, 13, 12; a symmetric second-order tensor t maps to
 * (t11, t22, t33, √2 t23, √2 t13, √2 t12), a fourth-order tensor with minor symmetries to
 * w_I w_J T_ijkl with w = (1, 1, 1, √2, √2, √2). This basis is orthonormal, so tensor
 * contractions are ordinary matrix products and ψ = ½ ε·c·ε is a plain dot product. (The peer
 * bone_models mixes a Voigt-ordered stress vector with Kelvin–Mandel matrices, spec §8 S3; that
 * is harmless for the axial load but is not repeated here.)
 *
 * <h2>Equations (spec §4)</h2>
 * <pre>
 * c_bm  = the orthotropic bone-matrix stiffness {@link #C_BM} (GPa)
 * c_vas = 3 k_w J + 2 μ_w K,  k_w = 2.3 GPa, μ_w = 0                (water)
 * P_cyl = (1/2π) ∫ sym[ξ ⊗ (ξ·c_bm·ξ)⁻¹ ⊗ ξ] dφ,  ξ = (cos φ, sin φ, 0)   (50-node rectangle rule)
 * M     = [I + P_cyl (c_vas − c_bm)]⁻¹
 * ε_bm  = (f c_vas M + (1 − f) c_bm)⁻¹ Σ,   f = f_vas/100, f_bm = 1 − f
 * ψ_bm  = ½ ε_bm · c_bm · ε_bm
 * </pre>
 * The ε_bm formula is the algebraic reduction of the Mori–Tanaka chain A_bm → A_vas = M A_bm →
 * C_hom → E = C_hom⁻¹ Σ → ε_bm = A_bm E; it does not involve A_bm, so the peer's wrong A_bm
 * (spec §8 S2) cannot affect ψ.
 *
 * <h2>Evaluation</h2>
 * Everything independent of (f, σ33) is computed once in the constructor: P_cyl, M, N = c_vas M.
 * The right-hand side then needs only the 33-column of A(f)⁻¹ with A(f) = c_bm + f (N − c_bm).
 * Because c_bm is orthotropic in the pore frame, P_cyl, M, N and A(f) are block diagonal
 * (normal 3×3 block, diagonal shear block; the coupling entries of the quadrature are rounding
 * residues below 1e−17 and are checked to be negligible), so ε_bm = σ33 A₃(f)⁻¹ e3 with the 3×3
 * normal block A₃(f) = C₃ + f D₃, which is affine in f. By Cramer's rule
 * A₃⁻¹ e3 = v(f)/det A₃(f) with v quadratic and det cubic in f, hence exactly
 * <pre>
 * ψ_bm(f, σ33) = ½ σ33² q(f) / d(f)²,   q = vᵀ C₃ v (degree 4),  d = det A₃ (degree 3)
 * </pre>
 * The constructor expands q and d into coefficients, so a call costs two Horner evaluations
 * (about 20 flops, no allocation), and the gradient is exact:
 * ∂ψ/∂f = ½ σ33² (q' d − 2 q d')/d³, ∂ψ/∂σ33 = σ33 q/d². The general 6×6 route
 * ({@link #matrixStrain}) is kept for other loads and is used by the tests to check the rational
 * form. Measured speeds of the alternatives are in docs/models/scheiner2013.md.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScheinerMicromechanics implements ExternalFunction {
    /** Name of the function in the model text. */
    public static final String NAME = "strain_energy_bm";

    /** Stiffness of the extravascular bone matrix, Kelvin–Mandel, GPa (spec §4; peer code values). */
    public static final double[][] C_BM = {
            {18.5, 10.3, 10.4, 0, 0, 0},
            {10.3, 20.8, 11.0, 0, 0, 0},
            {10.4, 11.0, 28.4, 0, 0, 0},
            {0, 0, 0, 12.9, 0, 0},
            {0, 0, 0, 0, 11.5, 0},
            {0, 0, 0, 0, 0, 9.3}};
    /** Bulk modulus of the water in the vascular pores, GPa. */
    public static final double K_WATER = 2.3;
    /** Shear modulus of the water in the vascular pores, GPa. */
    public static final double MU_WATER = 0;
    /** Nodes of the rectangle rule for P_cyl (the peer's choice; exact to about 5e−17 here). */
    public static final int QUADRATURE_NODES = 50;

    /** Kelvin–Mandel index I → tensor index pair (i, j). */
    static final int[][] PAIRS = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
    private static final double[] W = {1, 1, 1, Math.sqrt(2), Math.sqrt(2), Math.sqrt(2)};

    private final double[][] cBm;
    private final double[][] cVas;
    private final double[][] hill;
    private final double[][] m;
    private final double[][] n;
    /** Coefficients of q(f), ascending powers (degree 4). */
    private final double[] q = new double[5];
    /** Coefficients of d(f) = det A₃(f), ascending powers (degree 3). */
    private final double[] d = new double[4];

    /** The published material: {@link #C_BM} and water with k = 2.3 GPa, μ = 0. */
    public ScheinerMicromechanics() {
        this(C_BM, K_WATER, MU_WATER);
    }

    /**
     * A variant with another matrix stiffness or pore fluid. The matrix stiffness must be
     * orthotropic in the pore frame (no normal–shear coupling, diagonal shear block), which the
     * fast axial evaluation relies on.
     */
    public ScheinerMicromechanics(double[][] cBm, double kPore, double muPore) {
        this.cBm = copy(cBm);
        this.cVas = isotropic(kPore, muPore);
        this.hill = hillTensorCylinder(this.cBm, QUADRATURE_NODES);
        double[][] a = identity();
        double[][] diff = subtract(cVas, this.cBm);
        double[][] pd = multiply(hill, diff);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                a[i][j] += pd[i][j];
            }
        }
        this.m = inverse(a);
        this.n = multiply(cVas, m);
        checkBlockStructure();
        buildRationalForm();
    }

    // ---- ExternalFunction --------------------------------------------------------------

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int arity() {
        return 2;
    }

    /** args = (f_vas in %, σ33 in GPa) → ψ_bm in GPa. */
    @Override
    public double value(double[] args) {
        return strainEnergy(args[0], args[1]);
    }

    /** Exact partial derivatives: out = (∂ψ/∂f_vas per %, ∂ψ/∂σ33 per GPa). */
    @Override
    public void gradient(double[] args, double[] out) {
        double f = args[0] / 100;
        double s = args[1];
        double qv = q[0] + f * (q[1] + f * (q[2] + f * (q[3] + f * q[4])));
        double dq = q[1] + f * (2 * q[2] + f * (3 * q[3] + f * 4 * q[4]));
        double dv = d[0] + f * (d[1] + f * (d[2] + f * d[3]));
        double dd = d[1] + f * (2 * d[2] + f * 3 * d[3]);
        double inv = 1 / dv;
        double g = qv * inv * inv;
        out[0] = 0.5 * s * s * (dq - 2 * qv * dd * inv) * inv * inv / 100;
        out[1] = s * g;
    }

    // ---- evaluation --------------------------------------------------------------------

    /**
     * ψ_bm as an Antimony function with this instance's coefficients written out: the model
     * text defines {@code strain_energy_bm} with it, so the model file is complete for every
     * Antimony tool (libAntimony, tellurium), and Osteon evaluates the same rational form.
     */
    public String antimonyFunction() {
        String f = "f_vas/100";
        return "function " + NAME + "(f_vas, sigma33)\n  0.5*sigma33^2*" + horner(q, f) + "/" + horner(d, f)
                + "^2\nend";
    }

    /** c0 + f*(c1 + f*(c2 + ...)) with the coefficients' shortest exact decimal form. */
    private static String horner(double[] c, String f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            sb.append(i == 0 ? "(" : " + " + f + "*(").append(org.osteon.model.expr.ExprFormatter.number(c[i]));
        }
        return sb.append(")".repeat(c.length)).toString();
    }

    /** ψ_bm (GPa) for vascular porosity f_vas (%) and axial stress σ33 (GPa); f_bm = 100 − f_vas. */
    public double strainEnergy(double fVasPercent, double sigma33) {
        double f = fVasPercent / 100;
        double qv = q[0] + f * (q[1] + f * (q[2] + f * (q[3] + f * q[4])));
        double dv = d[0] + f * (d[1] + f * (d[2] + f * d[3]));
        return 0.5 * sigma33 * sigma33 * qv / (dv * dv);
    }

    /**
     * ε_bm (Kelvin–Mandel) for a general macroscopic stress (Kelvin–Mandel, GPa) by the full 6×6
     * route ε_bm = (f_vas c_vas M + f_bm c_bm)⁻¹ Σ, fractions in percent. Allocates; not used in
     * the right-hand side.
     */
    public double[] matrixStrain(double fVasPercent, double fBmPercent, double[] stressKM) {
        double fv = fVasPercent / 100;
        double fb = fBmPercent / 100;
        double[][] a = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                a[i][j] = fv * n[i][j] + fb * cBm[i][j];
            }
        }
        return solve(a, stressKM);
    }

    /** ψ_bm = ½ ε_bm·c_bm·ε_bm by the full 6×6 route (see {@link #matrixStrain}). */
    public double strainEnergyGeneral(double fVasPercent, double fBmPercent, double[] stressKM) {
        double[] e = matrixStrain(fVasPercent, fBmPercent, stressKM);
        double psi = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                psi += e[i] * cBm[i][j] * e[j];
            }
        }
        return 0.5 * psi;
    }

    /** P_cyl, Kelvin–Mandel, 1/GPa (a copy). */
    public double[][] hillTensor() {
        return copy(hill);
    }

    /** M = [I + P_cyl (c_vas − c_bm)]⁻¹ (a copy). */
    public double[][] poreInfluence() {
        return copy(m);
    }

    /** c_vas, Kelvin–Mandel, GPa (a copy). */
    public double[][] poreStiffness() {
        return copy(cVas);
    }

    /** c_bm, Kelvin–Mandel, GPa (a copy). */
    public double[][] matrixStiffness() {
        return copy(cBm);
    }

    // ---- construction ------------------------------------------------------------------

    /**
     * Hill tensor of a cylindrical inclusion along e3 in a matrix of stiffness c (Kelvin–Mandel),
     * P = (1/2π) ∫_0^{2π} sym[ξ ⊗ (ξ·c·ξ)⁻¹ ⊗ ξ] dφ with ξ = (cos φ, sin φ, 0), by the rectangle
     * rule on {@code nodes} equally spaced nodes φ_k = 2πk/nodes (spectrally accurate for this
     * periodic integrand).
     */
    public static double[][] hillTensorCylinder(double[][] cKM, int nodes) {
        double[][][][] c = toTensor(cKM);
        double[][][][] p = new double[3][3][3][3];
        for (int k = 0; k < nodes; k++) {
            double phi = 2 * Math.PI * k / nodes;
            double[] xi = {Math.cos(phi), Math.sin(phi), 0};
            double[][] acoustic = new double[3][3];
            for (int j = 0; j < 3; j++) {
                for (int l = 0; l < 3; l++) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        for (int m = 0; m < 3; m++) {
                            s += xi[i] * c[i][j][l][m] * xi[m];
                        }
                    }
                    acoustic[j][l] = s;
                }
            }
            double[][] g = inverse(acoustic);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int l = 0; l < 3; l++) {
                        for (int m = 0; m < 3; m++) {
                            double t = xi[i] * g[j][l] * xi[m] + xi[j] * g[i][l] * xi[m]
                                    + xi[i] * g[j][m] * xi[l] + xi[j] * g[i][m] * xi[l];
                            p[i][j][l][m] += 0.25 * t / nodes;
                        }
                    }
                }
            }
        }
        return toKelvinMandel(p);
    }

    private void checkBlockStructure() {
        double scale = 0;
        for (double[] row : n) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (double[] row : cBm) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                boolean coupling = (i < 3) != (j < 3) || (i >= 3 && i != j);
                if (coupling && (Math.abs(n[i][j]) > 1e-14 * scale || Math.abs(cBm[i][j]) > 1e-14 * scale)) {
                    throw new IllegalArgumentException("the bone-matrix stiffness must be orthotropic in the pore frame: "
                            + "entry (" + i + ", " + j + ") couples normal and shear components");
                }
            }
        }
    }

    /** Expands q(f) and d(f) for A₃(f) = C₃ + f D₃ (normal blocks, D = N − c_bm). */
    private void buildRationalForm() {
        double[][][] a = new double[3][3][];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = new double[] {cBm[i][j], n[i][j] - cBm[i][j]};
            }
        }
        // third column of adj(A): cofactors C_20, C_21, C_22 (transposed)
        double[][] v = {
                sub(mul(a[0][1], a[1][2]), mul(a[0][2], a[1][1])),
                sub(mul(a[0][2], a[1][0]), mul(a[0][0], a[1][2])),
                sub(mul(a[0][0], a[1][1]), mul(a[0][1], a[1][0]))};
        double[] det = add(add(
                mul(a[2][0], v[0]),
                mul(a[2][1], v[1])),
                mul(a[2][2], v[2]));
        double[] qq = {0};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                qq = add(qq, scale(mul(v[i], v[j]), cBm[i][j]));
            }
        }
        System.arraycopy(qq, 0, q, 0, Math.min(qq.length, q.length));
        System.arraycopy(det, 0, d, 0, Math.min(det.length, d.length));
    }

    // ---- small polynomial helpers (ascending coefficients) ------------------------------

    private static double[] mul(double[] x, double[] y) {
        double[] r = new double[x.length + y.length - 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                r[i + j] += x[i] * y[j];
            }
        }
        return r;
    }

    private static double[] add(double[] x, double[] y) {
        double[] r = new double[Math.max(x.length, y.length)];
        for (int i = 0; i < r.length; i++) {
            r[i] = (i < x.length ? x[i] : 0) + (i < y.length ? y[i] : 0);
        }
        return r;
    }

    private static double[] sub(double[] x, double[] y) {
        return add(x, scale(y, -1));
    }

    private static double[] scale(double[] x, double c) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = c * x[i];
        }
        return r;
    }

    // ---- tensors and small dense linear algebra -----------------------------------------

    static double[][] isotropic(double k, double mu) {
        double[][] c = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double jv = i < 3 && j < 3 ? 1.0 / 3 : 0;
                double kv = (i == j ? 1 : 0) - jv;
                c[i][j] = 3 * k * jv + 2 * mu * kv;
            }
        }
        return c;
    }

    static double[][][][] toTensor(double[][] km) {
        double[][][][] t = new double[3][3][3][3];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                double v = km[a][b] / (W[a] * W[b]);
                int i = PAIRS[a][0];
                int j = PAIRS[a][1];
                int k = PAIRS[b][0];
                int l = PAIRS[b][1];
                t[i][j][k][l] = v;
                t[j][i][k][l] = v;
                t[i][j][l][k] = v;
                t[j][i][l][k] = v;
            }
        }
        return t;
    }

    static double[][] toKelvinMandel(double[][][][] t) {
        double[][] km = new double[6][6];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                km[a][b] = W[a] * W[b] * t[PAIRS[a][0]][PAIRS[a][1]][PAIRS[b][0]][PAIRS[b][1]];
            }
        }
        return km;
    }

    private static double[][] identity() {
        double[][] r = new double[6][6];
        for (int i = 0; i < 6; i++) {
            r[i][i] = 1;
        }
        return r;
    }

    private static double[][] subtract(double[][] x, double[][] y) {
        double[][] r = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                r[i][j] = x[i][j] - y[i][j];
            }
        }
        return r;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int rows = x.length;
        int inner = y.length;
        int cols = y[0].length;
        double[][] r = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inner; k++) {
                double xik = x[i][k];
                for (int j = 0; j < cols; j++) {
                    r[i][j] += xik * y[k][j];
                }
            }
        }
        return r;
    }

    /** Inverse by Gauss–Jordan elimination with partial pivoting. */
    static double[][] inverse(double[][] a) {
        int dim = a.length;
        double[][] r = new double[dim][];
        for (int j = 0; j < dim; j++) {
            double[] e = new double[dim];
            e[j] = 1;
            r[j] = solve(a, e);
        }
        double[][] inv = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                inv[i][j] = r[j][i];
            }
        }
        return inv;
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a and b are not modified). */
    static double[] solve(double[][] a0, double[] b0) {
        int dim = b0.length;
        double[][] a = copy(a0);
        double[] b = b0.clone();
        for (int col = 0; col < dim; col++) {
            int piv = col;
            for (int i = col + 1; i < dim; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) {
                    piv = i;
                }
            }
            if (a[piv][col] == 0) {
                throw new ArithmeticException("singular matrix");
            }
            double[] tr = a[piv];
            a[piv] = a[col];
            a[col] = tr;
            double tb = b[piv];
            b[piv] = b[col];
            b[col] = tb;
            for (int i = col + 1; i < dim; i++) {
                double fct = a[i][col] / a[col][col];
                if (fct != 0) {
                    for (int j = col; j < dim; j++) {
                        a[i][j] -= fct * a[col][j];
                    }
                    b[i] -= fct * b[col];
                }
            }
        }
        double[] x = new double[dim];
        for (int i = dim - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < dim; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }

    private static double[][] copy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
        }
        return r;
    }
}
