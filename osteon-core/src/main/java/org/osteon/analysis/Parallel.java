package org.osteon.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs independent items (one simulation each) on several threads. Workers take the next item
 * from a shared counter, so fast and slow items balance out without a work-splitting scheme.
 */
public final class Parallel {
    private Parallel() {
    }

    /** All cores: runs are CPU-bound and share nothing but the compiled model. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * {@code f(0) ... f(n-1)} in index order. The monitor is asked before each item whether to
     * stop, and told after each one how many are done.
     *
     * @throws CancellationException if the monitor cancelled (or the calling thread was interrupted);
     *                               items already started are finished first, none is left running
     * @throws RuntimeException      the first exception an item threw; the other items are abandoned
     */
    public static <T> List<T> map(int n, int threads, Monitor monitor, IntFunction<T> f) {
        return map(n, threads, monitor, () -> null, (state, i) -> f.apply(i));
    }

    /**
     * As {@link #map(int, int, Monitor, IntFunction)}, with state that each worker thread makes
     * once ({@code perWorker}) and hands to every item it runs: a reusable workspace, say.
     */
    public static <S, T> List<T> map(int n, int threads, Monitor monitor, Supplier<S> perWorker,
                                     BiFunction<S, Integer, T> f) {
        if (n < 0 || threads < 1) {
            throw new IllegalArgumentException("n = " + n + " and threads = " + threads);
        }
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            S state = perWorker.get();
            int i;
            while (!stop.get() && (i = next.getAndIncrement()) < n) {
                if (monitor.cancelled()) {
                    stop.set(true);
                    return;
                }
                try {
                    results[i] = f.apply(state, i);
                } catch (RuntimeException | Error e) {
                    stop.set(true);
                    failure.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
                    return;
                }
                monitor.progress(done.incrementAndGet(), n);
            }
        };
        int workers = Math.min(threads, Math.max(1, n));
        if (workers == 1) {
            worker.run();
        } else {
            runOnPool(worker, workers, stop);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (done.get() < n) {
            throw new CancellationException("cancelled after " + done.get() + " of " + n);
        }
        List<T> out = new ArrayList<>(n);
        for (Object o : results) {
            @SuppressWarnings("unchecked")
            T t = (T) o;
            out.add(t);
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static void runOnPool(Runnable worker, int workers, AtomicBoolean stop) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "osteon-worker-" + counter.incrementAndGet());
            t.setDaemon(true); // a stuck run must never keep the JVM alive after the command ends
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (InterruptedException e) {
                    stop.set(true);
                    awaitQuietly(futures);
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause()); // the worker catches everything; cannot happen
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lets the items in progress finish so that nothing runs on after the caller has given up. */
    private static void awaitQuietly(List<Future<?>> futures) {
        for (Future<?> fu : futures) {
            boolean waited = false;
            while (!waited) {
                try {
                    fu.get();
                    waited = true;
                } catch (InterruptedException again) {
                    // keep waiting: each worker stops after its current item, within one simulation
                } catch (ExecutionException e) {
                    waited = true;
                }
            }
        }
    }
}
