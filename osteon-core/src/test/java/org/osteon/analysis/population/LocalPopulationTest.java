package org.osteon.analysis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.analysis.Monitor;
import org.osteon.analysis.batch.SpecFiles;
import org.osteon.scenario.ModelCatalog;

/**
 * How the local engine splits a population: blocks of {@value LocalPopulation#BLOCK} patients, at
 * most one worker per block, progress reported per finished block, patients handed to the sink in
 * index order, workers on their own named daemon threads (one worker: the caller's thread), the
 * recipe's equality and its per-JVM job.
 */
class LocalPopulationTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() {
        SpecFiles.decayModel(dir);
    }

    private PopulationRecipe recipe(int n) {
        return PopulationRecipe.read(SpecFiles.write(dir, "pop.yaml", """
                model: decay.ant
                until: 2
                step: 1
                n: %d
                seed: 5
                parameters:
                  k: {distribution: lognormal, cv: 0.4}
                outputs: [x]
                """.formatted(n)), ModelCatalog.EMPTY);
    }

    /** Records progress reports. */
    private static final class Recorder implements Monitor {
        final List<int[]> reports = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progress(int done, int total) {
            reports.add(new int[] {done, total});
        }
    }

    @Test
    void progressIsReportedPerBlockOfPatients() {
        Recorder monitor = new Recorder();
        PopulationResult r = LocalPopulation.run(recipe(70).job(ModelCatalog.EMPTY), 1, monitor, PatientSink.NONE);
        // 70 patients: blocks of 32, 32 and 6
        assertThat(monitor.reports).containsExactly(new int[] {32, 70}, new int[] {64, 70}, new int[] {70, 70});
        assertThat(r.workers()).isEqualTo(1);
        assertThat(r.patients()).isEqualTo(70);
        assertThat(r.succeeded()).isEqualTo(70);
        assertThat(r.engine()).isEqualTo("local");
        assertThat(r.name()).isEqualTo("pop");
        assertThat(r.timeUnit()).isEqualTo(recipe(70).job(ModelCatalog.EMPTY).timeUnit()).isNotBlank();
    }

    @Test
    void thereIsAtMostOneWorkerPerBlock() {
        assertThat(LocalPopulation.run(recipe(64).job(ModelCatalog.EMPTY), 8, Monitor.NONE, PatientSink.NONE).workers())
                .isEqualTo(2);
        assertThat(LocalPopulation.run(recipe(65).job(ModelCatalog.EMPTY), 8, Monitor.NONE, PatientSink.NONE).workers())
                .isEqualTo(3);
        assertThat(LocalPopulation.run(recipe(65).job(ModelCatalog.EMPTY), 2, Monitor.NONE, PatientSink.NONE).workers())
                .isEqualTo(2);
        assertThatThrownBy(() -> LocalPopulation.run(recipe(5).job(ModelCatalog.EMPTY), 0, Monitor.NONE, PatientSink.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be at least 1, got 0");
    }

    @Test
    void theSinkGetsPatientsInOrderFromNamedDaemonWorkers() {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Boolean> daemon = Collections.synchronizedList(new ArrayList<>());
        PopulationResult r = LocalPopulation.run(recipe(200).job(ModelCatalog.EMPTY), 3, Monitor.NONE, p -> {
            order.add(p.patient());
            names.add(Thread.currentThread().getName());
            daemon.add(Thread.currentThread().isDaemon());
        });
        assertThat(r.workers()).isEqualTo(3);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertThat(order).isEqualTo(expected);
        assertThat(names).isNotEmpty().allMatch(n -> n.matches("osteon-population-[123]"));
        assertThat(daemon).containsOnly(true);
        // CPU time of the workers: positive, and no more than their wall time together
        assertThat(r.cpuSeconds()).isPositive().isLessThanOrEqualTo(3 * r.seconds() + 1e-3);
        assertThat(r.patientsPerCpuSecond()).isEqualTo(200 / r.cpuSeconds());
        assertThat(r.patientsPerSecond()).isEqualTo(200 / r.seconds());
    }

    @Test
    void oneWorkerRunsOnTheCallersThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        PopulationResult r = LocalPopulation.run(recipe(40).job(ModelCatalog.EMPTY), 1, Monitor.NONE,
                p -> threads.add(Thread.currentThread()));
        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(r.cpuSeconds()).isPositive().isLessThanOrEqualTo(r.seconds() + 1e-3);
    }

    @Test
    void aCancelledRunStopsBeforeItsFirstPatient() {
        Monitor cancel = new Monitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> LocalPopulation.run(recipe(70).job(ModelCatalog.EMPTY), 2, cancel, PatientSink.NONE))
                .isInstanceOf(CancellationException.class).hasMessage("cancelled after 0 of 70 patients");
    }

    @Test
    void throughputIsNaNWithoutTime() {
        PopulationResult r = new PopulationResult("p", List.of("x"), new double[] {0}, "day",
                new PercentileSketches(1, 1, 1e-3), new Failures(), 10, 0, "local", 1, Double.NaN);
        assertThat(r.patientsPerSecond()).isNaN();
        assertThat(r.patientsPerCpuSecond()).isNaN();
        PopulationResult timed = new PopulationResult("p", List.of("x"), new double[] {0}, "day",
                new PercentileSketches(1, 1, 1e-3), new Failures(), 10, 4, "local", 1, 2);
        assertThat(timed.patientsPerSecond()).isEqualTo(2.5);
        assertThat(timed.patientsPerCpuSecond()).isEqualTo(5);
    }

    @Test
    void recipesAreEqualByEveryOverrideAndShareOneJob() throws Exception {
        PopulationRecipe base = recipe(10);
        String text = java.nio.file.Files.readString(dir.resolve("pop.yaml"));
        PopulationRecipe same = recipe(10);
        assertThat(same).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(same.job(ModelCatalog.EMPTY)).isSameAs(base.job(ModelCatalog.EMPTY));
        PopulationRecipe[] distinct = {base, base.with(11, null), base.with(null, 6L), base.saving(true, null),
            base.saving(null, true), recipe(12)};
        for (int i = 0; i < distinct.length; i++) {
            for (int j = 0; j < distinct.length; j++) {
                assertThat(distinct[i].equals(distinct[j])).as("%d vs %d", i, j).isEqualTo(i == j);
            }
        }
        assertThat(base).isNotEqualTo("pop.yaml");
        PopulationJob job = base.job(ModelCatalog.EMPTY);
        assertThat(base.with(11, null).job(ModelCatalog.EMPTY)).isNotSameAs(job);
        assertThat(base.job(ModelCatalog.EMPTY)).isSameAs(job);
        assertThat(base.source()).isEqualTo(dir.resolve("pop.yaml").toString());
        // overrides: null keeps what the recipe or spec had
        PopulationSpec s = base.with(11, 6L).with(null, null).saving(true, false).saving(null, null).spec(ModelCatalog.EMPTY);
        assertThat(s.n()).isEqualTo(11);
        assertThat(s.seed()).isEqualTo(6);
        assertThat(s.savePatients()).isTrue();
        assertThat(s.saveTrajectories()).isFalse();
        assertThat(base.spec(ModelCatalog.EMPTY).n()).isEqualTo(10);
        assertThat(base.spec(ModelCatalog.EMPTY).seed()).isEqualTo(5);
        PopulationRecipe copy = org.osteon.analysis.batch.RecipesTestAccess.roundTrip(base.with(11, 6L));
        assertThat(copy).isEqualTo(base.with(11, 6L));
        PopulationRecipe fromText = PopulationRecipe.of(text,
                dir.resolve("pop.yaml").toString(), dir, ModelCatalog.EMPTY);
        assertThat(fromText).isEqualTo(base);
        // the job's labels: decay.ant gives x no unit and no display name
        assertThat(job.unit("x")).isNull();
        assertThat(job.label("x")).isEqualTo("x");
        assertThat(job.label("nope")).isEqualTo("nope");
    }
}
