package org.osteon.cli;

import org.osteon.analysis.batch.Engine;
import org.osteon.analysis.batch.EngineProvider;
import picocli.CommandLine.Option;

/** {@code --engine local|spark} and {@code --master URL}: where a batch of simulations runs. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "NAME", description = "local (default: a thread pool here) or spark"
            + " (needs the osteon-spark module on the class path).")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] or spark://host:7077"
            + " (default: spark-submit's, else local[*]).")
    String master;

    Engine open(int threads) {
        if (master != null && engine.equals("local")) {
            throw new UserException("--master " + master + " is for --engine spark");
        }
        try {
            return EngineProvider.open(engine, master, threads);
        } catch (IllegalArgumentException e) {
            throw new UserException("--engine " + engine + ": " + e.getMessage());
        }
    }
}
