package org.osteon.compile;

/**
 * A Java-part event that fires when time reaches the value held in one parameter-vector slot —
 * typically a hidden memory slot that {@link #fire} moves on to the next firing time (daily
 * bookkeeping, a dosing regimen). The driver stops exactly at that time. Subclasses say what
 * firing does; they must keep all run data in y and p.
 */
public abstract class SlotTimedEvent implements CompiledEvent {
    private static final double[] NO_VALUES = new double[0];
    private final String id;
    private final int timeSlot;

    /** @param timeSlot index in p of the next firing time */
    protected SlotTimedEvent(String id, int timeSlot) {
        this.id = id;
        this.timeSlot = timeSlot;
    }

    /** Does the event's work at time {@code t} (and usually re-arms {@code p[timeSlot]}). */
    protected abstract void fire(double t, double[] y, double[] p);

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final boolean trigger(double t, double[] y, double[] p) {
        return t >= p[timeSlot];
    }

    @Override
    public final int guardCount() {
        return 1;
    }

    @Override
    public final double guard(int k, double t, double[] y, double[] p) {
        return t - p[timeSlot];
    }

    @Override
    public final double guardTime(int k, double[] p) {
        return p[timeSlot];
    }

    @Override
    public boolean initialValue() {
        return false;
    }

    @Override
    public final boolean persistent() {
        return true;
    }

    @Override
    public final boolean useValuesFromTriggerTime() {
        return false;
    }

    @Override
    public final double delay(double t, double[] y, double[] p) {
        return 0;
    }

    @Override
    public double priority(double t, double[] y, double[] p) {
        return 0;
    }

    @Override
    public final double[] evaluateAssignments(double t, double[] y, double[] p) {
        return NO_VALUES;
    }

    @Override
    public final void apply(double[] values, double[] y, double[] p) {
        fire(p[timeSlot], y, p);
    }
}
