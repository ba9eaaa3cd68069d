package org.osteon.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.solve.Cancellation;
import org.osteon.solve.IntegrationContext;
import org.osteon.solve.Integrator;
import org.osteon.solve.Integrators;
import org.osteon.solve.OdeFunction;
import org.osteon.solve.SolverException;
import org.osteon.solve.SolverStatistics;
import org.osteon.solve.Tolerances;
import org.osteon.trajectory.RunInfo;
import org.osteon.trajectory.Trajectory;

/**
 * Solves a {@link SimulationProblem}: integrates smooth segments between breakpoints (scheduled
 * changes, time events, delayed firings, discontinuities of the model), restarting the
 * integrator at each, locates state events inside steps, and records the output grid from dense
 * output. One call is one independent run; the problem and model are never modified.
 */
public final class Simulator {
    private final SimulationProblem problem;
    private final SolverSettings settings;
    private final CompiledModel model;
    private final Layout layout;
    /** The run's past, for models with delay(x, d); null otherwise. */
    private final DelayHistory history;
    private final boolean algebraic;
    private final double[] y;
    private final double[] p;
    private final List<ScheduledChange> changes;
    private final EventProcessor events;
    private final Recorder recorder;
    private final Integrator integrator;
    private final IntegrationContext context;
    private double t;
    private int nextChange;
    private int segments;
    private final List<Double> restartTimes = new ArrayList<>();
    /** Zero-order inputs (infusions) added to the derivatives; null when no change sets any. */
    private final double[] inputs;
    /** Per-run working vectors, shared by all segments: the segment's start, interpolation scratch, the state reached. */
    private final double[] start;
    private final double[] scratch;
    private final double[] eventState;

    private Simulator(SimulationProblem problem, SolverSettings settings, Cancellation cancellation,
                      SimulationWorkspace workspace, List<String> kept) {
        this.problem = problem;
        this.settings = settings;
        CompiledModel base = problem.model();
        this.history = base.delayCount() > 0
                ? new DelayHistory(base, problem.t0(), problem.initialState(), problem.parameters()) : null;
        this.model = history == null ? base : new DelayedModel(base, history);
        this.algebraic = base.algebraicStates().length > 0;
        this.layout = model.layout();
        if (problem.initialState().length != layout.stateCount()
                || problem.parameters().length != layout.parameterVectorSize()) {
            throw new IllegalArgumentException("initial state or parameter vector does not match model '" + model.id() + "'");
        }
        this.y = problem.initialState().clone();
        this.p = problem.parameters().clone();
        this.changes = new ArrayList<>(problem.changes());
        this.changes.sort(Comparator.comparingDouble(ScheduledChange::time));
        for (ScheduledChange c : changes) {
            if (!(c.time() >= problem.t0())) { // never silently dropped: a change the run cannot make is an error
                throw new IllegalArgumentException("'" + c.label() + "' is scheduled at t=" + c.time()
                        + ", before the start of the run (" + problem.t0() + ")");
            }
        }
        this.events = new EventProcessor(model.events(), problem.tEnd(), layout);
        this.recorder = kept == null
                ? new Recorder(model, problem.outputTimes(), problem.recordedParameters(), problem.recordedOutputs())
                : new Recorder(model, problem.outputTimes(), kept);
        this.integrator = Integrators.byName(settings.method());
        // Without a caller's workspace the run still gets one of its own: the segments between doses
        // and events then share one iteration matrix and one set of stage vectors instead of
        // allocating them at every restart (a year of daily teriparatide in petersonriggs2010 has
        // 1852). Results are the same bit for bit (see SolverWorkspace). Warm timings did not
        // change measurably (docs/performance.md); it removes per-segment allocation.
        this.context = new IntegrationContext(tolerances(), settings.maxSteps(), maxStep(), cancellation,
                (workspace == null ? new SimulationWorkspace() : workspace).solver());
        int width = Math.max(1, y.length); // a model without states integrates one dummy state
        this.start = new double[width];
        this.scratch = new double[width];
        this.eventState = new double[width];
        this.t = problem.t0();
        this.inputs = changes.stream().anyMatch(ScheduledChange::changesInputs) ? new double[y.length] : null;
    }

    /** Runs the problem. Throws {@link SolverException} (naming the state and time) if the solver fails. */
    public static Trajectory solve(SimulationProblem problem, SolverSettings settings) {
        return solve(problem, settings, Cancellation.NONE);
    }

    /**
     * Runs the problem, asking {@code cancellation} after every solver step and at every
     * breakpoint whether to go on (a time budget, a cancel flag).
     *
     * @throws SolverException of reason {@link SolverException.Reason#CANCELLED} (with the time
     *                         reached) when the cancellation says stop, or as {@link #solve(SimulationProblem, SolverSettings)}
     */
    public static Trajectory solve(SimulationProblem problem, SolverSettings settings, Cancellation cancellation) {
        return new Simulator(problem, settings, cancellation, null, null).run();
    }

    /**
     * Runs the problem recording only the {@code kept} columns (names of states, outputs or
     * parameters, grouped in that order, each group in the order given; {@code null}: what the
     * problem asks for). Outputs not kept are not computed beyond what the kept ones depend on;
     * the kept columns are the same, bit for bit, as in a run recording everything.
     */
    public static Trajectory solve(SimulationProblem problem, SolverSettings settings, Cancellation cancellation,
                                   List<String> kept) {
        return new Simulator(problem, settings, cancellation, null, kept).run();
    }

    /**
     * Runs the problem as one of many on this thread: the integrators reuse the workspace's
     * storage (one workspace per thread, never shared), and only the {@code kept} columns are
     * recorded (names of states, outputs or parameters; {@code null}: what the problem asks for),
     * so that the run allocates little beyond the output it keeps. The numbers are the same, bit
     * for bit, as those of {@link #solve(SimulationProblem, SolverSettings)}.
     */
    public static Trajectory solve(SimulationProblem problem, SolverSettings settings, SimulationWorkspace workspace,
                                   List<String> kept) {
        return solve(problem, settings, Cancellation.NONE, workspace, kept);
    }

    /** As {@link #solve(SimulationProblem, SolverSettings, SimulationWorkspace, List)}, with a cancellation. */
    public static Trajectory solve(SimulationProblem problem, SolverSettings settings, Cancellation cancellation,
                                   SimulationWorkspace workspace, List<String> kept) {
        return new Simulator(problem, settings, cancellation, java.util.Objects.requireNonNull(workspace, "workspace"),
                kept).run();
    }

    /**
     * The largest step: the settings' own, and for a model without states (only rules and events)
     * a thousandth of the run, so that a trigger that is a non-monotone function of time (say
     * {@code sin(time) > 0.5}) cannot switch on and off again inside one step unseen.
     */
    private double maxStep() {
        double cap = layout.stateCount() > 0 ? Double.POSITIVE_INFINITY : (problem.tEnd() - problem.t0()) / 1000;
        if (history != null) {
            // a step no longer than the shortest delay finds every delayed value in the stored past
            cap = Math.min(cap, history.smallestLag());
        }
        if (Double.isInfinite(cap)) {
            return settings.maxStep();
        }
        return settings.maxStep() > 0 ? Math.min(settings.maxStep(), cap) : cap;
    }

    private Tolerances tolerances() {
        int n = Math.max(1, layout.stateCount()); // a model without states is integrated with one dummy state
        double[] rtol = new double[n];
        double[] atol = new double[n];
        java.util.Arrays.fill(rtol, settings.rtol());
        java.util.Arrays.fill(atol, settings.atol());
        perState(settings.stateAtol(), atol, "atol");
        perState(settings.stateRtol(), rtol, "rtol");
        return Tolerances.of(rtol, atol);
    }

    private void perState(Map<String, Double> byState, double[] into, String what) {
        for (Map.Entry<String, Double> e : byState.entrySet()) {
            int i = layout.stateIndex(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException(what + " given for '" + e.getKey() + "', which is not a state of model '"
                        + model.id() + "'" + org.osteon.util.Suggestions.didYouMean(e.getKey(),
                        layout.states().stream().map(v -> v.id()).toList()));
            }
            into[i] = e.getValue();
        }
    }

    private Trajectory run() {
        long start = System.nanoTime();
        try {
            handleTimePoint();
            double tEnd = problem.tEnd();
            while (t < tEnd) {
                context.checkCancelled(t);
                double target = nextBreakpoint(tEnd);
                integrateTo(target);
                handleTimePoint();
            }
        } finally {
            context.endRun(); // what the integrator kept across segments goes back to the workspace
        }
        SolverStatistics s = context.statistics();
        RunInfo info = new RunInfo(settings.method(), settings.rtol(), settings.atol(), s.acceptedSteps, s.rejectedSteps,
                s.functionEvaluations, s.jacobianEvaluations, s.decompositions, s.restarts, s.stiffSwitches > 0,
                events.firedCount(), (System.nanoTime() - start) / 1e6, restartTimes);
        return recorder.finish(model.id(), info);
    }

    private double nextBreakpoint(double tEnd) {
        double next = tEnd;
        if (nextChange < changes.size()) {
            next = Math.min(next, changes.get(nextChange).time());
        }
        if (!events.isEmpty()) {
            next = Math.min(next, events.nextScheduled(t, p));
        }
        for (double d : model.discontinuities(p)) {
            if (d > t) {
                next = Math.min(next, d);
                break;
            }
        }
        return next;
    }

    /**
     * At a breakpoint: changes that start, then events, then the output, then changes that end
     * and events that fire after the output.
     */
    private void handleTimePoint() {
        // A dose or an intervention changes the state or the parameters as much as an event does:
        // either one leaves algebraic values to be solved for again before the output.
        boolean jumped = applyChanges(ScheduledChange.Phase.BEFORE_OUTPUT);
        jumped |= events.process(t, y, p, false);
        if (jumped) {
            consistent();
        }
        recorder.recordUpTo(t, y, p);
        boolean changed = applyChanges(ScheduledChange.Phase.AFTER_OUTPUT);
        changed |= events.process(t, y, p, true);
        if (changed) {
            events.process(t, y, p, false);
            consistent();
        }
        while (nextChange < changes.size() && changes.get(nextChange).time() <= t) {
            nextChange++;
        }
    }

    private boolean applyChanges(ScheduledChange.Phase phase) {
        boolean any = false;
        for (int i = nextChange; i < changes.size() && changes.get(i).time() <= t; i++) {
            ScheduledChange c = changes.get(i);
            if (c.phase() == phase) {
                c.apply(y, p);
                if (inputs != null) {
                    c.applyInputs(y, p, inputs);
                }
                any = true;
            }
        }
        return any;
    }

    /** After a jump of the state: the values algebraic rules determine are solved for again. */
    private void consistent() {
        if (algebraic) {
            org.osteon.solve.AlgebraicProjection.project(ModelFunction.of(model, p), t, y);
        }
    }

    /** dy/dt = 0 for one dummy state: what a model without states is integrated as. */
    private static final OdeFunction NO_STATES = new OdeFunction() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = 0;
        }

        @Override
        public void jacobian(double t, double[] y, double[] dfdy) {
            dfdy[0] = 0;
        }

        @Override
        public boolean hasAnalyticJacobian() {
            return true;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }
    };

    private void integrateTo(double target) {
        if (segments++ > 0) {
            context.statistics().restarts++;
            restartTimes.add(t);
        }
        if (history != null) {
            history.parametersFrom(t, p);
        }
        events.startSegment(t, y, p);
        OdeFunction f = ModelFunction.onSegment(model, p, t, target, inputs == null ? null : inputs.clone());
        System.arraycopy(y, 0, start, 0, y.length);
        if (y.length == 0) {
            // Only rules and events: integrate a dummy state with zero derivative, so steps, dense
            // output and event location work as for any model (the model never reads the slot).
            f = NO_STATES;
            start[0] = 0;
        }
        double[] scratch = this.scratch;
        double[] eventState = this.eventState;
        double[] eventTime = {Double.NaN};
        try {
            integrator.integrate(f, t, start, target, step -> {
                double tEvent = events.isEmpty() ? Double.NaN : events.locate(step, p, scratch);
                if (history != null) {
                    history.record(step, Double.isNaN(tEvent) ? step.endTime() : tEvent);
                }
                if (!Double.isNaN(tEvent)) {
                    recorder.recordBefore(step, tEvent, p, scratch);
                    step.interpolate(tEvent, eventState);
                    eventTime[0] = tEvent;
                    return false;
                }
                if (step.endTime() < target) {
                    recorder.recordThrough(step, p, scratch);
                } else {
                    recorder.recordBefore(step, target, p, scratch);
                }
                System.arraycopy(step.endState(), 0, eventState, 0, eventState.length);
                events.endStep(step.endTime(), step.endState(), p);
                return true;
            }, context);
        } catch (SolverException e) {
            int c = e.component();
            throw c >= 0 && c < layout.stateCount() ? e.withComponentName(layout.states().get(c).id()) : e;
        }
        t = Double.isNaN(eventTime[0]) ? target : eventTime[0];
        System.arraycopy(eventState, 0, y, 0, y.length);
    }
}
