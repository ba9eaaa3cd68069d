package org.osteon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteon.compile.CompiledModel;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.solve.OdeFunction;
import org.osteon.solve.SteadyState;
import org.osteon.solve.SteadyStateSolver;
import org.osteon.solve.Tolerances;
import org.osteon.trajectory.Trajectory;

/**
 * Shared checks for the published-model tests: running shipped scenarios through the built-in
 * catalog, comparing with reference trajectories, steady states of a subsystem, and metadata.
 */
public final class BoneModelVerification {
    /** The catalog the CLI uses, so the shipped files are what is tested. */
    public static final BuiltInCatalog CATALOG = new BuiltInCatalog();

    /**
     * Tight settings for verification: rtol 1e-8, and an absolute tolerance far below the pM
     * scale of the cell states (1e-5..1e-3 pM), so the relative tolerance governs.
     */
    public static final SolverSettings TIGHT = new SolverSettings("auto", 1e-8, 1e-14, Map.of(), 10_000_000, 0);

    /** Required accuracy relative to each variable's peak: at TIGHT and at SolverSettings.DEFAULT. */
    public static final double TIGHT_LIMIT = 1e-6;
    public static final double DEFAULT_LIMIT = 1e-3;

    private BoneModelVerification() {
    }

    public static Scenario scenario(String id) {
        return CATALOG.scenario(id).orElseThrow(() -> new AssertionError("scenario " + id + " is not in the catalog"));
    }

    /** The shipped scenario's problem (model, start, interventions, grid), solved with the given settings. */
    public static Trajectory run(String scenarioId, SolverSettings settings) {
        return run(scenario(scenarioId), settings);
    }

    public static Trajectory run(Scenario s, SolverSettings settings) {
        ScenarioRunner runner = new ScenarioRunner(CATALOG);
        CompiledModel model = runner.model(s);
        SimulationProblem problem = runner.problem(s, model);
        return Simulator.solve(problem, settings);
    }

    /** Max error relative to peak for each Osteon column (key) against its reference column (value). */
    public static Map<String, Double> errors(Trajectory tr, ReferenceData ref, Map<String, String> columns) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            out.put(c.getKey(), ref.maxErrorRelativeToPeak(tr, c.getKey(), c.getValue()));
        }
        return out;
    }

    /** Prints one line of measured errors (copied into docs/models/*.md). */
    public static void print(String label, Map<String, Double> errors, Trajectory tr) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-44s", label));
        for (Map.Entry<String, Double> e : errors.entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s=%.2e", e.getKey(), e.getValue()));
        }
        sb.append(String.format(Locale.ROOT, "  [steps %d, f-evals %d, %.2f ms]", tr.runInfo().acceptedSteps(),
                tr.runInfo().functionEvaluations(), tr.runInfo().solveMillis()));
        System.out.println(sb);
    }

    /** Asserts every error is at most limit, naming the worst column. */
    public static void assertWithin(String label, Map<String, Double> errors, double limit) {
        for (Map.Entry<String, Double> e : errors.entrySet()) {
            assertThat(e.getValue()).as("%s: max |osteon - reference| / peak of %s", label, e.getKey()).isLessThanOrEqualTo(limit);
        }
    }

    /**
     * Steady state of the subsystem {@code solved} (other states held at their start values) of a
     * built-in model with its default parameters, from {@code guess}, with tolerances far below
     * the 1e-9 relative the tests ask for.
     */
    public static SteadyState steadyState(String modelId, List<String> solved, double[] guess) {
        CompiledModel model = CATALOG.compiled(modelId).orElseThrow();
        InitialConditions init = InitialConditions.prepare(model, Map.of(), 0);
        double[] p = init.parameters();
        double[] full = init.state();
        int n = model.layout().stateCount();
        int[] idx = solved.stream().mapToInt(id -> model.layout().stateIndex(id)).toArray();
        for (int i = 0; i < idx.length; i++) {
            assertThat(idx[i]).as("state %s", solved.get(i)).isGreaterThanOrEqualTo(0);
        }
        OdeFunction f = new OdeFunction() {
            @Override
            public int dimension() {
                return idx.length;
            }

            private double[] expand(double[] y) {
                double[] z = full.clone();
                for (int i = 0; i < idx.length; i++) {
                    z[idx[i]] = y[i];
                }
                return z;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                double[] d = new double[n];
                model.derivatives(t, expand(y), p, d);
                for (int i = 0; i < idx.length; i++) {
                    dydt[i] = d[idx[i]];
                }
            }

            @Override
            public void jacobian(double t, double[] y, double[] dfdy) {
                double[] j = new double[n * n];
                model.jacobian(t, expand(y), p, j);
                for (int a = 0; a < idx.length; a++) {
                    for (int b = 0; b < idx.length; b++) {
                        dfdy[a * idx.length + b] = j[idx[a] * n + idx[b]];
                    }
                }
            }

            @Override
            public boolean hasAnalyticJacobian() {
                return model.hasAnalyticJacobian();
            }

            @Override
            public boolean isAutonomous() {
                return true;
            }
        };
        double[] atol = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            atol[i] = 1e-16 * Math.abs(guess[i]);
        }
        double[] rtol = new double[idx.length];
        java.util.Arrays.fill(rtol, 1e-14);
        return new SteadyStateSolver().solve(f, SteadyStateSolver.Options.of(guess).withTolerances(Tolerances.of(rtol, atol)));
    }

    /** Every parameter, state and rule variable has a unit, a description (or display name) and a source. */
    public static List<String> missingMetadata(Model model) {
        List<String> missing = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            Metadata m = p.metadata();
            if (m.unit() == null) {
                missing.add(p.id() + ": unit");
            }
            if (m.description() == null && m.displayName() == null) {
                missing.add(p.id() + ": description");
            }
            if (m.source() == null) {
                missing.add(p.id() + ": source");
            }
        }
        return missing;
    }
}
