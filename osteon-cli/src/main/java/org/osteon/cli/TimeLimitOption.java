package org.osteon.cli;

import org.osteon.solve.Cancellation;
import picocli.CommandLine.Option;

/**
 * {@code --time-limit SECONDS}: how long one simulation may run before it is stopped with a
 * clear message (docs/limits.md). Ctrl-C stops a run at its next step as well.
 */
final class TimeLimitOption {
    static final double DEFAULT_SECONDS = 600;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop a simulation that runs longer than this (default: 600 s).")
    Double seconds;

    /** The limit for one run starting now, or Ctrl-C, whichever comes first. */
    Cancellation start(Session session) {
        double s = seconds == null ? DEFAULT_SECONDS : seconds;
        if (!(s > 0)) {
            throw new UserException("--time-limit " + seconds + ": must be a positive number of seconds");
        }
        long deadline = System.nanoTime() + (long) Math.min(s * 1e9, Long.MAX_VALUE / 2.0);
        String reason = "the time limit of " + TextTable.number(s) + " s was reached (raise it with --time-limit)";
        return Cancellation.when(session::cancelled, "interrupted")
                .or(Cancellation.when(() -> System.nanoTime() - deadline > 0, reason));
    }
}
