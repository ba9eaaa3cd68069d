package org.osteon.analysis;

import org.osteon.simulation.ModelFunction;
import org.osteon.simulation.SimulationProblem;
import org.osteon.solve.SolverException;
import org.osteon.solve.SteadyState;
import org.osteon.solve.SteadyStateSolver;

/**
 * Starts a run from the steady state of its own parameters, so that each point of a scan, each
 * virtual patient or each sensitivity sample begins in equilibrium instead of relaxing from the
 * model's default initial values. The equilibrium is that of the parameters at the start time
 * before any scheduled change: a regimen or intervention starting at t0 acts on the equilibrium.
 */
public final class SteadyStart {
    private static final SteadyStateSolver SOLVER = new SteadyStateSolver();

    private SteadyStart() {
    }

    /** {@code factory} as it is for {@link InitialState#SCENARIO}, or moved to steady state. */
    public static ProblemFactory of(ProblemFactory factory, InitialState initial) {
        if (initial == InitialState.SCENARIO) {
            return factory;
        }
        return overrides -> atSteadyState(factory.problem(overrides));
    }

    /**
     * The problem with its initial state replaced by the steady state found from it.
     *
     * @throws SolverException of reason {@code NO_CONVERGENCE} when no steady state is found
     */
    public static SimulationProblem atSteadyState(SimulationProblem p) {
        double[] parameters = p.parameters();
        SteadyState ss = SOLVER.solve(ModelFunction.of(p.model(), parameters),
                SteadyStateSolver.Options.of(p.initialState()).withTime(p.t0()));
        return new SimulationProblem(p.model(), ss.state(), parameters, p.t0(), p.tEnd(), p.outputTimes(), p.changes(),
                p.recordedParameters(), p.recordedOutputs());
    }
}
