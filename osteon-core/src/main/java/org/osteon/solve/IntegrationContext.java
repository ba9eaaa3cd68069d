package org.osteon.solve;

/**
 * What carries over between the segments of one run (an integration restarted at breakpoints
 * and events): tolerances, the step budget, the last step size, counters, and the stiffness
 * verdict of the {@code auto} method. One per run; not thread-safe.
 */
public final class IntegrationContext {
    private final Tolerances tolerances;
    private final long maxSteps;
    private final double maxStepSize;
    private final Cancellation cancellation;
    /** Storage reused across integrate() calls on this thread, or null: each call allocates its own. */
    private final SolverWorkspace workspace;
    private final SolverStatistics statistics = new SolverStatistics();
    private double lastStepSize = Double.NaN;
    private boolean stiff;
    /** What an integrator hands from one segment to the next (BDF: its iteration matrix); null at first. */
    private Carried carried;

    /** An integrator's state kept across the segments of one run, holding storage borrowed from the workspace. */
    interface Carried {
        /** Gives the borrowed storage back to the workspace; the state is not used afterwards. */
        void release();
    }

    public IntegrationContext(Tolerances tolerances, long maxSteps, double maxStepSize) {
        this(tolerances, maxSteps, maxStepSize, Cancellation.NONE);
    }

    /** @param cancellation consulted after every step (accepted or rejected); {@link Cancellation#NONE} for none */
    public IntegrationContext(Tolerances tolerances, long maxSteps, double maxStepSize, Cancellation cancellation) {
        this(tolerances, maxSteps, maxStepSize, cancellation, null);
    }

    /**
     * @param workspace storage the integrators reuse from call to call (owned by the calling
     *                  thread), or null to allocate it on every call; results are the same
     */
    public IntegrationContext(Tolerances tolerances, long maxSteps, double maxStepSize, Cancellation cancellation,
                              SolverWorkspace workspace) {
        this.workspace = workspace;
        this.tolerances = tolerances;
        this.maxSteps = maxSteps;
        this.maxStepSize = maxStepSize > 0 ? maxStepSize : Double.POSITIVE_INFINITY;
        this.cancellation = java.util.Objects.requireNonNull(cancellation, "cancellation");
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** Throws a {@link SolverException} of reason {@code CANCELLED} at time {@code t} if the run must stop. */
    public void checkCancelled(double t) {
        String reason = cancellation.stopReason();
        if (reason != null) {
            throw new SolverException(SolverException.Reason.CANCELLED, t, -1, "run stopped at t=" + t + ": " + reason);
        }
    }

    /** The reusable storage of the calling thread, or null. */
    public SolverWorkspace workspace() {
        return workspace;
    }

    public Tolerances tolerances() {
        return tolerances;
    }

    /** Total accepted plus rejected steps allowed over the whole run. */
    public long maxSteps() {
        return maxSteps;
    }

    public double maxStepSize() {
        return maxStepSize;
    }

    public SolverStatistics statistics() {
        return statistics;
    }

    /** Last accepted step size, a hint for the first step after a restart; NaN before any step. */
    public double lastStepSize() {
        return lastStepSize;
    }

    public void lastStepSize(double h) {
        this.lastStepSize = h;
    }

    /** The integrator's state kept across the segments of this run (see {@link Bdf}), or null. */
    Carried carried() {
        return carried;
    }

    /** Keeps {@code value} for the next segment; a different state kept before gives its storage back. */
    void carried(Carried value) {
        if (carried != null && carried != value) {
            carried.release();
        }
        this.carried = value;
    }

    /**
     * Ends the run: storage an integrator kept across its segments (BDF's iteration matrix and
     * history) goes back to the {@link #workspace()}, for the next run on this thread. Call it
     * once the run's last segment is integrated (or has failed); a context whose run was ended
     * starts afresh if it is integrated with again. Without a workspace it only drops the state.
     */
    public void endRun() {
        Carried c = carried;
        carried = null;
        if (c != null) {
            c.release();
        }
    }

    public boolean stiff() {
        return stiff;
    }

    public void stiff(boolean value) {
        this.stiff = value;
    }

    /** Throws when the run has used its step budget, or when its {@link Cancellation} says stop. */
    public void countStep(boolean accepted, double t) {
        if (accepted) {
            statistics.acceptedSteps++;
        } else {
            statistics.rejectedSteps++;
        }
        if (statistics.acceptedSteps + statistics.rejectedSteps > maxSteps) {
            throw new SolverException(SolverException.Reason.TOO_MANY_STEPS, t, -1,
                    "more than " + maxSteps + " steps before t=" + t + " (raise maxSteps or check the model for stiffness or a blow-up)");
        }
        checkCancelled(t);
    }
}
