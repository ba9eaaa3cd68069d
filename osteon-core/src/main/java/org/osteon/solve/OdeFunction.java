package org.osteon.solve;

import org.osteon.util.SparsityPattern;

/**
 * The right-hand side dy/dt = f(t, y) an integrator works on, with its Jacobian.
 * Implementations must not keep state between calls that changes their result.
 */
public interface OdeFunction {
    int dimension();

    void derivatives(double t, double[] y, double[] dydt);

    /**
     * Writes df_i/dy_j into {@code dfdy[i * n + j]} (row-major). The default uses forward
     * finite differences; compiled models override it with the analytic Jacobian.
     */
    default void jacobian(double t, double[] y, double[] dfdy) {
        FiniteDifferences.jacobian(this, t, y, dfdy);
    }

    /**
     * Where df/dy can be non-zero, when known; {@code null} (the default) means dense. Stiff
     * methods then evaluate the Jacobian with {@link #jacobianValues} and, for large systems, use
     * sparse linear algebra. Only meaningful with {@link #hasAnalyticJacobian()}.
     */
    default SparsityPattern jacobianPattern() {
        return null;
    }

    /** df/dy at the positions of {@link #jacobianPattern()}, in its order (only called when that is not null). */
    default void jacobianValues(double t, double[] y, double[] values) {
        throw new UnsupportedOperationException("no Jacobian pattern");
    }

    /** Whether {@link #jacobian} is exact rather than a finite-difference estimate. */
    default boolean hasAnalyticJacobian() {
        return false;
    }

    /**
     * Whether f does not depend on t explicitly. Rosenbrock methods need df/dt for
     * non-autonomous right-hand sides and estimate it by a forward difference in t (one extra
     * evaluation per step); returning {@code true} lets them skip it. The default is the safe
     * answer {@code false}.
     */
    default boolean isAutonomous() {
        return false;
    }

    /**
     * Components whose equation is algebraic: for these, {@link #derivatives} gives a residual
     * that must stay zero, so the system is M y' = f with M the identity except zero on these
     * diagonal entries (an index-1 differential-algebraic system). Only methods that accept a
     * mass matrix ({@code rodas5p}) solve such systems. Empty by default.
     */
    default int[] algebraicComponents() {
        return new int[0];
    }
}
