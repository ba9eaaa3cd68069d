package org.osteon.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.Parallel;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;

/**
 * Stochastic simulation and estimation (PsN's {@code sse}): data simulated from a design at known
 * parameter values with seeded noise, fitted again and again, and the estimates summarised
 * against the truth. It answers whether a design identifies its parameters and whether the 95 %
 * Wald intervals it reports can be trusted: over R replicates they should cover the truth about
 * 95 % of the time, and the standardised errors ln(estimate/truth) / (se/estimate) should have
 * unit variance.
 *
 * <p>Replicate {@code r} uses seed {@code firstSeed + r}, so a study is reproducible and a
 * replicate can be re-run alone.
 */
public final class RecoveryStudy {
    private RecoveryStudy() {
    }

    /**
     * What is simulated and fitted.
     *
     * @param estimates the parameters fitted, with their start values and bounds
     * @param truth     the values the data are simulated at, in the order of {@code estimates}
     * @param times     observation times in the model's time unit
     */
    public record Design(Scenario scenario, List<Estimate> estimates, double[] truth, List<String> outputs, double[] times,
                         ErrorModel error) {
        public Design {
            Objects.requireNonNull(scenario, "scenario");
            estimates = List.copyOf(estimates);
            truth = truth.clone();
            outputs = List.copyOf(outputs);
            times = times.clone();
            if (truth.length != estimates.size()) {
                throw new IllegalArgumentException(truth.length + " true values for " + estimates.size() + " estimated parameters");
            }
        }

        @Override
        public double[] truth() {
            return truth.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        List<String> names() {
            return estimates.stream().map(Estimate::name).toList();
        }
    }

    /**
     * One parameter over the converged replicates.
     *
     * @param covered         replicates whose 95 % interval contains the truth
     * @param meanZ2          mean of the squared standardised log error (1 for honest standard errors)
     * @param medianRelError  median of |estimate/truth - 1|
     * @param meanLogError    mean of ln(estimate/truth): the bias on the log scale
     * @param sdLogError      standard deviation of ln(estimate/truth) over the replicates
     */
    public record ParameterSummary(String name, double truth, int covered, int replicates, double meanZ2,
                                   double medianRelError, double meanLogError, double sdLogError) {
        /**
         * Whether the coverage, the mean squared standardised error and the bias are each within
         * what an honest 95 % Wald interval would give in {@code replicates} draws, at two-sided
         * tail probability {@code tail} (0.001 in Osteon's tests): coverage at least the
         * {@code tail} quantile of Binomial(R, 0.95); mean z^2 between the {@code tail} and
         * 1-{@code tail} quantiles of chi-square(R)/R; |bias of ln| at most 3.3 standard errors of
         * the mean.
         */
        public List<String> departures(double tail) {
            List<String> out = new ArrayList<>();
            coverageDeparture(tail).ifPresent(out::add);
            meanZ2Departure(tail).ifPresent(out::add);
            biasDeparture().ifPresent(out::add);
            return out;
        }

        /** Coverage below the {@code tail} quantile of Binomial(R, 0.95), said in words; empty if not. */
        public Optional<String> coverageDeparture(double tail) {
            int min = minCovered(replicates, tail);
            return covered >= min ? Optional.empty() : Optional.of(String.format(
                    "%s: the 95 %% intervals covered the truth %d of %d times (at least %d expected)", name, covered, replicates, min));
        }

        /** Mean z^2 outside chi-square(R)/R's {@code tail}..{@code 1 - tail} quantiles, said in words; empty if not. */
        public Optional<String> meanZ2Departure(double tail) {
            double[] z2 = meanZ2Range(replicates, tail);
            return meanZ2 >= z2[0] && meanZ2 <= z2[1] ? Optional.empty() : Optional.of(String.format(
                    "%s: mean squared standardised error %.3f outside [%.3f, %.3f]", name, meanZ2, z2[0], z2[1]));
        }

        /** |bias of ln| beyond 3.3 standard errors of the mean, said in words; empty if not. */
        public Optional<String> biasDeparture() {
            double limit = 3.3 * sdLogError / Math.sqrt(replicates);
            return Math.abs(meanLogError) <= limit ? Optional.empty() : Optional.of(String.format(
                    "%s: bias of ln %.4f beyond 3.3 standard errors of the mean (%.4f)", name, meanLogError, limit));
        }

        @Override
        public String toString() {
            return String.format("%s: coverage %d/%d, mean z^2 %.3f, median relative error %.4f, bias of ln %.4f (sd %.4f)", name,
                    covered, replicates, meanZ2, medianRelError, meanLogError, sdLogError);
        }
    }

    /** The fits in replicate order, and the summary of each parameter over the converged ones. */
    public record Result(List<FitResult> fits, List<ParameterSummary> parameters) {
        public Result {
            fits = List.copyOf(fits);
            parameters = List.copyOf(parameters);
        }

        /** Replicates whose fit did not converge (left out of the summaries). */
        public List<Integer> failed() {
            List<Integer> out = new ArrayList<>();
            for (int r = 0; r < fits.size(); r++) {
                if (!fits.get(r).converged()) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    /** Simulates and fits {@code replicates} data sets on {@code threads} threads. */
    public static Result run(ScenarioRunner runner, Design design, int replicates, long firstSeed, int threads, Monitor monitor) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be at least 1, found " + replicates);
        }
        List<String> names = design.names();
        List<FitResult> fits = Parallel.map(replicates, threads, monitor, r -> {
            DataSet data = SyntheticData.generate(runner, design.scenario(), names, design.truth, design.outputs(), design.times,
                    design.error(), firstSeed + r);
            FitSpec spec = new FitSpec(design.scenario(), Map.of(), data, Map.of(), design.estimates(), design.error(), Map.of(),
                    FitSpec.Options.DEFAULT, List.of());
            return Fit.run(spec, runner, Monitor.NONE);
        });
        List<FitResult> ok = fits.stream().filter(FitResult::converged).toList();
        List<ParameterSummary> summaries = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            summaries.add(summarise(names.get(j), design.truth[j], ok, j));
        }
        return new Result(fits, summaries);
    }

    private static ParameterSummary summarise(String name, double truth, List<FitResult> fits, int j) {
        int n = fits.size();
        int covered = 0;
        double z2 = 0;
        double[] logError = new double[n];
        double[] rel = new double[n];
        for (int r = 0; r < n; r++) {
            FitResult.Parameter p = fits.get(r).parameters().get(j);
            covered += p.ciLow() <= truth && truth <= p.ciHigh() ? 1 : 0;
            logError[r] = Math.log(p.estimate() / truth);
            double z = logError[r] / (p.se() / p.estimate());
            z2 += z * z;
            rel[r] = Math.abs(p.estimate() / truth - 1);
        }
        Arrays.sort(rel);
        double mean = n == 0 ? Double.NaN : Arrays.stream(logError).average().orElseThrow();
        double sd = n < 2 ? Double.NaN : Math.sqrt(Arrays.stream(logError).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        return new ParameterSummary(name, truth, covered, n, n == 0 ? Double.NaN : z2 / n, n == 0 ? Double.NaN : rel[n / 2], mean, sd);
    }

    /** The {@code tail} quantile of Binomial(R, 0.95): fewer covered replicates reject honest 95 % intervals. */
    public static int minCovered(int replicates, double tail) {
        return new BinomialDistribution(replicates, 0.95).inverseCumulativeProbability(tail);
    }

    /** The {@code tail} and {@code 1 - tail} quantiles of chi-square(R)/R. */
    public static double[] meanZ2Range(int replicates, double tail) {
        ChiSquaredDistribution chi = new ChiSquaredDistribution(replicates);
        return new double[] {chi.inverseCumulativeProbability(tail) / replicates, chi.inverseCumulativeProbability(1 - tail) / replicates};
    }
}
