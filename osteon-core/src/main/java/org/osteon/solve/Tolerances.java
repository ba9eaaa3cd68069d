package org.osteon.solve;

import java.util.Arrays;

/**
 * Per-component error tolerances: a step is accepted when every component's local error is
 * below {@code atol[i] + rtol[i] * |y_i|} (in the RMS norm).
 */
public final class Tolerances {
    private final double[] relative;
    private final double[] absolute;

    private Tolerances(double[] relative, double[] absolute) {
        if (relative.length != absolute.length) {
            throw new IllegalArgumentException("rtol and atol lengths differ");
        }
        for (int i = 0; i < relative.length; i++) {
            if (!(relative[i] >= 0) || !(absolute[i] >= 0) || Double.isInfinite(relative[i])
                    || Double.isInfinite(absolute[i]) || relative[i] + absolute[i] == 0) {
                throw new IllegalArgumentException("tolerances must be finite, non-negative and not both zero (component "
                        + i + ": rtol=" + relative[i] + ", atol=" + absolute[i] + ")");
            }
        }
        this.relative = relative;
        this.absolute = absolute;
    }

    public static Tolerances of(int dimension, double rtol, double atol) {
        double[] r = new double[dimension];
        double[] a = new double[dimension];
        Arrays.fill(r, rtol);
        Arrays.fill(a, atol);
        return new Tolerances(r, a);
    }

    public static Tolerances of(double[] rtol, double[] atol) {
        return new Tolerances(rtol.clone(), atol.clone());
    }

    public int dimension() {
        return relative.length;
    }

    public double relative(int i) {
        return relative[i];
    }

    public double absolute(int i) {
        return absolute[i];
    }

    /** Error scale of component i at the given magnitudes: atol + rtol * max(|a|, |b|). */
    public double scale(int i, double a, double b) {
        return absolute[i] + relative[i] * Math.max(Math.abs(a), Math.abs(b));
    }
}
