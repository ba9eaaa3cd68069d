package org.osteon.compile;

/**
 * A function of a text model implemented in Java ({@code external function name(a, b)} in
 * Antimony), for parts text expresses badly, such as a micromechanics homogenisation.
 * Implementations must be pure and thread-safe.
 */
public interface ExternalFunction {
    String name();

    int arity();

    double value(double[] args);

    /**
     * Partial derivatives with respect to each argument, for the analytic Jacobian. The default
     * uses central differences; override it when an exact gradient is available.
     */
    default void gradient(double[] args, double[] out) {
        double[] a = args.clone();
        for (int i = 0; i < args.length; i++) {
            double h = 1e-6 * Math.max(Math.abs(args[i]), 1e-8);
            a[i] = args[i] + h;
            double up = value(a);
            a[i] = args[i] - h;
            double down = value(a);
            a[i] = args[i];
            out[i] = (up - down) / (2 * h);
        }
    }
}
