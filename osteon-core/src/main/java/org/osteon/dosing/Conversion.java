package org.osteon.dosing;

import java.util.Arrays;

/**
 * How a dose becomes an amount in the target's unit: a constant factor times powers of
 * parameters read when the dose is given (a distribution volume, a molar mass), so that a dose
 * follows a parameter that is changed or estimated.
 *
 * @param note how the conversion was made, for reports ("60 mg = 6e+07 ng")
 */
record Conversion(double factor, int[] parameters, double[] powers, String note) {
    Conversion {
        parameters = parameters.clone();
        powers = powers.clone();
    }

    /** The amount in the target's unit with parameter vector p. */
    double amount(double[] p) {
        double a = factor;
        for (int i = 0; i < parameters.length; i++) {
            a *= Math.pow(p[parameters[i]], powers[i]);
        }
        return a;
    }

    boolean reads(int parameter) {
        return Arrays.stream(parameters).anyMatch(k -> k == parameter);
    }

    Conversion scaled(double s) {
        return new Conversion(factor * s, parameters, powers, note);
    }
}
