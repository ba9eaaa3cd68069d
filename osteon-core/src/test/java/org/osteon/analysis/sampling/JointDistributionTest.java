package org.osteon.analysis.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Draws against the distributions' exact properties. Tolerances are four standard errors of the
 * estimate at the sample size used (n = 40000), so a correct sampler fails with probability
 * below 1e-4 per check; the draws are seeded, so the test is deterministic anyway.
 */
class JointDistributionTest {
    private static final int N = 40_000;

    @Test
    void lognormalWithCvHasItsMedianAndCv() {
        JointDistribution j = new JointDistribution(List.of(RandomVariable.parameter("k",
                Distribution.LogNormal.withCv(2.0, 0.3, 0, Double.POSITIVE_INFINITY))), null);
        double[] x = column(j, 0, 11);
        double mean = mean(x);
        double sd = Math.sqrt(variance(x, mean));
        // Exact: mean = median*exp(omega²/2) = 2*sqrt(1.09); CV = 0.3.
        double exactMean = 2 * Math.sqrt(1 + 0.3 * 0.3);
        assertThat(mean).isCloseTo(exactMean, within(4 * 0.3 * exactMean / Math.sqrt(N)));
        assertThat(sd / mean).isCloseTo(0.3, within(0.01));
        java.util.Arrays.sort(x);
        // The median's standard error is about 1.2533*sd/sqrt(n).
        assertThat(x[N / 2]).isCloseTo(2.0, within(4 * 1.2533 * sd / Math.sqrt(N)));
    }

    @Test
    void truncatedNormalStaysInItsBoundsAndMatchesTheTruncatedMean() {
        Distribution.Normal d = new Distribution.Normal(65, 7, 50, 70);
        JointDistribution j = new JointDistribution(List.of(RandomVariable.covariate("age", d, null)), null);
        double[] x = column(j, 0, 3);
        assertThat(Arrays.stream(x).min().getAsDouble()).isGreaterThanOrEqualTo(50.0);
        assertThat(Arrays.stream(x).max().getAsDouble()).isLessThanOrEqualTo(70.0);
        // Exact mean of a normal truncated to [a, b]: mu + sigma (phi(alpha) - phi(beta)) / (Phi(beta) - Phi(alpha)).
        double alpha = (50 - 65) / 7.0;
        double beta = (70 - 65) / 7.0;
        double z = Distribution.normalCdf(beta) - Distribution.normalCdf(alpha);
        double exact = 65 + 7 * (phi(alpha) - phi(beta)) / z;
        assertThat(mean(x)).isCloseTo(exact, within(4 * 7 / Math.sqrt(N)));
    }

    @Test
    void gaussianCopulaGivesTheRequestedCorrelationInTheGaussianScale() {
        double rho = 0.6;
        JointDistribution j = new JointDistribution(List.of(
                RandomVariable.parameter("a", new Distribution.LogNormal(1, 0.5, 0, Double.POSITIVE_INFINITY)),
                RandomVariable.parameter("b", new Distribution.Normal(3, 2, Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY))), new double[][] {{1, rho}, {rho, 1}});
        double[] la = column(j, 0, 5);
        double[] b = column(j, 1, 5);
        for (int i = 0; i < N; i++) {
            la[i] = Math.log(la[i]);
        }
        // Standard error of Pearson's r is about (1 - rho²)/sqrt(n).
        assertThat(correlation(la, b)).isCloseTo(rho, within(4 * (1 - rho * rho) / Math.sqrt(N)));
    }

    @Test
    void powerCovariateEffectScalesTheParameter() {
        JointDistribution j = new JointDistribution(List.of(
                RandomVariable.covariate("weight", new Distribution.Uniform(50, 90), null),
                new RandomVariable("CL", false, new Distribution.Fixed(2), List.of(new Effect("weight",
                        Effect.Form.POWER, 0.75, 70)), null)), null);
        for (int i = 0; i < 100; i++) {
            double[] x = j.draw(1, i);
            assertThat(x[1]).isCloseTo(2 * Math.pow(x[0] / 70, 0.75), within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -7})
    void drawIDependsOnlyOnSeedAndIndex(long seed) {
        JointDistribution j = new JointDistribution(List.of(
                RandomVariable.parameter("a", new Distribution.Uniform(0, 1)),
                RandomVariable.parameter("b", new Distribution.LogUniform(1, 10))), new double[][] {{1, 0.3}, {0.3, 1}});
        double[] later = j.draw(seed, 1234);
        for (int i = 0; i < 1000; i++) {
            j.draw(seed, i);
        }
        assertThat(j.draw(seed, 1234)).containsExactly(later);
        assertThat(j.draw(seed, 1235)).isNotEqualTo(later);
        assertThat(j.draw(seed + 1, 1234)).isNotEqualTo(later);
    }

    @Test
    void badMatricesAndUnknownCovariatesAreRefused() {
        List<RandomVariable> two = List.of(RandomVariable.parameter("a", new Distribution.Uniform(0, 1)),
                RandomVariable.parameter("b", new Distribution.Uniform(0, 1)));
        assertThatThrownBy(() -> new JointDistribution(two, new double[][] {{1, 1.2}, {1.2, 1}}))
                .hasMessageContaining("[-1, 1]");
        assertThatThrownBy(() -> new JointDistribution(two, new double[][] {{1, 0.5}, {0.4, 1}}))
                .hasMessageContaining("symmetric");
        List<RandomVariable> three = List.of(two.get(0), two.get(1), RandomVariable.parameter("c",
                new Distribution.Uniform(0, 1)));
        assertThatThrownBy(() -> new JointDistribution(three, new double[][] {{1, 0.9, 0.9}, {0.9, 1, -0.9},
                {0.9, -0.9, 1}})).hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> new JointDistribution(List.of(new RandomVariable("CL", false,
                new Distribution.Fixed(1), List.of(new Effect("wt", Effect.Form.LINEAR, 1, 1)), null)), null))
                .hasMessageContaining("'wt', which is not a declared covariate");
    }

    static double phi(double z) {
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    }

    static double[] column(JointDistribution j, int k, long seed) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = j.draw(seed, i)[k];
        }
        return x;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x, double m) {
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
        }
        return sab / (a.length - 1) / Math.sqrt(variance(a, ma) * variance(b, mb));
    }
}
