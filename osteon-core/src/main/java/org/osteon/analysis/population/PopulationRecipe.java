package org.osteon.analysis.population;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.sampling.SpecYaml;
import org.osteon.scenario.ModelCatalog;

/**
 * A population run that can travel to another JVM: the spec's text, its scenario captured as a
 * {@link ScenarioRecipe}, and the command-line overrides of size, seed and what to save. Any JVM
 * rebuilds the same {@link PopulationJob} from it ({@link #job}, once per JVM).
 */
public final class PopulationRecipe implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final java.util.Map<PopulationRecipe, PopulationJob> JOBS = new ConcurrentHashMap<>();

    private final String specText;
    private final String source;
    private final ScenarioRecipe scenario;
    private final Integer n;
    private final Long seed;
    private final Boolean savePatients;
    private final Boolean saveTrajectories;

    private PopulationRecipe(String specText, String source, ScenarioRecipe scenario, Integer n, Long seed,
                             Boolean savePatients, Boolean saveTrajectories) {
        this.specText = specText;
        this.source = source;
        this.scenario = scenario;
        this.n = n;
        this.seed = seed;
        this.savePatients = savePatients;
        this.saveTrajectories = saveTrajectories;
    }

    /** Reads a spec file now (and the scenario and model files it names). */
    public static PopulationRecipe read(Path file, ModelCatalog catalog) {
        PopulationSpec spec = PopulationSpecReader.read(file, catalog);
        return new PopulationRecipe(SpecYaml.readText(file), file.toString(), spec.scenario(), null, null, null, null);
    }

    /** From spec text; relative paths in it resolve against {@code baseDir}. */
    public static PopulationRecipe of(String text, String source, Path baseDir, ModelCatalog catalog) {
        PopulationSpec spec = PopulationSpecReader.read(text, source, baseDir, catalog);
        return new PopulationRecipe(text, source, spec.scenario(), null, null, null, null);
    }

    /** With another number of patients and seed (null: the spec's). */
    public PopulationRecipe with(Integer newN, Long newSeed) {
        return new PopulationRecipe(specText, source, scenario, newN != null ? newN : n, newSeed != null ? newSeed : seed,
                savePatients, saveTrajectories);
    }

    /** With what to save per patient changed (null: the spec's). */
    public PopulationRecipe saving(Boolean patients, Boolean trajectories) {
        return new PopulationRecipe(specText, source, scenario, n, seed, patients != null ? patients : savePatients,
                trajectories != null ? trajectories : saveTrajectories);
    }

    public String source() {
        return source;
    }

    /** The spec with the overrides applied. */
    public PopulationSpec spec(ModelCatalog catalog) {
        PopulationSpec s = PopulationSpecReader.read(specText, source, scenario, catalog);
        if (n != null) {
            s = s.withSize(n);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        return s.withSaving(savePatients != null ? savePatients : s.savePatients(),
                saveTrajectories != null ? saveTrajectories : s.saveTrajectories());
    }

    /** The job, built once per JVM. */
    public PopulationJob job(ModelCatalog catalog) {
        PopulationJob job = JOBS.get(this);
        if (job == null) {
            job = new PopulationJob(spec(catalog), catalog);
            if (JOBS.size() > 16) {
                JOBS.clear(); // a long-lived executor running many jobs; building one again is cheap
            }
            JOBS.put(this, job);
        }
        return job;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PopulationRecipe r && specText.equals(r.specText) && source.equals(r.source)
                && scenario.equals(r.scenario) && Objects.equals(n, r.n) && Objects.equals(seed, r.seed)
                && Objects.equals(savePatients, r.savePatients) && Objects.equals(saveTrajectories, r.saveTrajectories);
    }

    @Override
    public int hashCode() {
        return Objects.hash(specText, source, scenario, n, seed, savePatients, saveTrajectories);
    }
}
