package org.osteon.simulation;

import org.osteon.solve.SolverWorkspace;

/**
 * What one thread reuses from run to run when it solves many problems (a scan, a population, a
 * fit, a global sensitivity analysis): the integrators' working storage ({@link SolverWorkspace}).
 * Create one per worker thread and pass it to
 * {@link Simulator#solve(SimulationProblem, SolverSettings, SimulationWorkspace, java.util.List)};
 * never share one between threads (it is not thread-safe). Results do not depend on it.
 */
public final class SimulationWorkspace {
    private final SolverWorkspace solver = new SolverWorkspace();

    /** The integrators' reusable storage. */
    public SolverWorkspace solver() {
        return solver;
    }
}
