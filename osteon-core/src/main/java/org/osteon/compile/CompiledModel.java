package org.osteon.compile;

import java.util.List;
import org.osteon.util.SparsityPattern;

/**
 * A model ready to simulate: a flat ODE system with named vectors. This is the interface the
 * solvers, scenarios and outputs work with, whether the model came from text, SBML, or was
 * written in Java.
 *
 * <p>Implementations are immutable and thread-safe: every method is a pure function of its
 * arguments, so one compiled model serves many simultaneous runs (scans, web requests).
 */
public interface CompiledModel {
    /** Model id (for messages and outputs). */
    String id();

    Layout layout();

    /** Unit of the model's time ({@code day} unless the model says otherwise). */
    default String timeUnit() {
        return "day";
    }

    /** Default state at the start, before initial assignments (NaN where one will set it). */
    double[] defaultState();

    /** Default parameter vector, before initial assignments (length {@link Layout#parameterVectorSize()}). */
    double[] defaultParameters();

    /**
     * Completes the initial condition: evaluates initial assignments (and the model's own
     * start-up code) into y and p, except for entries a caller fixed (user overrides).
     */
    void initialize(double t0, double[] y, double[] p, boolean[] fixedStates, boolean[] fixedParameters);

    void derivatives(double t, double[] y, double[] p, double[] dydt);

    /** Writes df_i/dy_j into {@code jac[i * n + j]}. */
    void jacobian(double t, double[] y, double[] p, double[] jac);

    /**
     * Where the Jacobian's structurally non-zero entries are, or {@code null} (the default) when
     * the model does not know: then it is treated as dense. Stiff solvers use the pattern to
     * choose sparse linear algebra for large systems.
     */
    default SparsityPattern jacobianPattern() {
        return null;
    }

    /**
     * The Jacobian's entries at the positions of {@link #jacobianPattern()}, in its order, into
     * {@code values}; only called when the pattern is not null.
     */
    default void jacobianValues(double t, double[] y, double[] p, double[] values) {
        throw new UnsupportedOperationException("model '" + id() + "' has no Jacobian pattern");
    }

    boolean hasAnalyticJacobian();

    /** True when the right-hand side does not depend on time explicitly (lets stiff solvers skip df/dt). */
    default boolean isAutonomous() {
        return false;
    }

    /** Assignment-rule variables and reaction rates, in {@link Layout#outputs()} order. */
    void outputs(double t, double[] y, double[] p, double[] out);

    List<CompiledEvent> events();

    /**
     * Times (given p) at which the right-hand side jumps, such as {@code piecewise} switches on
     * {@code time}; the driver restarts the integrator there. Empty when there are none.
     */
    default double[] discontinuities(double[] p) {
        return new double[0];
    }
}
