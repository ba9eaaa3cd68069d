package org.osteon.analysis.population;

import java.util.List;

/**
 * What a population run gives: percentiles of each output at each output time over the patients
 * whose simulation succeeded, and the failures, counted.
 *
 * @param patients  how many patients were simulated
 * @param seconds   wall time of the simulations
 * @param cpuSeconds CPU time the workers spent on them (NaN where not measured): the fair measure
 *                   of cost on a machine shared with other work
 */
public record PopulationResult(String name, List<String> outputs, double[] times, String timeUnit,
                               PercentileSketches percentiles, Failures failures, int patients, double seconds,
                               String engine, int workers, double cpuSeconds) {
    public PopulationResult {
        outputs = List.copyOf(outputs);
        times = times.clone();
    }

    public long succeeded() {
        return percentiles.count();
    }

    /** Patients per CPU-second: the throughput of one core. */
    public double patientsPerCpuSecond() {
        return cpuSeconds > 0 ? patients / cpuSeconds : Double.NaN;
    }

    public double patientsPerSecond() {
        return seconds > 0 ? patients / seconds : Double.NaN;
    }
}
