package org.osteon.analysis.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Every distribution's quantile against its closed form. Reference values of the standard normal:
 * Phi^-1(0.975) = 1.959963984540054, Phi^-1(0.75) = 0.6744897501960817 (tables; Abramowitz and
 * Stegun 26.2). Tolerance 1e-9: Hipparchus's erf and its inverse are accurate to ~1e-15 and the
 * formulas add a few roundings.
 */
class DistributionTest {
    private static final double Z975 = 1.959963984540054;
    private static final double Z75 = 0.6744897501960817;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void standardNormalCdfAndQuantile() {
        assertThat(Distribution.normalQuantile(0.975)).isCloseTo(Z975, within(1e-9));
        assertThat(Distribution.normalQuantile(0.25)).isCloseTo(-Z75, within(1e-9));
        assertThat(Distribution.normalCdf(Z975)).isCloseTo(0.975, within(1e-12));
        assertThat(Distribution.normalCdf(0)).isEqualTo(0.5);
    }

    /** N(10, 2^2): quantile(0.975) = 10 + 2 * 1.95996; from z = 1.5 exactly 13 (a Gaussian scale: mean + sd z). */
    @Test
    void normal() {
        Distribution.Normal n = new Distribution.Normal(10, 2, -INF, INF);
        assertThat(n.quantile(0.975)).isCloseTo(10 + 2 * Z975, within(1e-9));
        assertThat(n.quantile(0.5)).isCloseTo(10, within(1e-12));
        assertThat(n.fromStandardNormal(1.5)).isEqualTo(13.0);
        assertThat(n.gaussianScale()).isTrue();
        assertThat(n.describe()).isEqualTo("normal(mean 10.0, sd 2.0)");
        assertThat(n.lower()).isEqualTo(-INF);
    }

    /**
     * N(0, 1) truncated to [0, inf): the quantile of u is Phi^-1(0.5 + u/2), so the median is
     * Phi^-1(0.75); from z = 0 (u = 0.5) the same. Truncated to [-1, 1], u = 0 and 1 give the bounds.
     * With sd 0 the mean is clamped into the bounds.
     */
    @Test
    void truncatedNormal() {
        Distribution.Normal half = new Distribution.Normal(0, 1, 0, INF);
        assertThat(half.quantile(0.5)).isCloseTo(Z75, within(1e-9));
        assertThat(half.fromStandardNormal(0)).isCloseTo(Z75, within(1e-9));
        assertThat(half.gaussianScale()).isFalse();
        assertThat(half.describe()).isEqualTo("normal(mean 0.0, sd 1.0) truncated to [0.0, Infinity]");
        Distribution.Normal below = new Distribution.Normal(0, 1, -INF, 0);
        assertThat(below.quantile(0.5)).isCloseTo(-Z75, within(1e-9));
        assertThat(below.gaussianScale()).isFalse();
        Distribution.Normal band = new Distribution.Normal(0, 1, -1, 1);
        assertThat(band.quantile(0)).isCloseTo(-1, within(1e-9));
        assertThat(band.quantile(1)).isCloseTo(1, within(1e-9));
        assertThat(band.quantile(1)).isLessThanOrEqualTo(1);
        assertThat(new Distribution.Normal(5, 0, 6, 10).quantile(0.3)).isEqualTo(6.0);
        assertThat(new Distribution.Normal(12, 0, 6, 10).quantile(0.3)).isEqualTo(10.0);
        assertThat(new Distribution.Normal(7, 0, 6, 10).quantile(0.3)).isEqualTo(7.0);
        assertThatThrownBy(() -> new Distribution.Normal(0, -1, -INF, INF)).hasMessageContaining("sd >= 0");
        assertThatThrownBy(() -> new Distribution.Normal(Double.NaN, 1, -INF, INF)).hasMessageContaining("finite mean");
        assertThatThrownBy(() -> new Distribution.Normal(0, INF, -INF, INF)).hasMessageContaining("finite mean");
        assertThatThrownBy(() -> new Distribution.Normal(0, 1, 1, 1)).hasMessageContaining("lower bound must be below");
    }

    /**
     * median * exp(omega z) with omega^2 = ln(1 + cv^2): cv 0.3 gives omega = sqrt(ln 1.09). Truncated
     * to [1, inf) around median 1, omega 1: the median is exp(Phi^-1(0.75)); to (0, 1]: exp(-Phi^-1(0.75)).
     */
    @Test
    void logNormal() {
        Distribution.LogNormal l = Distribution.LogNormal.withCv(4.5, 0.3, 0, INF);
        double omega = Math.sqrt(Math.log(1.09));
        assertThat(l.omega()).isCloseTo(omega, within(1e-15));
        assertThat(l.quantile(0.5)).isCloseTo(4.5, within(1e-12));
        assertThat(l.quantile(0.975)).isCloseTo(4.5 * Math.exp(omega * Z975), within(1e-9));
        assertThat(l.fromStandardNormal(1)).isCloseTo(4.5 * Math.exp(omega), within(1e-12));
        assertThat(l.gaussianScale()).isTrue();
        assertThat(l.describe()).isEqualTo("lognormal(median 4.5, omega " + l.omega() + ")");
        Distribution.LogNormal above = new Distribution.LogNormal(1, 1, 1, INF);
        assertThat(above.quantile(0.5)).isCloseTo(Math.exp(Z75), within(1e-9));
        assertThat(above.fromStandardNormal(0)).isCloseTo(Math.exp(Z75), within(1e-9));
        assertThat(above.gaussianScale()).isFalse();
        assertThat(above.describe()).endsWith(" truncated to [1.0, Infinity]");
        Distribution.LogNormal below = new Distribution.LogNormal(1, 1, 0, 1);
        assertThat(below.quantile(0.5)).isCloseTo(Math.exp(-Z75), within(1e-9));
        assertThat(below.gaussianScale()).isFalse();
        assertThat(new Distribution.LogNormal(3, 0, 4, 9).quantile(0.2)).isEqualTo(4.0);
        assertThat(new Distribution.LogNormal(3, 0, 0, INF).quantile(0.2)).isEqualTo(3.0);
        assertThatThrownBy(() -> new Distribution.LogNormal(0, 1, 0, INF)).hasMessageContaining("positive median");
        assertThatThrownBy(() -> new Distribution.LogNormal(1, -1, 0, INF)).hasMessageContaining("omega >= 0");
        assertThatThrownBy(() -> new Distribution.LogNormal(1, 1, 0, 0)).hasMessageContaining("upper positive");
        assertThatThrownBy(() -> Distribution.LogNormal.withCv(1, -0.1, 0, INF)).hasMessageContaining("cv must be >= 0");
    }

    /** On (0, 1) with median 0.3, omega 1: z = 0 gives 0.3, z = 1 gives 1/(1 + exp(-(ln(3/7) + 1))) = 0.5381; on (2, 12) the same, scaled. */
    @Test
    void logitNormal() {
        Distribution.LogitNormal unit = new Distribution.LogitNormal(0.3, 1, 0, 1);
        double z1 = 1 / (1 + Math.exp(-(Math.log(3.0 / 7) + 1)));
        assertThat(unit.fromStandardNormal(0)).isCloseTo(0.3, within(1e-12));
        assertThat(unit.fromStandardNormal(1)).isCloseTo(z1, within(1e-12));
        assertThat(unit.quantile(0.5)).isCloseTo(0.3, within(1e-12));
        Distribution.LogitNormal scaled = new Distribution.LogitNormal(5, 1, 2, 12);
        assertThat(scaled.fromStandardNormal(1)).isCloseTo(2 + 10 * z1, within(1e-12));
        assertThat(scaled.gaussianScale()).isTrue();
        assertThat(scaled.describe()).isEqualTo("logitnormal(median 5.0, omega 1.0) on [2.0, 12.0]");
        assertThatThrownBy(() -> new Distribution.LogitNormal(2, 1, 2, 12)).hasMessageContaining("strictly between");
        assertThatThrownBy(() -> new Distribution.LogitNormal(12, 1, 2, 12)).hasMessageContaining("strictly between");
        assertThatThrownBy(() -> new Distribution.LogitNormal(5, 1, 2, INF)).hasMessageContaining("finite bounds");
        assertThatThrownBy(() -> new Distribution.LogitNormal(5, -1, 2, 12)).hasMessageContaining("omega >= 0");
    }

    /** Uniform(2, 6) at 0.25 is 3; log-uniform(1, 100) at 0.5 is 10 and at 0.25 is 100^0.25; fixed is its value. */
    @Test
    void uniformLogUniformAndFixed() {
        Distribution.Uniform u = new Distribution.Uniform(2, 6);
        assertThat(u.quantile(0.25)).isEqualTo(3.0);
        assertThat(u.fromStandardNormal(0)).isCloseTo(4, within(1e-12));
        assertThat(u.gaussianScale()).isFalse();
        assertThat(u.describe()).isEqualTo("uniform(2.0, 6.0)");
        Distribution.LogUniform lu = new Distribution.LogUniform(1, 100);
        assertThat(lu.quantile(0.5)).isCloseTo(10, within(1e-12));
        assertThat(lu.quantile(0.25)).isCloseTo(Math.sqrt(10), within(1e-12));
        assertThat(lu.describe()).isEqualTo("loguniform(1.0, 100.0)");
        Distribution.Fixed f = new Distribution.Fixed(3);
        assertThat(f.quantile(0.9)).isEqualTo(3.0);
        assertThat(f.lower()).isEqualTo(3.0);
        assertThat(f.upper()).isEqualTo(3.0);
        assertThat(f.describe()).isEqualTo("fixed(3.0)");
        assertThatThrownBy(() -> new Distribution.Uniform(2, 2)).hasMessageContaining("finite min < max");
        assertThatThrownBy(() -> new Distribution.Uniform(2, INF)).hasMessageContaining("finite min < max");
        assertThatThrownBy(() -> new Distribution.LogUniform(0, 2)).hasMessageContaining("0 < min < max");
        assertThatThrownBy(() -> new Distribution.LogUniform(3, 2)).hasMessageContaining("0 < min < max");
        assertThatThrownBy(() -> new Distribution.Fixed(Double.NaN)).hasMessageContaining("finite");
    }
}
