package org.osteon.analysis.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.osteon.analysis.Monitor;
import org.osteon.simulation.SimulationWorkspace;

/**
 * Runs a population on a local thread pool. Workers take blocks of patients in order; each keeps
 * its own sketches and failure tally, merged at the end (exactly, so the result does not depend
 * on the number of threads). Patients stream through: when a {@link PatientSink} wants them in
 * order, finished blocks wait in a window of at most {@code 4 × threads} blocks, so memory stays
 * bounded however large n is.
 */
public final class LocalPopulation {
    /** Patients per unit of work: large enough to amortise scheduling, small enough to balance. */
    static final int BLOCK = 32;

    private LocalPopulation() {
    }

    public static PopulationResult run(PopulationJob job, int threads, Monitor monitor, PatientSink sink) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int n = job.size();
        int blocks = (n + BLOCK - 1) / BLOCK;
        int workers = Math.max(1, Math.min(threads, blocks));
        int window = 4 * workers;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Object lock = new Object();
        Map<Integer, List<PatientResult>> finished = new HashMap<>();
        int[] written = {0};
        PercentileSketches[] sketches = new PercentileSketches[workers];
        Failures[] failures = new Failures[workers];
        long start = System.nanoTime();
        java.util.concurrent.atomic.DoubleAdder cpu = new java.util.concurrent.atomic.DoubleAdder();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Runnable[] tasks = new Runnable[workers];
        for (int w = 0; w < workers; w++) {
            int me = w;
            sketches[w] = job.newSketches();
            failures[w] = new Failures();
            tasks[w] = () -> {
                SimulationWorkspace workspace = new SimulationWorkspace(); // this worker's, reused for all its patients
                long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
                try {
                    int b;
                    while (failure.get() == null && (b = next.getAndIncrement()) < blocks) {
                        if (monitor.cancelled()) {
                            throw new CancellationException("cancelled after " + done.get() + " of " + n + " patients");
                        }
                        if (sink != PatientSink.NONE) {
                            synchronized (lock) {
                                while (b >= written[0] + window && failure.get() == null) {
                                    lock.wait();
                                }
                            }
                        }
                        List<PatientResult> results = new ArrayList<>(BLOCK);
                        for (int i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK); i++) {
                            PatientResult r = job.simulate(i, workspace);
                            if (r.succeeded()) {
                                sketches[me].add(r.values());
                            } else {
                                failures[me].add(r);
                            }
                            if (sink != PatientSink.NONE) {
                                results.add(r);
                            }
                        }
                        if (sink != PatientSink.NONE) {
                            synchronized (lock) {
                                finished.put(b, results);
                                List<PatientResult> ready;
                                while ((ready = finished.remove(written[0])) != null) {
                                    for (PatientResult r : ready) {
                                        sink.accept(r);
                                    }
                                    written[0]++;
                                }
                                lock.notifyAll();
                            }
                        }
                        monitor.progress(done.addAndGet(Math.min(n, (b + 1) * BLOCK) - b * BLOCK), n);
                    }
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, new CancellationException("interrupted"));
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    if (cpu0 >= 0) {
                        cpu.add((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
                    }
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                }
            };
        }
        runAll(tasks, failure);
        Throwable t = failure.get();
        if (t instanceof CancellationException c) {
            throw c;
        }
        if (t instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int w = 1; w < workers; w++) {
            sketches[0].merge(sketches[w]);
            failures[0].merge(failures[w]);
        }
        return new PopulationResult(job.spec().name(), job.outputs(), job.times(), job.timeUnit(), sketches[0], failures[0],
                n, seconds, "local", workers, cpu.sum() > 0 ? cpu.sum() : Double.NaN);
    }

    private static void runAll(Runnable[] tasks, AtomicReference<Throwable> failure) {
        if (tasks.length == 1) {
            tasks[0].run();
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.length; i++) {
            Thread th = new Thread(tasks[i], "osteon-population-" + (i + 1));
            th.setDaemon(true); // a stuck run must never keep the JVM alive after the command ends
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            boolean joined = false;
            while (!joined) {
                try {
                    th.join();
                    joined = true;
                } catch (InterruptedException e) {
                    // the caller was interrupted: ask the workers to stop after their current patient
                    failure.compareAndSet(null, new CancellationException("interrupted"));
                }
            }
        }
    }
}
