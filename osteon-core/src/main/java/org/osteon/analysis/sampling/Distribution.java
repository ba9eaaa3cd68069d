package org.osteon.analysis.sampling;

import java.io.Serializable;
import org.hipparchus.special.Erf;
import org.hipparchus.util.FastMath;

/**
 * A one-dimensional distribution, sampled by transforming a standard normal variate (for
 * populations, where a Gaussian copula carries correlations) or a uniform one (for quasi-random
 * designs in global sensitivity analysis). Every transform is a pure function written with
 * Hipparchus's {@link FastMath} (pure Java), so a draw is the same bit for bit on any JVM: that is
 * what makes populations reproducible across thread counts, engines and machines.
 */
public sealed interface Distribution extends Serializable {
    /** The inverse cumulative distribution function at {@code u} in (0, 1). */
    double quantile(double u);

    /** The value whose quantile is that of {@code z} under the standard normal. */
    default double fromStandardNormal(double z) {
        return quantile(normalCdf(z));
    }

    /** Whether {@link #fromStandardNormal} scales a Gaussian: then a covariance in that scale makes sense. */
    default boolean gaussianScale() {
        return false;
    }

    /** Lower and upper ends of the support (possibly infinite). */
    double lower();

    double upper();

    /** For messages and reports, e.g. {@code lognormal(median 4.5, omega 0.29)}. */
    String describe();

    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / FastMath.sqrt(2));
    }

    static double normalQuantile(double u) {
        return FastMath.sqrt(2) * Erf.erfInv(2 * u - 1);
    }

    /** A normal distribution, optionally truncated to [lower, upper]. */
    record Normal(double mean, double sd, double lower, double upper) implements Distribution {
        public Normal {
            check(sd >= 0 && Double.isFinite(sd) && Double.isFinite(mean), "normal needs a finite mean and sd >= 0");
            check(lower < upper, "the lower bound must be below the upper bound");
        }

        @Override
        public double quantile(double u) {
            if (sd == 0) {
                return clamp(mean, lower, upper);
            }
            double a = normalCdf((lower - mean) / sd);
            double b = normalCdf((upper - mean) / sd);
            return clamp(mean + sd * normalQuantile(a + u * (b - a)), lower, upper);
        }

        @Override
        public double fromStandardNormal(double z) {
            return truncated() ? quantile(normalCdf(z)) : mean + sd * z;
        }

        @Override
        public boolean gaussianScale() {
            return !truncated();
        }

        private boolean truncated() {
            return lower != Double.NEGATIVE_INFINITY || upper != Double.POSITIVE_INFINITY;
        }

        @Override
        public String describe() {
            return "normal(mean " + mean + ", sd " + sd + ")" + bounds(lower, upper, Double.NEGATIVE_INFINITY);
        }
    }

    /**
     * A log-normal distribution: {@code median * exp(omega * eta)}, eta standard normal, as
     * NONMEM's exponential random effect; optionally truncated.
     */
    record LogNormal(double median, double omega, double lower, double upper) implements Distribution {
        public LogNormal {
            check(median > 0 && Double.isFinite(median), "lognormal needs a positive median");
            check(omega >= 0 && Double.isFinite(omega), "lognormal needs omega >= 0");
            check(lower < upper && upper > 0, "the lower bound must be below the upper bound, and the upper positive");
        }

        /** The log-normal whose coefficient of variation is {@code cv}: omega² = ln(1 + cv²). */
        public static LogNormal withCv(double median, double cv, double lower, double upper) {
            check(cv >= 0 && Double.isFinite(cv), "cv must be >= 0");
            return new LogNormal(median, FastMath.sqrt(FastMath.log1p(cv * cv)), lower, upper);
        }

        @Override
        public double quantile(double u) {
            if (omega == 0) {
                return clamp(median, lower, upper);
            }
            double a = lower <= 0 ? 0 : normalCdf(FastMath.log(lower / median) / omega);
            double b = upper == Double.POSITIVE_INFINITY ? 1 : normalCdf(FastMath.log(upper / median) / omega);
            return clamp(median * FastMath.exp(omega * normalQuantile(a + u * (b - a))), lower, upper);
        }

        @Override
        public double fromStandardNormal(double z) {
            return truncated() ? quantile(normalCdf(z)) : median * FastMath.exp(omega * z);
        }

        @Override
        public boolean gaussianScale() {
            return !truncated();
        }

        private boolean truncated() {
            return lower > 0 || upper != Double.POSITIVE_INFINITY;
        }

        @Override
        public String describe() {
            return "lognormal(median " + median + ", omega " + omega + ")" + bounds(lower, upper, 0);
        }
    }

    /**
     * A logit-normal distribution on (lower, upper), for fractions: the logit of
     * {@code (x - lower)/(upper - lower)} is normal around the logit of the median's position.
     */
    record LogitNormal(double median, double omega, double lower, double upper) implements Distribution {
        public LogitNormal {
            check(lower < upper && Double.isFinite(lower) && Double.isFinite(upper), "logitnormal needs finite bounds");
            check(median > lower && median < upper, "the median of a logitnormal must lie strictly between its bounds");
            check(omega >= 0 && Double.isFinite(omega), "logitnormal needs omega >= 0");
        }

        @Override
        public double quantile(double u) {
            return fromStandardNormal(normalQuantile(u));
        }

        @Override
        public double fromStandardNormal(double z) {
            double m = (median - lower) / (upper - lower);
            double logit = FastMath.log(m / (1 - m)) + omega * z;
            return lower + (upper - lower) / (1 + FastMath.exp(-logit));
        }

        @Override
        public boolean gaussianScale() {
            return true;
        }

        @Override
        public String describe() {
            return "logitnormal(median " + median + ", omega " + omega + ") on [" + lower + ", " + upper + "]";
        }
    }

    /** Uniform on [lower, upper]. */
    record Uniform(double lower, double upper) implements Distribution {
        public Uniform {
            check(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper, "uniform needs finite min < max");
        }

        @Override
        public double quantile(double u) {
            return lower + u * (upper - lower);
        }

        @Override
        public String describe() {
            return "uniform(" + lower + ", " + upper + ")";
        }
    }

    /** Log-uniform on [lower, upper], both positive: uniform in the logarithm. */
    record LogUniform(double lower, double upper) implements Distribution {
        public LogUniform {
            check(lower > 0 && Double.isFinite(upper) && lower < upper, "loguniform needs 0 < min < max");
        }

        @Override
        public double quantile(double u) {
            return lower * FastMath.pow(upper / lower, u);
        }

        @Override
        public String describe() {
            return "loguniform(" + lower + ", " + upper + ")";
        }
    }

    /** A value that does not vary (a covariate held fixed, a parameter switched off in a run). */
    record Fixed(double value) implements Distribution {
        public Fixed {
            check(Double.isFinite(value), "a fixed value must be finite");
        }

        @Override
        public double quantile(double u) {
            return value;
        }

        @Override
        public double lower() {
            return value;
        }

        @Override
        public double upper() {
            return value;
        }

        @Override
        public String describe() {
            return "fixed(" + value + ")";
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    private static String bounds(double lo, double hi, double natural) {
        if (lo == natural && hi == Double.POSITIVE_INFINITY) {
            return "";
        }
        return " truncated to [" + lo + ", " + hi + "]";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
