package org.osteon.solve;

import org.osteon.solve.SolverException.Reason;

/** Argument checks and the failure messages shared by the integrators. */
final class SolverChecks {
    private SolverChecks() {
    }

    /** Rejects what no integrator can work with; a non-finite initial state names its component. */
    static void validate(OdeFunction f, double t0, double[] y0, double tStop, IntegrationContext ctx) {
        if (f == null || y0 == null || ctx == null) {
            throw invalid(t0, "the right-hand side, initial state and integration context must not be null");
        }
        int n = f.dimension();
        if (y0.length != n) {
            throw invalid(t0, "initial state has " + y0.length + " components but the system has " + n);
        }
        if (ctx.tolerances().dimension() != n) {
            throw invalid(t0, "tolerances are given for " + ctx.tolerances().dimension()
                    + " components but the system has " + n);
        }
        if (!Double.isFinite(t0) || !Double.isFinite(tStop)) {
            throw invalid(t0, "start and stop times must be finite (t0=" + t0 + ", tStop=" + tStop + ")");
        }
        if (tStop < t0) {
            throw invalid(t0, "integration backwards in time is not supported (t0=" + t0 + ", tStop=" + tStop + ")");
        }
        int bad = firstNonFinite(y0);
        if (bad >= 0) {
            throw new SolverException(Reason.NOT_FINITE, t0, bad,
                    "component " + bad + " of the initial state is " + y0[bad] + " at t=" + t0);
        }
    }

    static SolverException invalid(double t, String message) {
        return new SolverException(Reason.INVALID_INPUT, t, -1, message);
    }

    /** Index of the first NaN or infinite entry, or -1. */
    static int firstNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The right-hand side returned a non-finite value at an accepted state. */
    static SolverException nonFiniteDerivative(int component, double t, double value) {
        return new SolverException(Reason.NOT_FINITE, t, component,
                "the derivative of component " + component + " is " + value + " at t=" + t
                        + " (the right-hand side is not defined there: check for division by zero, log or"
                        + " power of a negative number, or overflow)");
    }

    /** The state could not be kept finite even with the smallest step. */
    static SolverException nonFiniteState(int component, double t) {
        return new SolverException(Reason.NOT_FINITE, t, component,
                "component " + component + " becomes NaN or infinite just after t=" + t
                        + " and no step size avoids it (the solution may blow up, or the right-hand side is"
                        + " not defined there)");
    }

    static SolverException underflow(int component, double t, double h) {
        String who = component >= 0 ? "; the error estimate is dominated by component " + component : "";
        return new SolverException(Reason.STEP_SIZE_UNDERFLOW, t, component,
                "step size underflow at t=" + t + ": the step " + h + " is below the resolution of t" + who
                        + " (the solution may blow up or have a discontinuity here)");
    }

    /** Smallest step that still advances t measurably, about 10 ulp(t). */
    static double minStep(double t) {
        return Math.max(10 * Math.ulp(t), Double.MIN_NORMAL);
    }

    /** Refuses a differential-algebraic system in a method that solves ordinary differential equations only. */
    static void requireOrdinary(OdeFunction f, double t0, String method) {
        if (f.algebraicComponents().length > 0) {
            throw new SolverException(SolverException.Reason.INVALID_INPUT, t0, f.algebraicComponents()[0],
                    "the model has algebraic rules (a differential-algebraic system), which " + method
                            + " cannot solve; use rodas5p or auto");
        }
    }
}
