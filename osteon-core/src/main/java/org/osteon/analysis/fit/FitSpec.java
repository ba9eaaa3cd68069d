package org.osteon.analysis.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.scenario.Scenario;

/**
 * What to fit: the scenario of each group (trial arm), the data (times in the model's time
 * unit), transforms and error models by output, the estimated quantities and how to search.
 *
 * @param groups     scenario by group name; data rows of a group not listed use {@code scenario}
 * @param transforms by output; outputs not listed are compared as they are
 * @param errors     error model by output; outputs not listed use {@code error}
 * @param profile    parameters to profile (profile-likelihood intervals), may be empty
 */
public record FitSpec(Scenario scenario, Map<String, Scenario> groups, DataSet data, Map<String, Transform> transforms,
                      List<Estimate> estimates, ErrorModel error, Map<String, ErrorModel> errors, Options options,
                      List<String> profile) {
    public FitSpec {
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        transforms = Map.copyOf(transforms);
        estimates = List.copyOf(estimates);
        errors = Map.copyOf(errors);
        profile = List.copyOf(profile);
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("nothing to estimate: list at least one parameter under 'estimate'");
        }
    }

    /**
     * How to search.
     *
     * @param starts          local fits from this many points in total: the initial values and
     *                        starts-1 points drawn (seeded Latin hypercube) within the bounds
     * @param global          "multistart" or "cmaes" (CMA-ES over the bounds, then a local fit)
     * @param maxEvaluations  objective evaluations allowed per local fit
     * @param rtol            solver relative tolerance of the runs (absolute tolerances scaled with it)
     */
    public record Options(int starts, String global, long seed, int maxEvaluations, double rtol, int threads) {
        public static final Options DEFAULT = new Options(1, "multistart", 1, 400, 1e-8, 1);

        public Options {
            if (starts < 1 || starts > 10_000) {
                throw new IllegalArgumentException("starts must be from 1 to 10000, found " + starts);
            }
            if (!global.equals("multistart") && !global.equals("cmaes")) {
                throw new IllegalArgumentException("global must be multistart or cmaes, found '" + global + "'");
            }
            if (maxEvaluations < 2) {
                throw new IllegalArgumentException("max_evaluations must be at least 2");
            }
            if (!(rtol > 0 && rtol < 1)) {
                throw new IllegalArgumentException("rtol must be between 0 and 1, found " + rtol);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        public Options withStarts(int n) {
            return new Options(n, global, seed, maxEvaluations, rtol, threads);
        }

        public Options withThreads(int n) {
            return new Options(starts, global, seed, maxEvaluations, rtol, n);
        }
    }

    ErrorModel errorFor(String output) {
        return errors.getOrDefault(output, error);
    }

    Transform transformFor(String output) {
        return transforms.getOrDefault(output, Transform.NONE);
    }

    Scenario scenarioFor(String group) {
        return groups.getOrDefault(group, scenario);
    }
}
