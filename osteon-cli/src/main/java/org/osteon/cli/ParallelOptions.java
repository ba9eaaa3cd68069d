package org.osteon.cli;

import org.osteon.analysis.Parallel;
import picocli.CommandLine.Option;

/** {@code --threads}: how many simulations run at once. */
final class ParallelOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Simulations run at once (default: all cores).")
    Integer threads;

    int threads() {
        if (threads == null) {
            return Parallel.defaultThreads();
        }
        if (threads < 1) {
            throw new UserException("--threads " + threads + ": must be at least 1");
        }
        return threads;
    }
}
