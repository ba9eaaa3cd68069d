package org.osteon.analysis.batch;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.analysis.population.PopulationResult;

/**
 * Where batches of simulations run: the local thread pool ({@link LocalEngine}), or a cluster
 * (the {@code osteon-spark} module's engine, found through {@link EngineProvider}). Engines give
 * identical results for identical inputs: every item depends only on its index and recipe, and
 * partial results merge exactly.
 */
public interface Engine extends AutoCloseable {
    String name();

    /** How many items run at once (threads, or cores of the cluster). */
    int parallelism();

    /** {@code task(0) ... task(n-1)} in index order. */
    <T extends Serializable> List<T> map(IndexedTask<T> task, int n, Monitor monitor);

    /**
     * Runs a population, writing the per-patient files its spec asks for into {@code dir} in
     * {@code format} ({@code csv}, or {@code parquet} where the engine supports it).
     *
     * @throws IllegalArgumentException if the engine cannot write {@code format}
     */
    PopulationResult population(PopulationRecipe recipe, Path dir, String format, Monitor monitor) throws IOException;

    @Override
    default void close() {
    }
}
