package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.osteon.util.SparsityPattern;

/**
 * {@link SolverWorkspace}: storage reused from one integrate() call to the next must not change a
 * single bit of the result. The expected values are those of the same computation without a
 * workspace, so equality is exact.
 */
class SolverWorkspaceTest {
    private record Problem(OdeFunction f, double[] y0, double tEnd, double rtol, double atol) {
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem(TestProblems.hires(), TestProblems.HIRES_Y0, TestProblems.HIRES_T_END, 1e-6, 1e-10),
            new Problem(TestProblems.decay(), new double[] {1, 1, 1}, 10, 1e-6, 1e-10),
            new Problem(TestProblems.logistic(), new double[] {TestProblems.LOG_Y0}, 20, 1e-6, 1e-10),
            new Problem(TestProblems.hires(), TestProblems.HIRES_Y0, 5.0, 1e-8, 1e-12));

    /** End state and work counters of one run; the workspace may be null. */
    private static double[] run(String method, Problem p, SolverWorkspace workspace) {
        IntegrationContext ctx = new IntegrationContext(Tolerances.of(p.y0().length, p.rtol(), p.atol()), 1_000_000, 0,
                Cancellation.NONE, workspace);
        double[] mid = new double[p.y0().length];
        double[] sum = new double[1];
        double[] end = Measure.endState(Integrators.byName(method), p.f(), p.y0(), p.tEnd(), ctx);
        // dense output too: interpolate inside every step of a second run
        IntegrationContext ctx2 = new IntegrationContext(Tolerances.of(p.y0().length, p.rtol(), p.atol()), 1_000_000, 0,
                Cancellation.NONE, workspace);
        Integrators.byName(method).integrate(p.f(), 0, p.y0(), p.tEnd(), step -> {
            step.interpolate(0.5 * (step.startTime() + step.endTime()), mid);
            sum[0] += mid[0];
            return true;
        }, ctx2);
        // the run is over: storage bdf kept across its segments goes back to the workspace
        ctx.endRun();
        ctx2.endRun();
        SolverStatistics s = ctx.statistics();
        double[] out = java.util.Arrays.copyOf(end, end.length + 5);
        out[end.length] = s.acceptedSteps;
        out[end.length + 1] = s.rejectedSteps;
        out[end.length + 2] = s.functionEvaluations;
        out[end.length + 3] = s.jacobianEvaluations;
        out[end.length + 4] = sum[0];
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "auto", "bdf"})
    void runsReusingOneWorkspaceMatchFreshRunsBitForBit(String method) {
        SolverWorkspace workspace = new SolverWorkspace();
        for (int round = 0; round < 2; round++) {
            for (Problem p : PROBLEMS) { // different problems and sizes in turn on the same workspace
                assertThat(run(method, p, workspace)).isEqualTo(run(method, p, null));
            }
        }
        assertThat(workspace.reused()).isGreaterThan(0);
    }

    /**
     * A reused sparse iteration matrix chooses its pivots afresh: the first matrix needs
     * off-diagonal pivots (its diagonal is tiny), the next one would accept that stale pivot order
     * in a refactorisation but gets the pivots a new matrix would choose, hence the same solution.
     */
    @Test
    void aReusedSparseMatrixPivotsAsANewOneWould() {
        Random random = new Random(7);
        int n = 40;
        double c = 1e-3;
        int staleWouldDiffer = 0;
        for (int trial = 0; trial < 20; trial++) {
            SparsityPattern pattern = SparseLUTest.randomPattern(random, n, 3);
            double[] values = new double[pattern.nonZeros()];
            OdeFunction f = TestProblems.fixedJacobian(pattern, values);
            double[] b = random.doubles(n, -1, 1).toArray();
            fill(random, pattern, values, 1e-6);
            double[] firstValues = values.clone();
            SolverWorkspace workspace = new SolverWorkspace();
            IterationMatrix first = workspace.takeMatrix(f);
            assertThat(first.kind()).isEqualTo("sparse");
            factorAndSolve(first, f, c, b.clone());
            workspace.giveBack(f, first);

            fill(random, pattern, values, 1.0);
            IterationMatrix again = workspace.takeMatrix(f);
            assertThat(again).isSameAs(first);
            double[] reused = b.clone();
            boolean okReused = factorAndSolve(again, f, c, reused);
            double[] fresh = b.clone();
            boolean okFresh = factorAndSolve(IterationMatrix.of(f), f, c, fresh);
            assertThat(okReused).isEqualTo(okFresh);
            assertThat(reused).isEqualTo(fresh);

            // the same two matrices on one object that keeps its pivot order: what a leak would give
            double[] secondValues = values.clone();
            IterationMatrix stale = IterationMatrix.of(f);
            System.arraycopy(firstValues, 0, values, 0, values.length);
            factorAndSolve(stale, f, c, b.clone());
            System.arraycopy(secondValues, 0, values, 0, values.length);
            double[] staleX = b.clone();
            if (factorAndSolve(stale, f, c, staleX) && !java.util.Arrays.equals(staleX, fresh)) {
                staleWouldDiffer++;
            }
        }
        assertThat(staleWouldDiffer).as("trials where a stale pivot order changes the solution").isGreaterThan(0);
    }

    /** Random values in [-1, 1], diagonal entries scaled by {@code diagonal}. */
    private static void fill(Random random, SparsityPattern p, double[] values, double diagonal) {
        for (int i = 0; i < p.size(); i++) {
            for (int k = p.rowStart(i); k < p.rowStart(i + 1); k++) {
                values[k] = (2 * random.nextDouble() - 1) * (p.column(k) == i ? diagonal : 1);
            }
        }
    }

    private static boolean factorAndSolve(IterationMatrix m, OdeFunction f, double c, double[] b) {
        int n = f.dimension();
        m.evaluate(f, 0, new double[n], new double[n], new double[n], new double[n], new SolverStatistics());
        if (!m.factor(c)) {
            return false;
        }
        m.solve(b);
        return true;
    }
}
