package org.osteon.solve;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Asked by the integrators after every step whether the run may go on: a time budget, a flag set
 * by another thread, or both. The check must be cheap and thread-safe; it is consulted from
 * {@link IntegrationContext#countStep}, so a run stops within one step of being cancelled and
 * fails with a {@link SolverException} of reason {@link SolverException.Reason#CANCELLED}.
 */
@FunctionalInterface
public interface Cancellation {
    /** Never cancels: what every run without a budget uses. */
    Cancellation NONE = () -> null;

    /** Null to go on; otherwise why the run must stop, e.g. "the time budget of 2000 ms was used up". */
    String stopReason();

    /** Stops the run once {@code budget} has passed, counted from this call. */
    static Cancellation after(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        String reason = "the time budget of " + budget.toMillis() + " ms was used up";
        return () -> System.nanoTime() - deadline > 0 ? reason : null;
    }

    /** Stops the run as soon as {@code cancelled} returns true, giving {@code reason}. */
    static Cancellation when(BooleanSupplier cancelled, String reason) {
        return () -> cancelled.getAsBoolean() ? reason : null;
    }

    /** Stops the run when either this or {@code other} says so (this one's reason first). */
    default Cancellation or(Cancellation other) {
        return () -> {
            String r = stopReason();
            return r != null ? r : other.stopReason();
        };
    }
}
