package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteon.analysis.batch.Engine;
import org.osteon.analysis.population.Failures;
import org.osteon.analysis.population.PopulationFiles;
import org.osteon.analysis.population.PopulationJob;
import org.osteon.analysis.population.PopulationRecipe;
import org.osteon.analysis.population.PopulationResult;
import org.osteon.report.Figure;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;
import org.osteon.scenario.ModelCatalogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code osteon population}: a virtual population simulated under a scenario, summarised by percentiles. */
@Command(name = "population", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a virtual population: n patients drawn (seeded, reproducible) from the parameter and",
                "covariate distributions of SPEC.yaml, each simulated under the scenario. Writes DIR/percentiles.csv",
                "(time,output,p05,p25,p50,p75,p95,min,max), DIR/population.json (counts, failures, timing) and a plot",
                "with bands; per-patient files on request. Patients stream through: memory does not grow with n."})
final class PopulationCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Population spec (YAML).")
    Path spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results.")
    Path out;

    @Option(names = "--n", paramLabel = "N", description = "Number of patients (overrides the spec's n).")
    Integer n;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (overrides the spec's seed).")
    Long seed;

    @Option(names = "--patients", description = "Also write DIR/patients.csv: status, covariates and parameters of each patient.")
    boolean patients;

    @Option(names = "--trajectories", description = "Also write DIR/trajectories.csv: every patient's outputs on the output grid.")
    boolean trajectories;

    @Option(names = "--format", paramLabel = "csv|parquet", description = "Format of per-patient files (parquet: Spark engine only).")
    String format = "csv";

    @Option(names = "--plot", paramLabel = "FILE", description = "The bands plot (.png or .svg; default DIR/percentiles.png).")
    String plot;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    ParallelOptions parallel;

    @ParentCommand
    Osteon root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("parquet")) {
            throw new UserException("--format " + format + ": use csv or parquet");
        }
        if (n != null && n < 1) {
            throw new UserException("--n " + n + ": must be at least 1");
        }
        OutputFiles.requireExtension("--plot", plot, java.util.List.of("png", "svg"));
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out " + out + ": exists and is not a directory");
        }
        if (!Files.isRegularFile(spec)) {
            throw new UserException(spec + ": population spec not found");
        }
        PopulationRecipe recipe = PopulationRecipe.read(spec, ModelCatalogs.discover()).with(n, seed)
                .saving(patients ? Boolean.TRUE : null, trajectories ? Boolean.TRUE : null);
        PopulationJob job = recipe.job(ModelCatalogs.discover());
        PrintWriter stdout = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        PopulationResult r;
        try (Engine engine = engineOptions.open(parallel.threads())) {
            Files.createDirectories(out);
            r = engine.population(recipe, out, format, root.session().monitor("population"));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        } finally {
            root.session().endProgress();
        }
        OutputFiles files = new OutputFiles(root.session(), stdout, err, java.util.List.of()); // outputs: fixed names in DIR and a .png/.svg plot
        if (job.spec().savePatients()) {
            files.announce("wrote " + out.resolve(format.equals("csv") ? PopulationFiles.PATIENTS : "patients.parquet"));
        }
        if (job.spec().saveTrajectories()) {
            files.announce("wrote " + out.resolve(format.equals("csv") ? PopulationFiles.TRAJECTORIES : "trajectories.parquet"));
        }
        Path percentiles = out.resolve(PopulationFiles.PERCENTILES);
        root.session().checkCancelled();
        PopulationFiles.writePercentiles(r, percentiles);
        files.announce("wrote " + percentiles + " (" + r.outputs().size() + " outputs x " + r.times().length + " times)");
        PopulationFiles.writeSummary(r, job.spec(), out.resolve(PopulationFiles.SUMMARY));
        files.announce("wrote " + out.resolve(PopulationFiles.SUMMARY));
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String o : r.outputs()) {
            units.put(o, job.unit(o));
            labels.put(o, job.label(o));
        }
        Figure figure = Plots.population(r, units, labels, PlotSpec.titled(r.name() + ": " + r.succeeded()
                + " virtual patients").withSize(PlotSpec.DEFAULT_WIDTH, Math.max(PlotSpec.DEFAULT_HEIGHT, 260 * r.outputs().size())));
        files.figure(figure, plot != null ? plot : out.resolve("percentiles.png").toString());
        stdout.printf(java.util.Locale.ROOT, "%d patients (%s engine, %d workers) in %.2f s: %.1f patients/s"
                        + " (%.1f per CPU-second); %d succeeded, %d failed%n", r.patients(), r.engine(), r.workers(),
                r.seconds(), r.patientsPerSecond(), r.patientsPerCpuSecond(), r.succeeded(), r.failures().count());
        if (r.failures().count() > 0) {
            Failures.Example first = r.failures().examples().get(0);
            err.println("warning: " + r.failures().count() + " of " + r.patients() + " patients failed and are left out"
                    + " of the percentiles (reasons in " + out.resolve(PopulationFiles.SUMMARY) + "); first, patient "
                    + first.patient() + ": " + first.message());
        }
        return 0;
    }
}
