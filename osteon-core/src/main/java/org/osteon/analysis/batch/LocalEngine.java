package org.osteon.analysis.batch;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.Parallel;
import org.osteon.analysis.population.LocalPopulation;
import org.osteon.analysis.population.PopulationFiles;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.analysis.population.PopulationResult;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.simulation.SimulationWorkspace;

/** The default engine: a thread pool in this JVM. */
public final class LocalEngine implements Engine {
    private final int threads;

    public LocalEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <T extends Serializable> List<T> map(IndexedTask<T> task, int n, Monitor monitor) {
        // one workspace per worker thread, reused for all its items
        return Parallel.map(n, threads, monitor, SimulationWorkspace::new, (workspace, i) -> task.apply(i, workspace));
    }

    @Override
    public PopulationResult population(PopulationRecipe recipe, Path dir, String format, Monitor monitor)
            throws IOException {
        PopulationJob job = recipe.job(ModelCatalogs.discover());
        if ((job.spec().savePatients() || job.spec().saveTrajectories()) && !format.equals("csv")) {
            throw new IllegalArgumentException("the local engine writes per-patient files as csv; " + format
                    + " needs the Spark engine (--engine spark, in the osteon-spark module)");
        }
        return PopulationFiles.runWithPatientFiles(job.spec(), job.outputs(), job.times(), dir,
                sink -> LocalPopulation.run(job, threads, monitor, sink));
    }
}
