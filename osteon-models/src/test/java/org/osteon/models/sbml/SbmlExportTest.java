package org.osteon.models.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.models.BuiltInModels;
import org.osteon.sbml.SbmlImport;
import org.osteon.sbml.SbmlReader;
import org.osteon.sbml.SbmlWriter;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.Simulator;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Trajectory;

/**
 * Every built-in model without Java parts exports to SBML Level 3 Version 2 that libSBML (the SBML
 * reference library, Debian's python3-sbml5) finds free of errors, and reads back to a model whose
 * every shipped scenario gives the same trajectories, value for value. The Java parts are refused.
 */
class SbmlExportTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final ModelCatalog CATALOG = ModelCatalogs.discover();

    static Stream<String> exportable() {
        return CATALOG.modelIds().stream().filter(id -> javaParts(id).isEmpty());
    }

    static List<String> javaParts(String id) {
        return BuiltInModels.javaParts(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exportable")
    void exportedModelReadsBackToTheSameTrajectories(String id) {
        Model original = CATALOG.model(id).orElseThrow();
        String sbml = SbmlWriter.write(original);
        SbmlImport back = SbmlReader.read(sbml, id + ".xml");
        assertThat(back.warnings()).isEmpty();
        assertThat(back.model().metadata()).isEqualTo(original.metadata());
        assertThat(back.model().parameters()).extracting(p -> p.metadata()).isEqualTo(
                original.parameters().stream().map(p -> p.metadata()).toList());
        CompiledModel first = CATALOG.compiled(id).orElseThrow();
        CompiledModel second = ModelCompiler.compile(back.model());
        ScenarioRunner runner = new ScenarioRunner(CATALOG);
        List<Scenario> scenarios = CATALOG.scenarioIds().stream().map(s -> CATALOG.scenario(s).orElseThrow())
                .filter(s -> id.equals(s.model())).toList();
        assertThat(scenarios).as("scenarios of %s", id).isNotEmpty();
        for (Scenario s : scenarios) {
            Trajectory a;
            try {
                a = Simulator.solve(runner.problem(s, first), runner.settings(s));
            } catch (SolverException e) {
                // a scenario the built-in model itself cannot finish must fail the same way
                assertThatThrownBy(() -> Simulator.solve(runner.problem(s, second), runner.settings(s)))
                        .isInstanceOf(SolverException.class).hasMessage(e.getMessage());
                continue;
            }
            Trajectory b = Simulator.solve(runner.problem(s, second), runner.settings(s));
            assertThat(b.times()).isEqualTo(a.times());
            for (var column : a.columns()) {
                assertThat(b.column(column.id())).as("%s %s", s.name(), column.id()).isEqualTo(a.column(column.id()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exportable")
    void libSbmlFindsNoErrors(String id) throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(libSbmlAvailable(), "libSBML check skipped: install Debian's python3-sbml5 (.ci/run does this)");
        }
        String report = libSbmlCheck(SbmlWriter.write(CATALOG.model(id).orElseThrow()));
        assertThat(report).as(report).contains("errors=0 ");
    }

    @Test
    void javaPartsAreRefusedByName() {
        Model queue = CATALOG.model("martinezreina2019").orElseThrow();
        assertThatThrownBy(() -> org.osteon.sbml.ModelExport.write(queue, javaParts("martinezreina2019"),
                org.osteon.sbml.ModelExport.Format.SBML)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MineralisationQueue");
    }

    /** Scheiner's micromechanics is model text now (the exact rational function), so the model exports. */
    @Test
    void scheinerMicromechanicsIsExported() {
        assertThat(javaParts("scheiner2013")).isEmpty();
        assertThat(exportable()).contains("scheiner2013");
    }

    /** Whether Debian's libSBML Python binding is installed (CI installs python3-sbml5). */
    static boolean libSbmlAvailable() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import libsbml").redirectErrorStream(true).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /**
     * libSBML's consistency checks (all categories, units included) on the text: "errors=N
     * warnings=M" followed by every error message.
     */
    static String libSbmlCheck(String sbml) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import sys, libsbml",
                "doc = libsbml.readSBMLFromString(sys.stdin.read())",
                "doc.checkConsistency()",
                "errors = [doc.getError(i) for i in range(doc.getNumErrors()) if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]",
                "print('errors=%d warnings=%d ' % (len(errors), doc.getNumErrors() - len(errors)))",
                "for e in errors: print(e.getLine(), e.getErrorId(), e.getMessage())");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().write(sbml.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
