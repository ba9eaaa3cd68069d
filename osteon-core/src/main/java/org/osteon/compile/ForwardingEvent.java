package org.osteon.compile;

/**
 * An event that passes every call to another, for wrappers that change one aspect of an event (the
 * values it sees, what its firing also does) and must keep all the others. Every method of
 * {@link CompiledEvent}, defaults included, is forwarded, so a wrapper cannot silently drop one
 * (a wrapper that forgot {@code hasPriority} or the time-aware {@code apply} changed how its events fire).
 */
public abstract class ForwardingEvent implements CompiledEvent {
    /** The wrapped event. */
    protected final CompiledEvent delegate;

    protected ForwardingEvent(CompiledEvent delegate) {
        this.delegate = delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public boolean trigger(double t, double[] y, double[] p) {
        return delegate.trigger(t, y, p);
    }

    @Override
    public int guardCount() {
        return delegate.guardCount();
    }

    @Override
    public double guard(int k, double t, double[] y, double[] p) {
        return delegate.guard(k, t, y, p);
    }

    @Override
    public double guardTime(int k, double[] p) {
        return delegate.guardTime(k, p);
    }

    @Override
    public boolean initialValue() {
        return delegate.initialValue();
    }

    @Override
    public boolean persistent() {
        return delegate.persistent();
    }

    @Override
    public boolean useValuesFromTriggerTime() {
        return delegate.useValuesFromTriggerTime();
    }

    @Override
    public double delay(double t, double[] y, double[] p) {
        return delegate.delay(t, y, p);
    }

    @Override
    public double priority(double t, double[] y, double[] p) {
        return delegate.priority(t, y, p);
    }

    @Override
    public boolean hasPriority() {
        return delegate.hasPriority();
    }

    @Override
    public double[] evaluateAssignments(double t, double[] y, double[] p) {
        return delegate.evaluateAssignments(t, y, p);
    }

    @Override
    public void apply(double[] values, double[] y, double[] p) {
        delegate.apply(values, y, p);
    }

    @Override
    public void apply(double t, double[] values, double[] y, double[] p) {
        delegate.apply(t, values, y, p);
    }

    @Override
    public boolean afterOutput() {
        return delegate.afterOutput();
    }
}
