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

    /**
     * The outputs at {@code indices} (into {@link Layout#outputs()}; repeats allowed) without the
     * others, for a run that records only those: the k-th goes to {@code out[k]}, the same number
     * bit for bit as {@link #outputs} gives. A compiled text model evaluates only the assigned
     * values the selected outputs depend on; this default evaluates all and copies. The result
     * may keep scratch space: use it from one thread at a time (one per run).
     *
     * @throws IndexOutOfBoundsException for an index that is not an output's
     */
    default OutputSelection outputSelection(int[] indices) {
        int n = layout().outputCount();
        for (int i : indices) {
            java.util.Objects.checkIndex(i, n);
        }
        return new CopiedOutputs(this, indices);
    }

    /**
     * The states (indices, ascending) that the given outputs read, directly or through the assigned
     * values they depend on; null when that is not known, meaning any state may be read. A recorder
     * keeping only those outputs then interpolates only these states.
     *
     * @throws IndexOutOfBoundsException for an index that is not an output's
     */
    default int[] statesRead(int[] outputIndices) {
        int n = layout().outputCount();
        for (int i : outputIndices) {
            java.util.Objects.checkIndex(i, n);
        }
        return null;
    }

    List<CompiledEvent> events();

    /**
     * States that algebraic rules determine: for these, {@link #derivatives} gives the rule's
     * residual g (the system is M y' = f with M zero in these rows: a differential-algebraic
     * system of index 1). Empty for an ordinary differential system.
     */
    default int[] algebraicStates() {
        return new int[0];
    }

    /**
     * Number of {@code delay(x, d)} expressions. Each reads its value from parameter slot
     * {@link #delaySlot}, which the simulation fills with x at time - d from the run's history
     * before every evaluation; a model without delays has none.
     */
    default int delayCount() {
        return 0;
    }

    /** Index in p of delay k's value. */
    default int delaySlot(int k) {
        throw new IndexOutOfBoundsException("model '" + id() + "' has no delays");
    }

    /** The lag d of delay k at (t, y, p). */
    default double delayLag(int k, double t, double[] y, double[] p) {
        throw new IndexOutOfBoundsException("model '" + id() + "' has no delays");
    }

    /** The delayed expression x of delay k evaluated at (t, y, p), a point of the past. */
    default double delayedValue(int k, double t, double[] y, double[] p) {
        throw new IndexOutOfBoundsException("model '" + id() + "' has no delays");
    }

    /**
     * Delay k's expression at a time t before the start, where y and p are the start's values
     * with initial assignments evaluated at t: nothing changes before the start but time, so
     * every rate of change (rateOf) in it is zero.
     */
    default double delayedValueBeforeStart(int k, double t, double[] y, double[] p) {
        return delayedValue(k, t, y, p);
    }

    /**
     * Times (given p) at which the right-hand side jumps, such as {@code piecewise} switches on
     * {@code time}; the driver restarts the integrator there. Empty when there are none.
     */
    default double[] discontinuities(double[] p) {
        return new double[0];
    }
}
