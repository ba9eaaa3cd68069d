package org.osteon.spark;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;
import org.osteon.analysis.population.Failures;
import org.osteon.analysis.population.PatientResult;
import org.osteon.analysis.population.PercentileSketches;
import org.osteon.analysis.population.PopulationJob;

/** What one partition contributes to a population: its sketches, failures and CPU time; merged exactly on the driver. */
final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;

    final PercentileSketches sketches;
    final Failures failures;
    double cpuSeconds;

    Partial(PopulationJob job) {
        this.sketches = job.newSketches();
        this.failures = new Failures();
    }

    void add(PatientResult r) {
        if (r.succeeded()) {
            sketches.add(r.values());
        } else {
            failures.add(r);
        }
    }

    Partial merge(Partial other) {
        sketches.merge(other.sketches);
        failures.merge(other.failures);
        cpuSeconds += other.cpuSeconds;
        return this;
    }

    /** Accumulates results (already simulated, e.g. read back from a persisted RDD). */
    static Partial of(PopulationJob job, Iterator<PatientResult> results) {
        Partial p = new Partial(job);
        results.forEachRemaining(p::add);
        return p;
    }

    /** Simulates the patients of the given blocks and accumulates them. */
    static Partial simulate(PopulationJob job, Iterator<Integer> blocks, int block) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        Partial p = new Partial(job);
        PartitionRuns.patients(job, blocks, block).forEachRemaining(p::add); // one workspace for the partition
        p.cpuSeconds = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return p;
    }
}
