package org.osteon.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.osteon.analysis.batch.IndexedTask;
import org.osteon.analysis.population.PatientResult;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.simulation.SimulationWorkspace;

/**
 * The items of one Spark partition, run as a local worker thread runs them: one
 * {@link SimulationWorkspace} for the whole partition, reused by every run in it, and the job's
 * model compiled once per executor JVM (the recipes cache their jobs). Results are lazy (one
 * item at a time, so a partition's memory is that of one run) and the same, bit for bit, as runs
 * that each allocate their own storage.
 */
final class PartitionRuns {
    private PartitionRuns() {
    }

    /** The patients of the given blocks of {@code block} patients, in order. */
    static Iterator<PatientResult> patients(PopulationJob job, Iterator<Integer> blocks, int block) {
        return patients(job, blocks, block, new SimulationWorkspace());
    }

    /** As {@link #patients(PopulationJob, Iterator, int)}, on the given workspace (tests look at its reuse). */
    static Iterator<PatientResult> patients(PopulationJob job, Iterator<Integer> blocks, int block,
                                            SimulationWorkspace workspace) {
        return new Iterator<>() {
            private int next;
            private int end;

            @Override
            public boolean hasNext() {
                while (next >= end && blocks.hasNext()) {
                    int b = blocks.next();
                    next = b * block;
                    end = Math.min(job.size(), (b + 1) * block);
                }
                return next < end;
            }

            @Override
            public PatientResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return job.simulate(next++, workspace);
            }
        };
    }

    /** {@code task(i)} for the given indices, in order. */
    static <T extends Serializable> Iterator<T> items(IndexedTask<T> task, Iterator<Integer> indices) {
        return items(task, indices, new SimulationWorkspace());
    }

    /** As {@link #items(IndexedTask, Iterator)}, on the given workspace. */
    static <T extends Serializable> Iterator<T> items(IndexedTask<T> task, Iterator<Integer> indices,
                                                      SimulationWorkspace workspace) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return indices.hasNext();
            }

            @Override
            public T next() {
                return task.apply(indices.next(), workspace);
            }
        };
    }
}
