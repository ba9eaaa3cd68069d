package org.osteon.compile;

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
