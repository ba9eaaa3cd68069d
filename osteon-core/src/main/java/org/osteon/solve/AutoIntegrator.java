package org.osteon.solve;

/**
 * The {@code auto} method: Dopri5 with Hairer's stiffness test ({@link StiffnessDetector}); once
 * the test fires (h*lambda above 3.25 on 15 accepted steps, as in DOPRI5), the rest of the
 * segment is integrated with Rodas5P from the state reached, {@link IntegrationContext#stiff()}
 * is set and {@link SolverStatistics#stiffSwitches} counted. Later segments of the same run (after
 * events and breakpoints) start with Rodas5P directly. There is no switch back to the explicit
 * method: once a run has shown stiffness it stays on the stiff method.
 *
 * <p>The listener sees one continuous sequence of steps across the switch; the step on which the
 * stiffness was detected is a normal accepted Dopri5 step.
 */
public final class AutoIntegrator implements Integrator {
    static final String NAME = "auto";

    private final Dopri5 nonStiff = new Dopri5();
    private final Rodas5P stiff = new Rodas5P();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double integrate(OdeFunction f, double t0, double[] y0, double tStop, StepListener listener,
                            IntegrationContext context) {
        if (context != null && context.stiff()) {
            return stiff.integrate(f, t0, y0, tStop, listener, context);
        }
        if (f.algebraicComponents().length > 0) {
            // a differential-algebraic system: only the Rosenbrock method with a mass matrix solves it
            return stiff.integrate(f, t0, y0, tStop, listener, context);
        }
        StiffnessDetector detector = new StiffnessDetector();
        double[] y = new double[y0 == null ? 0 : y0.length];
        boolean[] stopped = {false};
        StepListener watch = listener == null ? null : step -> {
            boolean goOn = listener.onStep(step);
            stopped[0] = !goOn;
            return goOn;
        };
        double t = nonStiff.integrate(f, t0, y0, tStop, watch, context, detector, y);
        if (!detector.stiff()) {
            return t;
        }
        context.stiff(true);
        context.statistics().stiffSwitches++;
        if (stopped[0] || t >= tStop) {
            return t;
        }
        return stiff.integrate(f, t, y, tStop, listener, context);
    }
}
