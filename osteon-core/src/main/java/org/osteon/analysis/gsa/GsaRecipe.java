package org.osteon.analysis.gsa;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.osteon.analysis.batch.ScenarioRecipe;
import org.osteon.analysis.sampling.SpecYaml;
import org.osteon.scenario.ModelCatalog;

/** A sensitivity analysis that can travel to another JVM: the spec's text, its scenario and overrides. */
public final class GsaRecipe implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<GsaRecipe, GsaJob> JOBS = new ConcurrentHashMap<>();

    private final String specText;
    private final String source;
    private final ScenarioRecipe scenario;
    private final Integer n;
    private final Long seed;

    private GsaRecipe(String specText, String source, ScenarioRecipe scenario, Integer n, Long seed) {
        this.specText = specText;
        this.source = source;
        this.scenario = scenario;
        this.n = n;
        this.seed = seed;
    }

    public static GsaRecipe read(Path file, ModelCatalog catalog) {
        GsaSpec spec = GsaSpecReader.read(file, catalog);
        return new GsaRecipe(SpecYaml.readText(file), file.toString(), spec.scenario(), null, null);
    }

    public static GsaRecipe of(String text, String source, Path baseDir, ModelCatalog catalog) {
        GsaSpec spec = GsaSpecReader.read(text, source, baseDir, catalog);
        return new GsaRecipe(text, source, spec.scenario(), null, null);
    }

    public GsaRecipe with(Integer newN, Long newSeed) {
        return new GsaRecipe(specText, source, scenario, newN != null ? newN : n, newSeed != null ? newSeed : seed);
    }

    public GsaSpec spec(ModelCatalog catalog) {
        return GsaSpecReader.read(specText, source, scenario, catalog).with(n, seed);
    }

    /** The job, built once per JVM. */
    public GsaJob job(ModelCatalog catalog) {
        GsaJob job = JOBS.get(this);
        if (job == null) {
            job = new GsaJob(spec(catalog), catalog);
            if (JOBS.size() > 16) {
                JOBS.clear();
            }
            JOBS.put(this, job);
        }
        return job;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GsaRecipe r && specText.equals(r.specText) && source.equals(r.source)
                && scenario.equals(r.scenario) && Objects.equals(n, r.n) && Objects.equals(seed, r.seed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(specText, source, scenario, n, seed);
    }
}
