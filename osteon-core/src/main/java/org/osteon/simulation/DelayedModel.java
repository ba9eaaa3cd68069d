package org.osteon.simulation;

import java.util.List;
import org.osteon.compile.CompiledEvent;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ForwardingEvent;
import org.osteon.compile.Layout;
import org.osteon.compile.OutputSelection;

/**
 * A model with {@code delay(x, d)} seen through one run's {@link DelayHistory}: every evaluation
 * first writes the delayed values into their parameter slots. Belongs to one run (not thread-safe).
 */
final class DelayedModel implements CompiledModel {
    private final CompiledModel model;
    private final DelayHistory history;
    private final List<CompiledEvent> events;

    DelayedModel(CompiledModel model, DelayHistory history) {
        this.model = model;
        this.history = history;
        this.events = model.events().stream().map(e -> (CompiledEvent) new Event(e)).toList();
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public Layout layout() {
        return model.layout();
    }

    @Override
    public String timeUnit() {
        return model.timeUnit();
    }

    @Override
    public double[] defaultState() {
        return model.defaultState();
    }

    @Override
    public double[] defaultParameters() {
        return model.defaultParameters();
    }

    @Override
    public void initialize(double t0, double[] y, double[] p, boolean[] fixedStates, boolean[] fixedParameters) {
        model.initialize(t0, y, p, fixedStates, fixedParameters);
    }

    @Override
    public void derivatives(double t, double[] y, double[] p, double[] dydt) {
        history.fill(t, y, p);
        model.derivatives(t, y, p, dydt);
    }

    @Override
    public void jacobian(double t, double[] y, double[] p, double[] jac) {
        history.fill(t, y, p);
        model.jacobian(t, y, p, jac);
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return model.hasAnalyticJacobian();
    }

    @Override
    public boolean isAutonomous() {
        return false;
    }

    @Override
    public void outputs(double t, double[] y, double[] p, double[] out) {
        history.fill(t, y, p);
        model.outputs(t, y, p, out);
    }

    @Override
    public OutputSelection outputSelection(int[] indices) {
        OutputSelection selected = model.outputSelection(indices);
        return new OutputSelection() {
            @Override
            public void evaluate(double t, double[] y, double[] p, double[] out) {
                history.fill(t, y, p);
                selected.evaluate(t, y, p, out);
            }

            @Override
            public int computedValues() {
                return selected.computedValues();
            }
        };
    }

    @Override
    public List<CompiledEvent> events() {
        return events;
    }

    @Override
    public double[] discontinuities(double[] p) {
        return model.discontinuities(p);
    }

    @Override
    public int[] algebraicStates() {
        return model.algebraicStates();
    }

    /** An event whose every evaluation sees the delayed values at its time. */
    private final class Event extends ForwardingEvent {
        Event(CompiledEvent e) {
            super(e);
        }

        @Override
        public boolean trigger(double t, double[] y, double[] p) {
            history.fill(t, y, p);
            return delegate.trigger(t, y, p);
        }

        @Override
        public double guard(int k, double t, double[] y, double[] p) {
            history.fill(t, y, p);
            return delegate.guard(k, t, y, p);
        }

        @Override
        public double delay(double t, double[] y, double[] p) {
            history.fill(t, y, p);
            return delegate.delay(t, y, p);
        }

        @Override
        public double priority(double t, double[] y, double[] p) {
            history.fill(t, y, p);
            return delegate.priority(t, y, p);
        }

        @Override
        public double[] evaluateAssignments(double t, double[] y, double[] p) {
            history.fill(t, y, p);
            return delegate.evaluateAssignments(t, y, p);
        }

        @Override
        public void apply(double t, double[] values, double[] y, double[] p) {
            history.fill(t, y, p);
            delegate.apply(t, values, y, p);
        }
    }
}
