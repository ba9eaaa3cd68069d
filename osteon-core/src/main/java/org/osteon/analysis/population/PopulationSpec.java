package org.osteon.analysis.population;

import java.util.List;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.InitialState;
import org.osteon.analysis.sampling.JointDistribution;

/**
 * A virtual population: what to simulate, how many patients, how they vary, and what to keep.
 * Read from YAML by {@link PopulationSpecReader}.
 *
 * @param name        the population's name (for plots and reports)
 * @param scenario    the scenario every patient is simulated under
 * @param n           number of patients
 * @param seed        the random seed; patient i is the same for the same seed whatever else changes
 * @param variables   covariates and parameters with their joint distribution
 * @param outputs     the outputs whose percentiles are computed
 * @param initial     where each patient starts
 * @param accuracy    relative accuracy of the percentile sketches (see {@link PercentileSketches})
 * @param savePatients write one row per patient (status, covariates, parameters)
 * @param saveTrajectories write every patient's outputs on the output grid
 */
public record PopulationSpec(String name, ScenarioRecipe scenario, int n, long seed, JointDistribution variables,
                             List<String> outputs, InitialState initial, double accuracy, boolean savePatients,
                             boolean saveTrajectories) {
    /** Largest population one run accepts (10^8 patients: months of CPU time at 6 ms each). */
    public static final int MAX_PATIENTS = 100_000_000;
    public static final double DEFAULT_ACCURACY = 1e-3;

    public PopulationSpec {
        outputs = List.copyOf(outputs);
    }

    public PopulationSpec withSize(int newN) {
        return new PopulationSpec(name, scenario, newN, seed, variables, outputs, initial, accuracy, savePatients,
                saveTrajectories);
    }

    public PopulationSpec withSeed(long newSeed) {
        return new PopulationSpec(name, scenario, n, newSeed, variables, outputs, initial, accuracy, savePatients,
                saveTrajectories);
    }

    public PopulationSpec withSaving(boolean patients, boolean trajectories) {
        return new PopulationSpec(name, scenario, n, seed, variables, outputs, initial, accuracy, patients, trajectories);
    }
}
