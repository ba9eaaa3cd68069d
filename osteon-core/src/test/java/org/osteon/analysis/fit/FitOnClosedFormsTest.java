package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.Monitor;
import org.osteon.scenario.ScenarioRunner;

/**
 * What {@link Fit#run} reports, on models whose least-squares answer has a closed form
 * ({@link LineFits}): estimates, standard errors, Wald and profile-likelihood intervals,
 * correlations, residuals, the objective, the search's starts and the identifiability findings.
 * Expected values come from the ordinary-least-squares formulas, never from a previous run.
 */
class FitOnClosedFormsTest {
    private static final double[] T4 = {1, 2, 3, 4};
    private static final double[] Y4 = {3.1, 4.9, 7.2, 8.8};
    private static final String LINEAR_BOTH = "estimate:\n  - {name: y, initial: 1, scale: linear}\n"
            + "  - {name: b, initial: 1, scale: linear}\n";

    @TempDir
    Path dir;

    private final ScenarioRunner runner = LineFits.runner();

    private FitResult fit(String model, String csv, String rest) {
        return Fit.run(LineFits.spec(dir, runner, model, csv, rest), runner, Monitor.NONE);
    }

    /**
     * OLS of the four points with sd 0.5: by hand b = 9.7 / 5 = 1.94, y0 = 6 - 1.94 * 2.5 = 1.15,
     * se(b) = 0.5 / sqrt(5), se(y0) = 0.5 sqrt(1/4 + 6.25/5), corr = -10 / sqrt(4 * 30); SSR = 0.082,
     * so -2 log L = SSR / 0.25 + 4 ln(2 pi 0.25).
     */
    @Test
    void aLineFitReportsTheLeastSquaresEstimatesStandardErrorsAndObjective() {
        double[] ols = LineFits.ols(T4, Y4, 0.5);
        assertThat(ols[1]).isCloseTo(1.94, offset(1e-12));
        long before = System.nanoTime();
        FitResult r = fit(LineFits.LINE, LineFits.FOUR_POINTS, LINEAR_BOTH + "error: {additive: 0.5}\n");
        double elapsed = (System.nanoTime() - before) / 1e9;

        assertThat(r.converged()).isTrue();
        assertThat(r.message()).as("no trial point failed: nothing more to say").matches("converged after \\d+ iterations");
        FitResult.Parameter y0 = r.parameter("y");
        FitResult.Parameter b = r.parameter("b");
        assertThat(y0.estimate()).isCloseTo(1.15, offset(1e-7));
        assertThat(b.estimate()).isCloseTo(1.94, offset(1e-7));
        assertThat(y0.se()).isCloseTo(ols[2], offset(1e-7));
        assertThat(b.se()).isCloseTo(0.5 / Math.sqrt(5), offset(1e-7));
        assertThat(b.ciLow()).isCloseTo(1.94 - Fit.Z95 * 0.5 / Math.sqrt(5), offset(1e-6));
        assertThat(b.ciHigh()).isCloseTo(1.94 + Fit.Z95 * 0.5 / Math.sqrt(5), offset(1e-6));
        assertThat(y0.ciLow()).isCloseTo(1.15 - Fit.Z95 * ols[2], offset(1e-6));
        assertThat(y0.ciHigh()).isCloseTo(1.15 + Fit.Z95 * ols[2], offset(1e-6));
        assertThat(b.scale()).isEqualTo("linear");
        assertThat(b.initial()).isEqualTo(1.0);
        assertThat(b.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(b.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.profileLow()).as("no profile requested").isNaN();
        assertThat(b.profileHigh()).isNaN();
        assertThat(b.flag()).isEmpty();
        assertThat(y0.flag()).isEmpty();
        assertThat(r.identifiability()).as("corr -0.913 is not above 0.95").isEmpty();

        double corr = -10 / Math.sqrt(120);
        assertThat(r.correlation()[0][1]).isCloseTo(corr, offset(1e-7));
        assertThat(r.correlation()[1][0]).isCloseTo(corr, offset(1e-7));
        assertThat(r.correlation()[0][0]).isCloseTo(1, offset(1e-12));
        assertThat(r.correlation()[1][1]).isCloseTo(1, offset(1e-12));

        assertThat(r.weightedSsr()).isCloseTo(0.082 / 0.25, offset(1e-8));
        double m2ll = 0.082 / 0.25 + 4 * Math.log(2 * Math.PI * 0.25);
        assertThat(r.objective()).isCloseTo(m2ll, offset(1e-8));
        assertThat(r.observations()).isEqualTo(4);
        assertThat(r.aic()).isCloseTo(m2ll + 4, offset(1e-8));
        assertThat(r.bic()).isCloseTo(m2ll + 2 * Math.log(4), offset(1e-8));
        assertThat(r.errorModel()).isEqualTo("additive, sd 0.5");
        assertThat(r.gradientMethod()).contains("sensitivity");

        assertThat(r.residuals()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            FitResult.Residual x = r.residuals().get(i);
            double predicted = 1.15 + 1.94 * T4[i];
            assertThat(x.observation().time()).isEqualTo(T4[i]);
            assertThat(x.observation().origin()).endsWith("d.csv:" + (i + 2));
            assertThat(x.predicted()).isCloseTo(predicted, offset(1e-7));
            assertThat(x.sd()).isEqualTo(0.5);
            assertThat(x.residual()).isCloseTo(Y4[i] - predicted, offset(1e-7));
            assertThat(x.weighted()).isCloseTo((Y4[i] - predicted) / 0.5, offset(1e-6));
        }
        assertThat(r.starts()).as("one start by default: the initial values").hasSize(1);
        FitResult.Start s = r.starts().get(0);
        assertThat(s.index()).isZero();
        assertThat(s.start()).containsExactly(1.0, 1.0);
        assertThat(s.converged()).isTrue();
        assertThat(s.objective()).isCloseTo(m2ll, offset(1e-8));
        assertThat(r.evaluations()).isEqualTo(s.evaluations()).isPositive();
        assertThat(r.seconds()).isPositive().isLessThanOrEqualTo(elapsed);
    }

    /** Where the first grid step of h past the optimum crosses 3.84 on the parabola d^2/se^2, interpolated linearly. */
    private static double profileEnd(double se) {
        double h = Math.min(se / 2, 1);
        double prev = 0;
        for (int k = 1; ; k++) {
            double rise = k * h * k * h / (se * se);
            if (rise >= Fit.PROFILE_THRESHOLD) {
                return (k - 1) * h + (Fit.PROFILE_THRESHOLD - prev) / (rise - prev) * h;
            }
            prev = rise;
        }
    }

    /**
     * With a known sd the -2 log L profile of a linear model is exactly the parabola (d / se)^2, so the
     * profile interval is the linear interpolation of that parabola between the walk's steps of
     * min(se/2, 1): 1.9547 se on each side for steps of se/2 (crossing between steps 3 and 4), 1.9600
     * se when sd 5 makes se(y0) = 6.1 and the step 1.
     */
    @Test
    void profileIntervalsOfALinearModelFollowTheParabola() {
        assertThat(profileEnd(1) / 1).isCloseTo(1.5 + 0.5 * (Fit.PROFILE_THRESHOLD - 2.25) / 1.75, offset(1e-15));
        for (double sd : new double[] {0.5, 5}) {
            double[] ols = LineFits.ols(T4, Y4, sd);
            FitResult r = fit(LineFits.LINE, LineFits.FOUR_POINTS, LINEAR_BOTH + "error: {additive: " + sd + "}\nprofile: true\n");
            FitResult.Parameter y0 = r.parameter("y");
            FitResult.Parameter b = r.parameter("b");
            assertThat(y0.profileLow()).as("sd %s", sd).isCloseTo(ols[0] - profileEnd(ols[2]), offset(1e-5));
            assertThat(y0.profileHigh()).as("sd %s", sd).isCloseTo(ols[0] + profileEnd(ols[2]), offset(1e-5));
            assertThat(b.profileLow()).as("sd %s", sd).isCloseTo(ols[1] - profileEnd(ols[3]), offset(1e-5));
            assertThat(b.profileHigh()).as("sd %s", sd).isCloseTo(ols[1] + profileEnd(ols[3]), offset(1e-5));
            if (sd < 1) {
                assertThat(b.flag()).isEmpty();
            }
        }
        FitResult only = fit(LineFits.LINE, LineFits.FOUR_POINTS, LINEAR_BOTH + "error: {additive: 0.5}\nprofile: [b]\n");
        assertThat(only.parameter("y").profileLow()).as("not listed").isNaN();
        assertThat(only.parameter("b").profileHigh()).isCloseTo(1.94 + profileEnd(0.5 / Math.sqrt(5)), offset(1e-5));
    }

    /**
     * Times far from 0 make intercept and slope nearly collinear: corr = -sum t / sqrt(n sum t^2) =
     * -33 / sqrt(3 * 365) = -0.9973 at t = 10, 11, 12, reported as a finding.
     */
    @Test
    void stronglyCorrelatedEstimatesAreReported() {
        double[] t = {10, 11, 12};
        double[] y = {21, 23.2, 24.9};
        double corr = -33 / Math.sqrt(3 * 365);
        FitResult r = fit(LineFits.LINE, LineFits.csv(t, y), LINEAR_BOTH + "error: {additive: 0.1}\n");
        assertThat(r.correlation()[1][0]).isCloseTo(corr, offset(1e-6));
        assertThat(r.identifiability()).containsExactly("y and b are strongly correlated ("
                + String.format(Locale.ROOT, "%.4g", corr) + "): the data mostly fix a combination of them");
    }

    /**
     * An upper bound of 1.5 below the unconstrained slope 1.94: the slope stops at the bound, the
     * intercept is re-fitted with it (mean y - 1.5 mean t = 6 - 3.75 = 2.25), the Wald interval is cut
     * at the bound and the estimate is flagged; likewise a lower bound of 2.5 (intercept 6 - 6.25).
     */
    @Test
    void anEstimateAtABoundIsFlaggedAndItsIntervalCut() {
        double se = 0.5 / Math.sqrt(5);
        FitResult up = fit(LineFits.LINE, LineFits.FOUR_POINTS, "estimate:\n  - {name: y, initial: 1, scale: linear}\n"
                + "  - {name: b, initial: 1, lower: -10, upper: 1.5, scale: linear}\nerror: {additive: 0.5}\n");
        assertThat(up.parameter("b").estimate()).isCloseTo(1.5, offset(1e-9));
        assertThat(up.parameter("y").estimate()).isCloseTo(2.25, offset(1e-6));
        assertThat(up.parameter("b").flag()).isEqualTo("at the upper bound: the interval is not reliable");
        assertThat(up.parameter("b").ciHigh()).isEqualTo(1.5);
        assertThat(up.parameter("b").ciLow()).isCloseTo(1.5 - Fit.Z95 * se, offset(1e-6));
        assertThat(up.parameter("y").flag()).isEmpty();

        FitResult low = fit(LineFits.LINE, LineFits.FOUR_POINTS, "estimate:\n  - {name: y, initial: 1, scale: linear}\n"
                + "  - {name: b, initial: 3, lower: 2.5, upper: 10, scale: linear}\nerror: {additive: 0.5}\n");
        assertThat(low.parameter("b").estimate()).isCloseTo(2.5, offset(1e-9));
        assertThat(low.parameter("y").estimate()).isCloseTo(-0.25, offset(1e-6));
        assertThat(low.parameter("b").flag()).isEqualTo("at the lower bound: the interval is not reliable");
        assertThat(low.parameter("b").ciLow()).isEqualTo(2.5);
        assertThat(low.parameter("b").ciHigh()).isCloseTo(2.5 + Fit.Z95 * se, offset(1e-6));
    }

    /**
     * "At a bound" is relative: within 1e-6 (1 + |u|) of it. Data on y = 1000 + t, the intercept's
     * lower bound 5e-4 below its estimate 1000 (inside the tolerance 1.001e-3) is flagged; 2e-3 below
     * it is not.
     */
    @Test
    void atABoundMeansWithinARelativeMillionthOfIt() {
        String csv = LineFits.csv(T4, new double[] {1001, 1002, 1003, 1004});
        String est = "  - {name: b, initial: 1, scale: linear}\nerror: {additive: 0.5}\n";
        FitResult near = fit(LineFits.LINE, csv, "estimate:\n  - {name: y, initial: 1000.5, lower: 999.9995, upper: 2000, scale: linear}\n" + est);
        assertThat(near.parameter("y").estimate()).isCloseTo(1000, offset(1e-5));
        assertThat(near.parameter("y").flag()).isEqualTo("at the lower bound: the interval is not reliable");
        FitResult clear = fit(LineFits.LINE, csv, "estimate:\n  - {name: y, initial: 1000.5, lower: 999.998, upper: 2000, scale: linear}\n" + est);
        assertThat(clear.parameter("y").estimate()).isCloseTo(1000, offset(1e-5));
        assertThat(clear.parameter("y").flag()).isEmpty();
    }

    /**
     * A slope of 0.1 with se(b) = 0.5 / sqrt(5) = 0.224: on the linear scale the standard error exceeds
     * the estimate; on the log scale se(ln b) = se(b) / b = 2.24 and 1.96 * 2.24 > ln 10, so the Wald
     * interval b exp(+-1.96 se(b)/b) spans more than a factor of 100.
     */
    @Test
    void poorlyDeterminedEstimatesAreFlaggedOnEitherScale() {
        double[] y = {1.1, 1.2, 1.3, 1.4};
        String csv = LineFits.csv(T4, y);
        double se = 0.5 / Math.sqrt(5);
        FitResult linear = fit(LineFits.LINE, csv, LINEAR_BOTH + "error: {additive: 0.5}\n");
        assertThat(linear.parameter("b").estimate()).isCloseTo(0.1, offset(1e-7));
        assertThat(linear.parameter("b").flag()).isEqualTo("poorly determined: the standard error exceeds the estimate");
        assertThat(linear.identifiability()).containsExactly("b is poorly determined (relative standard error above 100 %)");
        assertThat(linear.parameter("b").rsePercent()).isCloseTo(100 * se / 0.1, offset(1e-4));

        FitResult log = fit(LineFits.LINE, csv, "estimate:\n  - {name: y, initial: 1, scale: linear}\n"
                + "  - {name: b, initial: 1, lower: 1e-6, upper: 1e6, scale: log}\nerror: {additive: 0.5}\n");
        FitResult.Parameter b = log.parameter("b");
        assertThat(b.estimate()).isCloseTo(0.1, offset(1e-7));
        assertThat(b.se()).as("delta method: se(ln b) * b = se(b)").isCloseTo(se, offset(1e-6));
        double lo = 0.1 * Math.exp(-Fit.Z95 * se / 0.1);
        double hi = 0.1 * Math.exp(Fit.Z95 * se / 0.1);
        assertThat(b.ciLow()).isCloseTo(lo, offset(1e-6 * lo));
        assertThat(b.ciHigh()).isCloseTo(hi, offset(1e-6 * hi));
        assertThat(b.flag()).isEqualTo("poorly determined: the 95 % interval spans more than a factor of 100");
        assertThat(log.identifiability()).hasSize(1);
        assertThat(log.identifiability().get(0)).startsWith("b is poorly determined (95 % interval from "
                + String.format(Locale.ROOT, "%.4g", lo) + " to " + String.format(Locale.ROOT, "%.4g", hi) + ")");
        assertThat(log.parameter("y").flag()).isEmpty();
    }

    /**
     * In y = y0 + k1 k2 t the data fix ln k1 + ln k2 and y0 but not ln k1 - ln k2: the Fisher
     * information has the null direction (0, 1, -1)/sqrt 2, which is reported; k1 and k2 get infinite
     * standard errors, their Wald intervals are their bounds and their correlations NaN, while y0
     * keeps its OLS standard error. Profile of k1 (steps of 0.1 in ln k1): upwards k2 = 1.94 / k1 stays
     * within [0.1, 10] up to k1's upper bound 10, so the profile stays flat and that end is infinite;
     * downwards k2 reaches its upper bound 10 at k1 = 0.194, below which the slope 10 k1 falls short of
     * 1.94 and -2 log L rises by (1.94 - 10 k1)^2 Sxx / sd^2 = 20 (1.94 - 10 k1)^2: the crossing of 3.84
     * is at k1 = (1.94 - sqrt(3.84 / 20)) / 10 = 0.1502, and the walk's linear interpolation of a
     * convex rise lands within one step (a factor e^0.1) above it. With bounds [0.01, 1000] neither
     * end is reached within the walk's 30 steps: both ends infinite.
     */
    @Test
    void aNullDirectionOfTheFisherInformationIsReportedAsNotIdentifiable() {
        double[] ols = LineFits.ols(T4, Y4, 0.5);
        FitResult r = fit(LineFits.PRODUCT, LineFits.FOUR_POINTS, "estimate:\n  - {name: y, initial: 1, scale: linear}\n"
                + "  - {name: k1, initial: 1, lower: 0.1, upper: 10, scale: log}\n"
                + "  - {name: k2, initial: 1, lower: 0.1, upper: 10, scale: log}\nerror: {additive: 0.5}\nprofile: [k1]\n");
        FitResult.Parameter k1 = r.parameter("k1");
        FitResult.Parameter k2 = r.parameter("k2");
        assertThat(k1.estimate() * k2.estimate()).as("the product is the OLS slope").isCloseTo(1.94, offset(1e-6));
        assertThat(r.parameter("y").estimate()).isCloseTo(1.15, offset(1e-6));
        assertThat(r.parameter("y").se()).isCloseTo(ols[2], offset(1e-6));
        assertThat(r.parameter("y").flag()).isEmpty();
        for (FitResult.Parameter k : List.of(k1, k2)) {
            assertThat(k.se()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(k.ciLow()).isEqualTo(0.1);
            assertThat(k.ciHigh()).isEqualTo(10.0);
        }
        assertThat(k2.flag()).isEqualTo("not identifiable: the data fix it only in combination with others");
        assertThat(k1.flag()).isEqualTo("not identifiable: the data fix it only in combination with others; "
                + "profile likelihood stays within the 95 % threshold up to the upper bound: not identifiable from these data");
        double crossing = (1.94 - Math.sqrt(Fit.PROFILE_THRESHOLD / 20)) / 10;
        assertThat(k1.profileLow()).isBetween(crossing * (1 - 1e-6), crossing * Math.exp(0.1));
        assertThat(k1.profileHigh()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.correlation()[0][0]).isCloseTo(1, offset(1e-9));
        assertThat(r.correlation()[0][1]).isNaN();
        assertThat(r.correlation()[2][0]).isNaN();
        assertThat(r.correlation()[1][2]).isNaN();
        assertThat(r.identifiability()).hasSize(1);
        String finding = r.identifiability().get(0);
        assertThat(finding).matches("the data do not determine (0\\.707\\*ln\\(k1\\) -0\\.707\\*ln\\(k2\\)|-0\\.707\\*ln\\(k1\\) \\+0\\.707\\*ln\\(k2\\))"
                + " \\(Fisher information eigenvalue .* of largest .*\\): only other combinations are fixed");

        FitResult wide = fit(LineFits.PRODUCT, LineFits.FOUR_POINTS, "estimate:\n  - {name: y, initial: 1, scale: linear}\n"
                + "  - {name: k1, initial: 1, lower: 0.01, upper: 1000, scale: log}\n"
                + "  - {name: k2, initial: 1, lower: 0.01, upper: 1000, scale: log}\nerror: {additive: 0.5}\nprofile: [k1]\n");
        assertThat(wide.parameter("k1").profileLow()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(wide.parameter("k1").profileHigh()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(wide.parameter("k1").flag()).endsWith("; profile likelihood stays within the 95 % threshold up to both bounds: "
                + "not identifiable from these data");
    }

    /** Profiling a name that is not estimated (a spec built without the reader's check) is refused by name. */
    @Test
    void profilingANameThatIsNotEstimatedIsRefused() {
        FitSpec s = LineFits.spec(dir, runner, LineFits.LINE, LineFits.FOUR_POINTS, LINEAR_BOTH + "error: {additive: 0.5}\n");
        FitSpec bad = new FitSpec(s.scenario(), s.groups(), s.data(), s.transforms(), s.estimates(), s.error(), s.errors(), s.options(),
                List.of("zz"));
        assertThatThrownBy(() -> Fit.run(bad, runner, Monitor.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot profile 'zz': it is not estimated");
    }

    /** The initial values must run; the blow-up model has no solution past t = 1/c = 10. */
    @Test
    void aModelThatCannotRunAtTheInitialValuesIsAFitException() {
        assertThatThrownBy(() -> fit(LineFits.BLOWUP, "time,output,value\n5,y,2\n20,y,3\n",
                "estimate:\n  - {name: c, initial: 0.1, lower: 0.001, upper: 1, scale: log}\nerror: {additive: 0.5}\n"))
                .isInstanceOf(Fit.FitException.class)
                .hasMessageStartingWith("the model cannot be simulated at the initial values: ");
    }
}
