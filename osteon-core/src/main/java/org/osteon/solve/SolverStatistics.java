package org.osteon.solve;

/** Work counters of one simulation run; mutable, owned by one {@link IntegrationContext}. */
public final class SolverStatistics {
    public long acceptedSteps;
    public long rejectedSteps;
    public long functionEvaluations;
    public long jacobianEvaluations;
    public long decompositions;
    public long restarts;
    public long stiffSwitches;

    @Override
    public String toString() {
        return "steps=" + acceptedSteps + " rejected=" + rejectedSteps + " f=" + functionEvaluations
                + " J=" + jacobianEvaluations + " LU=" + decompositions + " restarts=" + restarts
                + (stiffSwitches > 0 ? " stiffSwitches=" + stiffSwitches : "");
    }
}
