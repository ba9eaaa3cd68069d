package org.osteon.simulation;

import org.osteon.compile.CompiledModel;
import org.osteon.solve.OdeFunction;
import org.osteon.util.SparsityPattern;

/**
 * A compiled model's right-hand side with a parameter vector bound, as the solvers see it.
 * Optionally restricted to one integration segment: time is then clamped one ulp inside the
 * segment so that a {@code piecewise} switching exactly at a segment edge is evaluated on the
 * segment's own side (the last stage before a breakpoint must see the limit from the left, the
 * first stage after it the limit from the right).
 */
public final class ModelFunction implements OdeFunction {
    private final CompiledModel model;
    private final double[] p;
    private final double lo;
    private final double hi;
    private final double[] inputs;
    private final int[] algebraic;

    private ModelFunction(CompiledModel model, double[] p, double lo, double hi, double[] inputs) {
        this.model = model;
        this.p = p;
        this.lo = lo;
        this.hi = hi;
        this.inputs = inputs;
        this.algebraic = model.algebraicStates();
    }

    /** The right-hand side for all times; {@code p} is used as it is, not copied. */
    public static ModelFunction of(CompiledModel model, double[] p) {
        return new ModelFunction(model, p, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);
    }

    /** The right-hand side on the segment [start, end]. */
    public static ModelFunction onSegment(CompiledModel model, double[] p, double start, double end) {
        return onSegment(model, p, start, end, null);
    }

    /**
     * The right-hand side on the segment [start, end] plus constant input rates (infusions) added
     * to the derivatives; {@code inputs} is used as it is, or {@code null} for none.
     */
    public static ModelFunction onSegment(CompiledModel model, double[] p, double start, double end, double[] inputs) {
        double lo = Math.nextUp(start);
        return new ModelFunction(model, p, lo, Math.max(lo, Math.nextDown(end)), inputs);
    }

    private double clamp(double t) {
        return t < lo ? lo : t > hi ? hi : t;
    }

    @Override
    public int dimension() {
        return model.layout().stateCount();
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        model.derivatives(clamp(t), y, p, dydt);
        if (inputs != null) {
            for (int i = 0; i < inputs.length; i++) {
                dydt[i] += inputs[i];
            }
        }
    }

    @Override
    public void jacobian(double t, double[] y, double[] dfdy) {
        model.jacobian(clamp(t), y, p, dfdy);
    }

    @Override
    public SparsityPattern jacobianPattern() {
        return model.jacobianPattern();
    }

    @Override
    public void jacobianValues(double t, double[] y, double[] values) {
        model.jacobianValues(clamp(t), y, p, values);
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return model.hasAnalyticJacobian();
    }

    @Override
    public boolean isAutonomous() {
        return model.isAutonomous();
    }

    @Override
    public int[] algebraicComponents() {
        return algebraic;
    }
}
