package org.osteon.analysis.sampling;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Covariates and parameters drawn together: each variable's marginal distribution, correlations
 * through a Gaussian copula (a correlation matrix over any of them), and covariate effects on
 * parameters. Covariates come first in {@link #variables()}.
 *
 * <p>Draw {@code i} of seed {@code s} uses its own random stream, seeded by a hash of (s, i):
 * a virtual patient is the same whichever thread, partition or machine draws it, and whichever
 * other patients are drawn.
 */
public final class JointDistribution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<RandomVariable> variables;
    private final double[][] cholesky;
    private final int[][] effectIndex;

    /**
     * @param correlation correlation matrix over all variables in order (null for independent
     *                    variables); must be symmetric positive definite with a unit diagonal
     */
    public JointDistribution(List<RandomVariable> variables, double[][] correlation) {
        this.variables = List.copyOf(variables);
        int n = this.variables.size();
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (byName.put(variables.get(i).name(), i) != null) {
                throw new IllegalArgumentException("'" + variables.get(i).name() + "' is declared twice");
            }
        }
        effectIndex = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Effect> effects = this.variables.get(i).effects();
            effectIndex[i] = new int[effects.size()];
            for (int e = 0; e < effects.size(); e++) {
                Integer c = byName.get(effects.get(e).covariate());
                if (c == null || !this.variables.get(c).covariate()) {
                    throw new IllegalArgumentException("parameter '" + variables.get(i).name() + "' depends on '"
                            + effects.get(e).covariate() + "', which is not a declared covariate");
                }
                effectIndex[i][e] = c;
            }
        }
        this.cholesky = correlation == null ? null : cholesky(correlation, n);
    }

    private static double[][] cholesky(double[][] r, int n) {
        if (r.length != n) {
            throw new IllegalArgumentException("the correlation matrix must be " + n + "x" + n);
        }
        for (int i = 0; i < n; i++) {
            if (r[i].length != n) {
                throw new IllegalArgumentException("the correlation matrix must be " + n + "x" + n);
            }
            if (Math.abs(r[i][i] - 1) > 1e-12) {
                throw new IllegalArgumentException("a correlation matrix has 1 on its diagonal, found " + r[i][i]);
            }
            for (int j = 0; j < n; j++) {
                if (!(Math.abs(r[i][j]) <= 1) || Math.abs(r[i][j] - r[j][i]) > 1e-12) {
                    throw new IllegalArgumentException("the correlation matrix must be symmetric with entries in [-1, 1]");
                }
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(r);
        try {
            return new CholeskyDecomposition(m, 1e-12, 1e-10).getL().getData();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the correlation matrix is not positive definite (" + e.getMessage() + ")");
        }
    }

    public List<RandomVariable> variables() {
        return variables;
    }

    public int size() {
        return variables.size();
    }

    public boolean correlated() {
        return cholesky != null;
    }

    /** The values of draw {@code index} of {@code seed}, covariate effects applied, in variable order. */
    public double[] draw(long seed, long index) {
        SplittableRandom rng = new SplittableRandom(mix(seed ^ mix(index + 0x9E3779B97F4A7C15L)));
        int n = variables.size();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = Distribution.normalQuantile(openUnit(rng));
        }
        if (cholesky != null) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s += cholesky[i][j] * z[j];
                }
                c[i] = s;
            }
            z = c;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = variables.get(i).distribution().fromStandardNormal(z[i]);
        }
        applyEffects(x);
        return x;
    }

    /** Multiplies each parameter by its covariate factors (covariate values are in {@code x} already). */
    public void applyEffects(double[] x) {
        for (int i = 0; i < x.length; i++) {
            List<Effect> effects = variables.get(i).effects();
            for (int e = 0; e < effects.size(); e++) {
                x[i] *= effects.get(e).factor(x[effectIndex[i][e]]);
            }
        }
    }

    /** The model values a draw sets: each parameter, and each covariate that feeds a model symbol. */
    public Map<String, Double> modelValues(double[] x) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            RandomVariable v = variables.get(i);
            if (!v.covariate()) {
                out.put(v.name(), x[i]);
            } else if (v.target() != null) {
                out.put(v.target(), x[i]);
            }
        }
        return out;
    }

    /** Names in variable order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        variables.forEach(v -> out.add(v.name()));
        return out;
    }

    /** A uniform in (0, 1), never 0 or 1: 53 random bits, centred in their interval. */
    static double openUnit(SplittableRandom rng) {
        return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser (as in SplitMix64): decorrelates nearby seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
