package org.osteon.solve;

/**
 * Hairer's stiffness test of DOPRI5 (Hairer and Wanner, Solving ODEs I, sec. IV.2 / the DOPRI5
 * code): after each accepted step, {@code h*lambda} is estimated as
 * {@code h*|f(y1) - f(ysti)| / |y1 - ysti|} from the last two stages, both at {@code t+h}. When
 * it exceeds 3.25 (the border of DOPRI5's stability region on the negative real axis is about
 * 3.3) on {@value #STIFF_COUNT} steps without {@value #NONSTIFF_RESET} consecutive steps below it
 * in between, the step size is limited by stability rather than accuracy: the problem is stiff.
 *
 * <p>Mutable; one per segment.
 */
final class StiffnessDetector {
    static final double THRESHOLD = 3.25;
    static final int STIFF_COUNT = 15;
    static final int NONSTIFF_RESET = 6;

    private int stiffSteps;
    private int nonStiffSteps;
    private double lastHLambda = Double.NaN;
    private boolean stiff;
    private double stiffTime = Double.NaN;

    /** Records the estimate of one accepted step ending at t; returns whether stiffness is now detected. */
    boolean record(double hLambda, double t) {
        lastHLambda = hLambda;
        if (hLambda > THRESHOLD) {
            nonStiffSteps = 0;
            stiffSteps++;
            if (stiffSteps >= STIFF_COUNT && !stiff) {
                stiff = true;
                stiffTime = t;
            }
        } else {
            nonStiffSteps++;
            if (nonStiffSteps == NONSTIFF_RESET) {
                stiffSteps = 0;
            }
        }
        return stiff;
    }

    boolean stiff() {
        return stiff;
    }

    /** End of the step on which stiffness was declared, NaN before. */
    double stiffTime() {
        return stiffTime;
    }

    /** The last h*lambda estimate, NaN before the first. */
    double lastHLambda() {
        return lastHLambda;
    }
}
