package org.osteon.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.osteon.compile.CompiledEvent;
import org.osteon.compile.Layout;
import org.osteon.solve.DenseStep;
import org.osteon.solve.SolverException;

/**
 * SBML Level 3 event semantics for one run: trigger transitions, delays, persistence, priorities,
 * cascades at one instant, and location of state events inside a step by root finding on the
 * guards (Brent, to 1e-15 relative).
 */
final class EventProcessor {
    private static final int MAX_CASCADE = 10_000;

    /** A firing waiting for its execution time; values are set when taken at trigger time. */
    private record Pending(double time, int event, double[] values, long order) {
    }

    private final List<CompiledEvent> events;
    private final double tEnd;
    private final Layout layout;
    private final boolean[] last;
    /** Per event: the breakpoint whose right limit {@link #last} already holds, else NaN. */
    private final double[] rightLimitAt;
    private final double[][] guardsAtStart;
    private final boolean[] stateGuarded;
    private final List<Pending> pending = new ArrayList<>();
    private final BracketingNthOrderBrentSolver brent = new BracketingNthOrderBrentSolver(1e-15, 1e-300, 0, 5);
    /** Breaks ties between equal priorities; fixed seed, so every run of a problem is the same. */
    private final java.util.SplittableRandom random = new java.util.SplittableRandom(SEED);
    static final long SEED = 20_030_206L;
    private long sequence;
    private long fired;

    /**
     * @param tEnd   end of the run: nothing happens after it, so no trigger turns true "just after" it
     * @param layout names of the state and parameter slots, for messages
     */
    EventProcessor(List<CompiledEvent> events, double tEnd, Layout layout) {
        this.events = events;
        this.layout = layout;
        this.tEnd = tEnd;
        this.last = new boolean[events.size()];
        this.rightLimitAt = new double[events.size()];
        java.util.Arrays.fill(rightLimitAt, Double.NaN);
        this.guardsAtStart = new double[events.size()][];
        this.stateGuarded = new boolean[events.size()];
        for (int e = 0; e < events.size(); e++) {
            last[e] = events.get(e).initialValue();
            guardsAtStart[e] = new double[events.get(e).guardCount()];
        }
    }

    long firedCount() {
        return fired;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** Earliest time after t at which something is scheduled: a delayed firing or a time guard. */
    double nextScheduled(double t, double[] p) {
        double next = Double.POSITIVE_INFINITY;
        for (Pending pe : pending) {
            if (pe.time() > t) {
                next = Math.min(next, pe.time());
            }
        }
        for (CompiledEvent ev : events) {
            for (int k = 0; k < ev.guardCount(); k++) {
                double gt = ev.guardTime(k, p);
                if (gt > t) {
                    next = Math.min(next, gt);
                }
            }
        }
        return next;
    }

    /**
     * Fires everything due at t in one phase (events that fire before the output, or those that
     * fire after it), re-evaluating triggers after each firing. Returns whether any fired.
     */
    boolean process(double t, double[] y, double[] p, boolean afterOutput) {
        boolean any = false;
        for (int iteration = 0; ; iteration++) {
            if (iteration > MAX_CASCADE) {
                throw new SolverException(SolverException.Reason.NO_CONVERGENCE, t, -1,
                        "events keep firing at t=" + t + " (more than " + MAX_CASCADE + " in one instant): an event re-triggers itself");
            }
            updateTriggers(t, y, p, afterOutput);
            List<Pending> ready = new ArrayList<>();
            pending.removeIf(pe -> {
                if (pe.time() <= t && events.get(pe.event()).afterOutput() == afterOutput) {
                    ready.add(pe);
                    return true;
                }
                return false;
            });
            if (ready.isEmpty()) {
                return any;
            }
            java.util.Map<Pending, Double> priority = new java.util.HashMap<>();
            for (Pending pe : ready) {
                CompiledEvent ev = events.get(pe.event());
                double value = ev.priority(t, y, p);
                if (ev.hasPriority() && Double.isNaN(value)) {
                    // No order can be taken from NaN (and ties among NaN would be drawn from nothing).
                    throw new SolverException(SolverException.Reason.INVALID_INPUT, t, -1,
                            "event '" + ev.id() + "' has priority NaN at t=" + t + "; a priority must be a number");
                }
                priority.put(pe, value);
            }
            ready.sort(Comparator.comparingDouble((Pending pe) -> -priority.get(pe)).thenComparingLong(Pending::order));
            Pending first = chooseAmongEqualPriorities(ready, priority);
            CompiledEvent ev = events.get(first.event());
            double[] values = first.values() != null ? first.values() : ev.evaluateAssignments(t, y, p);
            double[] yBefore = y.clone();
            double[] pBefore = p.clone();
            ev.apply(t, values, y, p);
            requireFinite(ev, t, yBefore, y, pBefore, p);
            fired++;
            any = true;
            ready.remove(first);
            pending.addAll(ready);
        }
    }

    /**
     * Records trigger transitions at a breakpoint t. A trigger with a time threshold at t (a guard
     * {@code time - T} with T = t) is looked at twice: at the instant t and just after it. A strict
     * comparison such as {@code time > T} is false at T and true just after, and SBML fires the
     * event at that instant, T; looking only at t would miss it until the next breakpoint (the end
     * of the run). Once the right limit is recorded, later looks at the same t (cascades, the
     * after-output phase) see only the right limit, so nothing fires twice.
     */
    /** An event that writes NaN or an infinity fails the run, naming the event, what it set and when. */
    private void requireFinite(CompiledEvent ev, double t, double[] yBefore, double[] y, double[] pBefore, double[] p) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i]) && Double.compare(y[i], yBefore[i]) != 0) {
                throw notFinite(ev, t, i, layout.states().get(i).id(), y[i]);
            }
        }
        // Named parameters only: the memory slots of Java parts are theirs (an infinite next firing time means "never").
        for (int i = 0; i < layout.parameters().size(); i++) {
            if (!Double.isFinite(p[i]) && Double.compare(p[i], pBefore[i]) != 0) {
                throw notFinite(ev, t, -1, layout.parameters().get(i).id(), p[i]);
            }
        }
    }

    private static SolverException notFinite(CompiledEvent ev, double t, int state, String name, double value) {
        return new SolverException(SolverException.Reason.NOT_FINITE, t, state, state >= 0 ? name : null,
                "event '" + ev.id() + "' set '" + name + "' to " + value + " at t=" + t
                        + " (check its assignment for division by zero, log or square root of a negative number, or overflow)");
    }

    private void updateTriggers(double t, double[] y, double[] p, boolean afterOutput) {
        for (int e = 0; e < events.size(); e++) {
            CompiledEvent ev = events.get(e);
            if (ev.afterOutput() != afterOutput) {
                continue;
            }
            boolean atThreshold = t < tEnd && hasTimeThresholdAt(ev, t, p);
            if (!atThreshold || rightLimitAt[e] != t) {
                transition(e, ev.trigger(t, y, p), t, y, p);
            }
            if (atThreshold) {
                transition(e, ev.trigger(Math.nextUp(t), y, p), t, y, p);
                rightLimitAt[e] = t;
            }
        }
    }

    /**
     * The firing to execute first: the highest priority; among events that have equal explicit
     * priorities, one chosen at random, as SBML Level 3 prescribes (sec. 4.12.5), from the run's
     * own seeded generator, so a run is reproducible. Events without a priority keep their
     * order of triggering (SBML leaves it open).
     */
    private Pending chooseAmongEqualPriorities(List<Pending> sorted, java.util.Map<Pending, Double> priority) {
        Pending first = sorted.get(0);
        if (!events.get(first.event()).hasPriority()) {
            return first;
        }
        double top = priority.get(first);
        List<Pending> tied = sorted.stream()
                .filter(pe -> events.get(pe.event()).hasPriority() && priority.get(pe) == top).toList();
        return tied.size() == 1 ? first : tied.get(random.nextInt(tied.size()));
    }

    /** A trigger turning true schedules a firing; turning false cancels those of a non-persistent event. */
    private void transition(int e, boolean now, double t, double[] y, double[] p) {
        CompiledEvent ev = events.get(e);
        if (now && !last[e]) {
            double delay = ev.delay(t, y, p);
            if (!(delay >= 0) || Double.isInfinite(delay)) {
                throw new SolverException(SolverException.Reason.INVALID_INPUT, t, -1,
                        "event '" + ev.id() + "' has delay " + delay + " at t=" + t + "; a delay must be finite and not negative");
            }
            double[] values = ev.useValuesFromTriggerTime() ? ev.evaluateAssignments(t, y, p) : null;
            pending.add(new Pending(t + delay, e, values, sequence++));
        } else if (!now && last[e] && !ev.persistent()) {
            cancel(e, t);
        }
        last[e] = now;
    }

    private static boolean hasTimeThresholdAt(CompiledEvent ev, double t, double[] p) {
        for (int k = 0; k < ev.guardCount(); k++) {
            if (ev.guardTime(k, p) == t) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores guard values at the start of an integration segment, and which events have a state
     * guard: only those can change inside a step (the parameters are fixed within a segment).
     */
    void startSegment(double t, double[] y, double[] p) {
        for (int e = 0; e < events.size(); e++) {
            CompiledEvent ev = events.get(e);
            boolean state = false;
            for (int k = 0; k < ev.guardCount(); k++) {
                boolean timeGuard = !Double.isNaN(ev.guardTime(k, p));
                guardsAtStart[e][k] = timeGuard ? 0 : ev.guard(k, t, y, p);
                state |= !timeGuard;
            }
            stateGuarded[e] = state;
        }
    }

    /**
     * Looks for the earliest time in the step where a trigger turns true. Returns NaN when there
     * is none; otherwise the caller stops there. Triggers that turn false only update the record.
     */
    double locate(DenseStep step, double[] p, double[] scratch) {
        double a = step.startTime();
        double b = step.endTime();
        double[] yb = step.endState();
        double earliest = Double.NaN;
        for (int e = 0; e < events.size(); e++) {
            if (last[e] || !stateGuarded[e]) {
                // Turning false is recorded at the end of the step (see endStep); a trigger of time guards
                // alone changes only at breakpoints, where the driver stops.
                continue;
            }
            CompiledEvent ev = events.get(e);
            boolean atEnd = ev.trigger(b, yb, p);
            double found = Double.NaN;
            List<Double> roots = new ArrayList<>();
            for (int k = 0; k < ev.guardCount(); k++) {
                if (!Double.isNaN(ev.guardTime(k, p))) {
                    continue; // a time guard: the driver stops exactly at its time
                }
                double ga = guardsAtStart[e][k];
                double gb = ev.guard(k, b, yb, p);
                if (Math.signum(ga) != Math.signum(gb) && ga != 0) {
                    int kk = k;
                    roots.add(brent.solve(200, t -> {
                        step.interpolate(t, scratch);
                        return ev.guard(kk, t, scratch, p);
                    }, a, b, AllowedSolution.RIGHT_SIDE));
                }
            }
            roots.sort(Double::compare);
            for (int i = 0; i < roots.size() && Double.isNaN(found); i++) {
                double r = roots.get(i);
                step.interpolate(r, scratch);
                if (ev.trigger(r, scratch, p)) {
                    found = r;
                    break;
                }
                // A strict comparison is still false at its exact root (x > c at x = c), and a
                // window such as x > c1 && x < c2 may open and close inside the step: if the
                // trigger holds between this root and the next, it turned true at the first
                // instant after this root.
                double next = i + 1 < roots.size() ? roots.get(i + 1) : b;
                double mid = 0.5 * (r + next);
                if (mid > r && mid < next) {
                    step.interpolate(mid, scratch);
                    if (ev.trigger(mid, scratch, p)) {
                        found = bisect(ev, step, p, scratch, r, mid);
                    }
                }
            }
            if (Double.isNaN(found) && atEnd) {
                // Only a state guard can flip a trigger inside a step; a trigger that is true at the
                // step's end through time guards alone is handled at that breakpoint.
                found = bisect(ev, step, p, scratch, step.startTime(), step.endTime());
            }
            if (!Double.isNaN(found) && (Double.isNaN(earliest) || found < earliest)) {
                earliest = found;
            }
        }
        return earliest;
    }

    /** Smallest time in (lo, hi] where the trigger is true (it is at hi), by bisection on the boolean. */
    private static double bisect(CompiledEvent ev, DenseStep step, double[] p, double[] scratch, double from, double to) {
        double lo = from;
        double hi = to;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.max(Math.abs(hi), 1e-300); i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            step.interpolate(mid, scratch);
            if (ev.trigger(mid, scratch, p)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** After an accepted step with no firing: remember guard values and triggers that turned false. */
    void endStep(double t, double[] y, double[] p) {
        for (int e = 0; e < events.size(); e++) {
            if (!stateGuarded[e]) {
                continue; // changes only at breakpoints, recorded there
            }
            CompiledEvent ev = events.get(e);
            for (int k = 0; k < ev.guardCount(); k++) {
                if (Double.isNaN(ev.guardTime(k, p))) {
                    guardsAtStart[e][k] = ev.guard(k, t, y, p);
                }
            }
            if (last[e] && !ev.trigger(t, y, p)) {
                last[e] = false;
                if (!ev.persistent()) {
                    cancel(e, t);
                }
            }
        }
    }

    /**
     * Drops the pending firings of a non-persistent event whose trigger turned false. The trigger
     * turned false at or before t, so a firing due at t itself is dropped too.
     */
    private void cancel(int event, double t) {
        pending.removeIf(pe -> pe.event() == event && pe.time() >= t);
    }
}
