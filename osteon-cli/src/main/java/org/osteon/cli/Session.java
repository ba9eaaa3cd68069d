package org.osteon.cli;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osteon.analysis.Monitor;

/**
 * What one command invocation shares with its surroundings: a cancellation flag (set by Ctrl-C
 * through the shutdown hook, or by a test) and where progress goes.
 */
final class Session {
    /** Receives progress of the long computation under way; one at a time. */
    interface ProgressSink {
        void start(String label);

        void update(int done, int total);

        void finish();
    }

    static final ProgressSink SILENT = new ProgressSink() {
        @Override
        public void start(String label) {
        }

        @Override
        public void update(int done, int total) {
        }

        @Override
        public void finish() {
        }
    };

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ProgressSink progress;

    Session(ProgressSink progress) {
        this.progress = progress;
    }

    /** No progress output: for pipes, files and tests. */
    static Session quiet() {
        return new Session(SILENT);
    }

    /** A progress bar on {@code err} when there is a terminal to draw it on, else silence. */
    static Session forConsole(PrintWriter err, boolean terminal) {
        return new Session(terminal ? new ProgressBar(err) : SILENT);
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean cancelled() {
        return cancelled.get();
    }

    /** Stops the command before it starts anything new (above all, before it writes a file). */
    void checkCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("interrupted");
        }
    }

    /** A monitor for the analysis API that reports under {@code label} and obeys cancellation. */
    Monitor monitor(String label) {
        progress.start(label);
        return new Monitor() {
            @Override
            public void progress(int done, int total) {
                progress.update(done, total);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
    }

    /** Clears the progress display (call in a finally block). */
    void endProgress() {
        progress.finish();
    }
}
