package org.osteon.analysis;

/**
 * What a long computation reports to and asks of whoever started it. Implementations must be
 * thread-safe: workers call them concurrently.
 */
public interface Monitor {
    /** Reports nothing and never cancels. */
    Monitor NONE = new Monitor() {
    };

    /** {@code done} of {@code total} units of work are finished. */
    default void progress(int done, int total) {
    }

    /** True once the computation should stop; it then throws {@link java.util.concurrent.CancellationException}. */
    default boolean cancelled() {
        return false;
    }
}
