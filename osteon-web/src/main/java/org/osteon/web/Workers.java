package org.osteon.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.osteon.solve.Cancellation;
import org.osteon.solve.SolverException;

/**
 * The bounded pool that runs simulations and plots: a fixed number of threads and a bounded
 * queue. A request that finds the queue full is refused at once (503) instead of piling up; a
 * request's time budget counts from its arrival, queueing included, and a run still going when
 * the budget is used up is stopped cooperatively ({@link Cancellation}) and answered with 422.
 */
final class Workers implements AutoCloseable {
    /** Extra time the request thread waits for a job to notice its cancellation and stop. */
    private static final long GRACE_MILLIS = 1000;

    private final ThreadPoolExecutor pool;
    private final WebLimits limits;
    private final AtomicInteger running = new AtomicInteger();
    /** Jobs that reached a worker since start: a request refused by its input checks never counts. */
    private final java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();

    Workers(WebLimits limits) {
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                limits.queueCapacity() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(limits.queueCapacity()),
                r -> {
                    Thread t = new Thread(r, "osteon-web-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    int running() {
        return running.get();
    }

    long started() {
        return started.get();
    }

    int waiting() {
        return pool.getQueue().size();
    }

    /**
     * Runs {@code job} on the pool within the time budget of a request that arrived at
     * {@code arrivalNanos}; the job gets the cancellation to pass to the solver.
     *
     * @throws ApiException 503 when the pool is full or the request waited out its budget in the
     *                      queue, 422 when the run used up its budget or the solver failed
     */
    <T> T run(long arrivalNanos, Function<Cancellation, T> job) {
        return run(arrivalNanos, job, "the simulation did not finish");
    }

    /**
     * As {@link #run(long, Function)}; {@code unfinished} starts the 422 message when the budget is
     * used up (what did not finish, and what the client may do).
     */
    <T> T run(long arrivalNanos, Function<Cancellation, T> job, String unfinished) {
        long budgetNanos = TimeUnit.MILLISECONDS.toNanos(limits.timeBudgetMillis());
        long deadline = arrivalNanos + budgetNanos;
        AtomicBoolean abandoned = new AtomicBoolean();
        String budgetText = "the time budget of " + limits.timeBudgetMillis() + " ms per request was used up";
        Cancellation cancellation = () -> abandoned.get() || System.nanoTime() - deadline > 0 ? budgetText : null;
        Future<T> future;
        try {
            future = pool.submit(() -> {
                if (System.nanoTime() - deadline > 0 || abandoned.get()) {
                    throw new ApiException(503, null, "the server is busy: the request waited in the queue for its whole"
                            + " time budget (" + limits.timeBudgetMillis() + " ms); try again shortly");
                }
                running.incrementAndGet();
                started.incrementAndGet();
                try {
                    return job.apply(cancellation);
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, null, "the server is at capacity (" + limits.workers() + " simulations running, "
                    + limits.queueCapacity() + " waiting); try again shortly");
        }
        try {
            long wait = deadline - System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
            return future.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            future.cancel(false);
            throw new ApiException(422, null, unfinished + ": " + budgetText);
        } catch (InterruptedException e) {
            abandoned.set(true);
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new ApiException(503, null, "the server is shutting down");
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    static RuntimeException translate(Throwable cause) {
        if (cause instanceof ApiException a) {
            return a;
        }
        if (cause instanceof SolverException s) {
            if (s.reason() == SolverException.Reason.CANCELLED) {
                return new ApiException(422, null, "the simulation did not finish: " + s.getMessage());
            }
            return new ApiException(422, null, "the simulation failed: " + s.getMessage());
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
