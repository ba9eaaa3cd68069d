package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.analysis.Monitor;
import org.osteon.scenario.ScenarioRunner;

/**
 * How {@link Fit} searches and what it reports of the search: Latin-hypercube starts (one point in
 * each of n equal strata of every coordinate, within the bounds or a box around the start),
 * multi-start and CMA-ES fits that all reach the least-squares optimum of the line model, starts
 * that cannot be simulated, and the fitted curves for plots.
 */
class FitSearchTest {
    private static final String LINEAR_BOTH = "estimate:\n  - {name: y, initial: 1, lower: -20, upper: 20, scale: linear}\n"
            + "  - {name: b, initial: 1, lower: -5, upper: 5, scale: linear}\nerror: {additive: 0.5}\n";

    @TempDir
    Path dir;

    private final ScenarioRunner runner = LineFits.runner();

    /** Each coordinate of the n points falls once into each of n equal strata of [lo, hi]. */
    private static void assertStratified(List<double[]> pts, int n, double[] lo, double[] hi) {
        assertThat(pts).hasSize(n);
        for (int j = 0; j < lo.length; j++) {
            int[] strata = new int[n];
            for (int i = 0; i < n; i++) {
                double x = pts.get(i)[j];
                assertThat(x).isBetween(lo[j], hi[j]);
                strata[i] = Math.min(n - 1, (int) Math.floor((x - lo[j]) / (hi[j] - lo[j]) * n));
            }
            Arrays.sort(strata);
            for (int i = 0; i < n; i++) {
                assertThat(strata[i]).as("coordinate %d, stratum %d", j, i).isEqualTo(i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 17, 123456789})
    void latinHypercubeStartsFillEveryStratumWithinTheBounds(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 1 + rng.nextInt(9);
        double[] lo = {-3, Math.log(0.1), 0};
        double[] hi = {5, Math.log(100), 1e-3};
        double[] u0 = {0, 0, 5e-4};
        List<double[]> pts = Fit.latinHypercube(u0, lo, hi, new boolean[3], n, seed);
        assertStratified(pts, n, lo, hi);
        assertThat(Fit.latinHypercube(u0, lo, hi, new boolean[3], n, seed)).as("seeded")
                .usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1).containsExactlyElementsOf(pts);
        assertThat(Fit.latinHypercube(u0, lo, hi, new boolean[3], 0, seed)).isEmpty();
        // each coordinate has its own random order of strata: with 8 points, three identical orders have probability 1/8!^2
        List<double[]> eight = Fit.latinHypercube(u0, lo, hi, new boolean[3], 8, seed);
        boolean sameOrder = Arrays.equals(order(eight, 0), order(eight, 1)) && Arrays.equals(order(eight, 1), order(eight, 2));
        assertThat(sameOrder).as("all three coordinates in the same order of strata").isFalse();
    }

    private static Integer[] order(List<double[]> pts, int j) {
        Integer[] idx = new Integer[pts.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(pts.get(a)[j], pts.get(b)[j]));
        return idx;
    }

    /**
     * Without finite bounds the box is a factor of 10 around the start for a log-scaled estimate
     * (ln u0 +- ln 10) and +-100 % of the start, at least +-1, for a linear one.
     */
    @Test
    void withoutBoundsTheBoxIsAFactorOfTenOrPlusMinusOneHundredPercent() {
        double inf = Double.POSITIVE_INFINITY;
        double[] u0 = {Math.log(2), 5, -0.2};
        boolean[] log = {true, false, false};
        List<double[]> pts = Fit.latinHypercube(u0, new double[] {-inf, -inf, -inf}, new double[] {inf, inf, inf}, log, 8, 5);
        assertStratified(pts, 8, new double[] {Math.log(0.2), 0, -1.2}, new double[] {Math.log(20), 10, 0.8});
        List<double[]> half = Fit.latinHypercube(u0, new double[] {Math.log(1), 4, -1}, new double[] {inf, inf, inf}, log, 6, 9);
        assertStratified(half, 6, new double[] {Math.log(1), 4, -1}, new double[] {Math.log(20), 10, 0.8});
    }

    /** A log-scaled estimate without bounds is started within a factor of 10 of its initial value, stratified in ln. */
    @Test
    void unboundedLogScaledEstimatesStartWithinAFactorOfTen() {
        FitResult r = Fit.run(LineFits.spec(dir, runner, LineFits.LINE, LineFits.FOUR_POINTS,
                "estimate:\n  - {name: y, initial: 1, lower: -20, upper: 20, scale: linear}\n  - {name: b, initial: 2, scale: log}\n"
                        + "error: {additive: 0.5}\nglobal: {starts: 5, seed: 4}\n"), runner, Monitor.NONE);
        List<double[]> starts = r.starts().subList(1, 5).stream().map(s -> new double[] {s.start()[0], Math.log(s.start()[1])}).toList();
        assertStratified(starts, 4, new double[] {-20, Math.log(0.2)}, new double[] {20, Math.log(20)});
        assertThat(r.parameter("b").estimate()).isCloseTo(1.94, offset(1e-6));
    }

    /** Least squares of a line is convex: every start reaches the OLS estimates (b 1.94, y0 1.15). */
    @Test
    void multistartFitsFromStratifiedStartsAllReachTheOptimum() {
        FitResult r = Fit.run(LineFits.spec(dir, runner, LineFits.LINE, LineFits.FOUR_POINTS,
                LINEAR_BOTH + "global: {method: multistart, starts: 4, seed: 3}\n"), runner, Monitor.NONE);
        assertThat(r.starts()).hasSize(4);
        assertThat(r.starts().get(0).start()).containsExactly(1.0, 1.0);
        assertStratified(r.starts().subList(1, 4).stream().map(FitResult.Start::start).toList(), 3,
                new double[] {-20, -5}, new double[] {20, 5});
        double m2ll = 0.082 / 0.25 + 4 * Math.log(2 * Math.PI * 0.25);
        int evaluations = 0;
        for (int i = 0; i < 4; i++) {
            FitResult.Start s = r.starts().get(i);
            assertThat(s.index()).isEqualTo(i);
            assertThat(s.converged()).isTrue();
            assertThat(s.objective()).isCloseTo(m2ll, offset(1e-7));
            evaluations += s.evaluations();
        }
        assertThat(r.evaluations()).isEqualTo(evaluations);
        assertThat(r.parameter("b").estimate()).isCloseTo(1.94, offset(1e-7));
        assertThat(r.parameter("y").estimate()).isCloseTo(1.15, offset(1e-7));
    }

    /** CMA-ES adds one start (after the initial values), inside the box, from which the local fit also reaches the optimum. */
    @Test
    void cmaesAddsOneStartInsideTheBox() {
        String spec = LINEAR_BOTH + "global: {method: cmaes, seed: 11}\nmax_evaluations: 60\n";
        FitResult r = Fit.run(LineFits.spec(dir, runner, LineFits.LINE, LineFits.FOUR_POINTS, spec), runner, Monitor.NONE);
        assertThat(r.starts()).hasSize(2);
        double[] c = r.starts().get(1).start();
        assertThat(c[0]).isBetween(-20.0, 20.0);
        assertThat(c[1]).isBetween(-5.0, 5.0);
        assertThat(c).as("CMA-ES moved from the initial values").isNotEqualTo(new double[] {1, 1});
        assertThat(r.starts().get(1).converged()).isTrue();
        assertThat(r.starts().get(1).objective()).isCloseTo(0.082 / 0.25 + 4 * Math.log(2 * Math.PI * 0.25), offset(1e-7));
        FitResult again = Fit.run(LineFits.spec(dir, runner, LineFits.LINE, LineFits.FOUR_POINTS, spec), runner, Monitor.NONE);
        assertThat(again.starts().get(1).start()).as("seeded").containsExactly(c);
    }

    /**
     * y' = c y^2, y(0) = 1 has no solution past t = 1/c: with data up to t = 5 every start with
     * c >= 0.2 fails and is reported so, while the fit from the initial c = 0.1 succeeds.
     */
    @Test
    void startsThatCannotBeSimulatedAreReportedAndSkipped() {
        String csv = "time,output,value\n1,y,1.111\n2,y,1.25\n3,y,1.429\n5,y,2\n";
        FitResult r = Fit.run(LineFits.spec(dir, runner, LineFits.BLOWUP, csv,
                "estimate:\n  - {name: c, initial: 0.1, lower: 0.01, upper: 1, scale: linear}\nerror: {additive: 0.01}\n"
                        + "global: {starts: 5, seed: 2}\n"), runner, Monitor.NONE);
        assertThat(r.starts()).hasSize(5);
        int failed = 0;
        for (FitResult.Start s : r.starts()) {
            if (s.start()[0] >= 0.2) {
                failed++;
                assertThat(s.converged()).isFalse();
                assertThat(s.objective()).isNaN();
                assertThat(s.message()).startsWith("failed: the model cannot be simulated at the start (");
            }
        }
        assertThat(failed).as("strata above c = 0.2 of 4 in [0.01, 1]").isGreaterThanOrEqualTo(3);
        assertThat(r.starts().get(0).converged()).isTrue();
        assertThat(r.parameter("c").estimate()).isCloseTo(0.1, offset(1e-3));
    }

    /**
     * Data of c = 0.19 (y(5) = 1 / (1 - 0.95) = 20) fitted from c = 0.1: the first Gauss-Newton step
     * (residual 18 at t = 5 over dy/dc = t y^2 = 20) goes to c = 1, where no solution reaches t = 5. Such
     * trial points cost the optimiser a large residual, it steps back, still reaches c = 0.19, and the
     * result says how many trial points failed and why.
     */
    @Test
    void trialPointsThatCannotBeSimulatedAreStepsBackAndAreCounted() {
        double[] t = {1, 2, 3, 4, 5};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 1 / (1 - 0.19 * t[i]);
        }
        FitResult r = Fit.run(LineFits.spec(dir, runner, LineFits.BLOWUP, LineFits.csv(t, y),
                "estimate:\n  - {name: c, initial: 0.1, lower: 0.01, upper: 1, scale: linear}\nerror: {additive: 0.01}\n"),
                runner, Monitor.NONE);
        assertThat(r.parameter("c").estimate()).isCloseTo(0.19, offset(1e-6));
        assertThat(r.converged()).isTrue();
        assertThat(r.message()).matches("converged after \\d+ iterations; [1-9]\\d* trial point\\(s\\) could not be simulated \\(first: .+\\)");
        assertThat(r.starts().get(0).message()).startsWith("converged after ");
    }

    /**
     * Curves of y = y0 + b t at given estimates (y0 = 2, b = 3) as percent of baseline, 100 (2 + 3 t) / 2,
     * on each group's run (A without a scenario spans its data, to 2; B's scenario runs from 1, where y = y0, to 6) at 3
     * evenly spaced times plus the data times.
     */
    @Test
    void curvesAreTheModelAtTheEstimatesOnEachGroupsRunAndDataTimes() {
        LineFits.write(dir.resolve("b.yaml"), "model: m.ant\nstart: 1\nuntil: 6\n");
        FitSpec spec = LineFits.spec(dir, runner, LineFits.LINE, "time,output,value,group\n1,y,250,A\n2,y,400,A\n4.5,y,100,B\n",
                "groups: {B: b.yaml}\ntransform: {y: percent_of_baseline}\n" + LINEAR_BOTH);
        FitResult.Parameter y0 = new FitResult.Parameter("y", 2, 0, 0, 0, "linear", 1, -20, 20, Double.NaN, Double.NaN, "");
        FitResult.Parameter b = new FitResult.Parameter("b", 3, 0, 0, 0, "linear", 1, -5, 5, Double.NaN, Double.NaN, "");
        FitResult at = new FitResult(List.of(y0, b), 0, 0, 3, true, "", 0, List.of(), new double[2][2], List.of(), List.of(), "", "", 0);
        List<Curve> curves = Fit.curves(spec, runner, at, 3);
        assertThat(curves).hasSize(2);
        assertThat(curves.get(0).group()).isEqualTo("A");
        assertThat(curves.get(0).output()).isEqualTo("y");
        assertThat(curves.get(0).times()).containsExactly(0, 1, 2);
        assertThat(curves.get(1).group()).isEqualTo("B");
        assertThat(curves.get(1).times()).as("B starts at 1").containsExactly(1, 3.5, 4.5, 6);
        for (Curve c : curves) {
            double start = c.times()[0];
            for (int i = 0; i < c.times().length; i++) {
                assertThat(c.values()[i]).isCloseTo(100 * (2 + 3 * (c.times()[i] - start)) / 2, offset(1e-6));
            }
        }
    }

    /** Error models by output are named in the result after the general one. */
    @Test
    void errorModelsByOutputAreNamed() {
        FitResult r = Fit.run(LineFits.spec(dir, runner, LineFits.LINE, LineFits.FOUR_POINTS,
                "estimate:\n  - {name: b, initial: 1, scale: linear}\nerror: {y: {additive: 0.5}}\n"), runner, Monitor.NONE);
        assertThat(r.errorModel()).startsWith("additive, sd 0.5; by output: {y=");
        assertThat(r.parameter("b").estimate()).as("b with y0 = 1 fixed: sum (y - 1) t / sum t^2 = 59.7 / 30")
                .isCloseTo(59.7 / 30, offset(1e-7));
    }
}
