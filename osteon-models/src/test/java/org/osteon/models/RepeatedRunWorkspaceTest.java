package org.osteon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.osteon.analysis.Axis;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.ProblemFactory;
import org.osteon.analysis.Scan;
import org.osteon.analysis.ScanResult;
import org.osteon.analysis.Summary;
import org.osteon.analysis.population.LocalPopulation;
import org.osteon.analysis.population.PatientResult;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.compile.CompiledModel;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.SimulationWorkspace;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.trajectory.Trajectory;

/**
 * Repeated runs with per-thread workspaces (scans, populations, fits, sensitivity analyses): a
 * run that reuses a workspace must give exactly the numbers of a run that allocates everything
 * afresh, whatever ran on that workspace before (no state may leak from one run into the next),
 * and several threads must give what one thread gives. Exact equality (bit for bit) is the
 * expected value: the reference is the same solver without reuse, so any difference is a leak.
 * pivonka2008 (3 states) takes the dense linear algebra, rankl-pathway (37 states, denosumab
 * doses restarting the integrator, the auto method switching to Rodas5P) the sparse one.
 */
class RepeatedRunWorkspaceTest {
    private static final ModelCatalog CATALOG = ModelCatalogs.discover();
    private static final ScenarioRunner RUNNER = new ScenarioRunner(CATALOG);

    private record Case(String scenario, List<String> kept, Map<String, double[]> ranges) {
    }

    private static final Case PIVONKA = new Case("pivonka2008-pth", List.of("OCa", "OBa", "OBp"),
            Map.of("K_D8", new double[] {1, 20}, "A_OCa", new double[] {0.3, 1.5}));
    private static final Case RANKL = new Case("rankl-pathway-menopause-denosumab", List.of("BV_change", "CTX", "P1NP"),
            Map.of("K_D8", new double[] {2, 8}, "CL_den", new double[] {0.5, 2}));

    /** The problems of a case for seeded random parameter sets, the model compiled once. */
    private static List<SimulationProblem> problems(Case c, long seed, int count) {
        Scenario s = CATALOG.scenario(c.scenario()).orElseThrow();
        CompiledModel model = RUNNER.model(s);
        ProblemFactory factory = ProblemFactory.of(RUNNER, s, model);
        Random random = new Random(seed);
        List<SimulationProblem> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Map<String, Double> values = new HashMap<>();
            c.ranges().forEach((name, range) -> values.put(name, range[0] + random.nextDouble() * (range[1] - range[0])));
            out.add(factory.problem(values));
        }
        return out;
    }

    private static SolverSettings settings(Case c) {
        return RUNNER.settings(CATALOG.scenario(c.scenario()).orElseThrow());
    }

    private static void assertSameColumns(Trajectory reused, Trajectory fresh, List<String> kept) {
        assertThat(reused.times()).isEqualTo(fresh.times());
        for (String column : kept) {
            // Arrays.equals on double[]: bit for bit
            assertThat(reused.column(column)).as(column).isEqualTo(fresh.column(column));
        }
        assertThat(reused.runInfo().acceptedSteps()).isEqualTo(fresh.runInfo().acceptedSteps());
        assertThat(reused.runInfo().functionEvaluations()).isEqualTo(fresh.runInfo().functionEvaluations());
    }

    @Test
    void oneWorkspaceReusedAcrossParameterSetsAndModelsGivesTheNumbersOfFreshRuns() {
        List<SimulationProblem> pivonka = problems(PIVONKA, 11, 6);
        List<SimulationProblem> rankl = problems(RANKL, 12, 4);
        SimulationWorkspace workspace = new SimulationWorkspace();
        // interleaved: each run follows runs of other parameter sets and of the other model
        for (int k = 0; k < 4; k++) {
            for (SimulationProblem p : List.of(pivonka.get(k), rankl.get(k), pivonka.get(k + 2))) {
                Case c = p.model() == rankl.get(0).model() ? RANKL : PIVONKA;
                Trajectory fresh = Simulator.solve(p, settings(c));
                Trajectory reused = Simulator.solve(p, settings(c), workspace, c.kept());
                assertSameColumns(reused, fresh, c.kept());
            }
        }
        // the same problem again at the end, after everything else used the workspace
        Trajectory first = Simulator.solve(rankl.get(0), settings(RANKL));
        assertSameColumns(Simulator.solve(rankl.get(0), settings(RANKL), workspace, RANKL.kept()), first, RANKL.kept());
        assertThat(workspace.solver().reused()).as("storage handed out again").isGreaterThan(10);
    }

    /**
     * bdf keeps its iteration matrix and history across the segments of a run (the denosumab doses
     * of rankl-pathway restart the integrator) and borrows them from the workspace until the run
     * ends: dense for pivonka2008, sparse LU for rankl-pathway. Interleaved runs on one workspace
     * must give the numbers and work counters of fresh runs.
     */
    @Test
    void bdfRunsOnOneWorkspaceGiveTheNumbersOfFreshRuns() {
        List<SimulationProblem> pivonka = problems(PIVONKA, 21, 3);
        List<SimulationProblem> rankl = problems(RANKL, 22, 3);
        SimulationWorkspace workspace = new SimulationWorkspace();
        for (int k = 0; k < 3; k++) {
            for (SimulationProblem p : List.of(rankl.get(k), pivonka.get(k))) {
                Case c = p.model() == rankl.get(0).model() ? RANKL : PIVONKA;
                SolverSettings bdf = settings(c).withMethod("bdf");
                Trajectory fresh = Simulator.solve(p, bdf);
                Trajectory reused = Simulator.solve(p, bdf, workspace, c.kept());
                assertSameColumns(reused, fresh, c.kept());
                assertThat(reused.runInfo().jacobianEvaluations()).isEqualTo(fresh.runInfo().jacobianEvaluations());
                assertThat(reused.runInfo().decompositions()).isEqualTo(fresh.runInfo().decompositions());
                if (c == RANKL) {
                    assertThat(fresh.runInfo().restarts()).as("segments of the run").isGreaterThan(1);
                }
            }
        }
        assertThat(workspace.solver().reused()).as("bdf's storage handed out again").isGreaterThanOrEqualTo(8);
    }

    @Test
    void aRunKeepsOnlyTheColumnsAskedFor() {
        SimulationProblem p = problems(RANKL, 13, 1).get(0);
        Trajectory kept = Simulator.solve(p, settings(RANKL), new SimulationWorkspace(), List.of("CTX", "BV_change"));
        assertThat(kept.columns()).extracting(col -> col.id()).containsExactlyInAnyOrder("CTX", "BV_change");
    }

    @Test
    void twoThreadsGiveWhatOneThreadGives() throws Exception {
        String yaml = """
                scenario: rankl-pathway-menopause-denosumab
                until: 730
                step: 30.4375
                n: 48
                seed: 5
                covariates:
                  weight: {distribution: lognormal, median: 66, cv: 0.18, min: 40, max: 120}
                parameters:
                  V_c_den: {distribution: lognormal, cv: 0.25, covariates: {weight: {power: 1.0, reference: 66}}}
                  CL_den: {distribution: lognormal, cv: 0.3}
                  K_D8: {distribution: lognormal, cv: 0.2}
                outputs: [BV_change, CTX, P1NP]
                """;
        PopulationJob job = PopulationRecipe.of(yaml, "pop.yaml", null, CATALOG).job(CATALOG);
        Map<Integer, double[][]> parallel = new ConcurrentHashMap<>();
        LocalPopulation.run(job, 2, Monitor.NONE, r -> parallel.put(r.patient(), r.values()));
        assertThat(parallel).hasSize(48);
        SimulationWorkspace one = new SimulationWorkspace();
        for (int i = 0; i < 48; i++) {
            PatientResult alone = job.simulate(i);
            PatientResult sequential = job.simulate(i, one);
            assertThat(alone.succeeded()).isTrue();
            assertThat(sequential.values()).isDeepEqualTo(alone.values());
            assertThat(parallel.get(i)).as("patient %d", i).isDeepEqualTo(alone.values());
        }

        Scenario s = CATALOG.scenario(PIVONKA.scenario()).orElseThrow();
        ProblemFactory factory = ProblemFactory.of(RUNNER, s, RUNNER.model(s));
        Axis axis = Axis.logarithmic("K_D8", 1, 20, 40);
        ScanResult oneThread = new Scan(factory, settings(PIVONKA), 1).run(axis, null, PIVONKA.kept(), Summary.MAX, Monitor.NONE);
        ScanResult twoThreads = new Scan(factory, settings(PIVONKA), 2).run(axis, null, PIVONKA.kept(), Summary.MAX, Monitor.NONE);
        for (int o = 0; o < PIVONKA.kept().size(); o++) {
            double[] expected = new double[axis.size()];
            for (int k = 0; k < axis.size(); k++) {
                Trajectory fresh = Simulator.solve(factory.problem(Map.of("K_D8", axis.value(k))), settings(PIVONKA));
                expected[k] = fresh.max(PIVONKA.kept().get(o));
            }
            assertThat(oneThread.values()[o]).isEqualTo(expected);
            assertThat(twoThreads.values()[o]).isEqualTo(expected);
        }
    }
}
