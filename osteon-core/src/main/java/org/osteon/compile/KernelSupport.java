package org.osteon.compile;

import org.hipparchus.special.Gamma;
import org.hipparchus.util.FastMath;

/** Small numeric helpers called from generated code. Public for the generated classes only. */
public final class KernelSupport {
    private KernelSupport() {
    }

    public static double sq(double x) {
        return x * x;
    }

    /** x^y with fast paths for the integer and half powers common in kinetic laws. */
    public static double pow(double x, double y) {
        if (y == 2) {
            return x * x;
        }
        if (y == 1) {
            return x;
        }
        if (y == 3) {
            return x * x * x;
        }
        if (y == 0.5) {
            return Math.sqrt(x);
        }
        if (y == -1) {
            return 1 / x;
        }
        return Math.pow(x, y);
    }

    public static double sec(double x) {
        return 1 / Math.cos(x);
    }

    public static double csc(double x) {
        return 1 / Math.sin(x);
    }

    public static double cot(double x) {
        return 1 / Math.tan(x);
    }

    public static double sech(double x) {
        return 1 / Math.cosh(x);
    }

    public static double csch(double x) {
        return 1 / Math.sinh(x);
    }

    public static double coth(double x) {
        return 1 / Math.tanh(x);
    }

    public static double arcsec(double x) {
        return Math.acos(1 / x);
    }

    public static double arccsc(double x) {
        return Math.asin(1 / x);
    }

    /** arccot(x) = arctan(1/x), as libSBML and the SBML Test Suite evaluate it (negative for x < 0). */
    public static double arccot(double x) {
        return Math.atan(1 / x);
    }

    public static double arcsinh(double x) {
        return FastMath.asinh(x);
    }

    public static double arccosh(double x) {
        return FastMath.acosh(x);
    }

    public static double arctanh(double x) {
        return FastMath.atanh(x);
    }

    public static double arcsech(double x) {
        return FastMath.acosh(1 / x);
    }

    public static double arccsch(double x) {
        return FastMath.asinh(1 / x);
    }

    public static double arccoth(double x) {
        return FastMath.atanh(1 / x);
    }

    /** MathML quotient: the integer q with a = q*b + r, |r| < |b| and r of the sign of a (a/b truncated toward zero). */
    public static double quotient(double a, double b) {
        double q = a / b;
        return q < 0 ? Math.ceil(q) : Math.floor(q);
    }

    /** MathML rem: the r of {@link #quotient} (Java's {@code %}, which keeps the sign of a). */
    public static double rem(double a, double b) {
        return a % b;
    }

    /** n! for whole n up to 170 by product (exact where a double can be), Gamma(n + 1) otherwise; NaN below 0. */
    public static double factorial(double n) {
        if (n < 0 || Double.isNaN(n)) {
            return Double.NaN;
        }
        if (n == Math.rint(n) && n <= 170) {
            double f = 1;
            for (int i = 2; i <= (int) n; i++) {
                f *= i;
            }
            return f;
        }
        return Gamma.gamma(n + 1);
    }

    public static double partial(ExternalFunction f, int index, double[] args) {
        double[] g = new double[args.length];
        f.gradient(args, g);
        return g[index];
    }

    /** A per-thread scratch array of at least {@code size} values for a large generated routine (reused, not cleared). */
    public static double[] scratch(ThreadLocal<double[]> cache, int size) {
        double[] a = cache.get();
        if (a == null || a.length < size) {
            a = new double[size];
            cache.set(a);
        }
        return a;
    }

    /** The error of a generated dispatch method asked for an event or guard that does not exist. */
    public static IllegalArgumentException noSuch(String what, int index) {
        return new IllegalArgumentException("no " + what + " " + index);
    }
}
