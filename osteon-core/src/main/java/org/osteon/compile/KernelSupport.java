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
}
