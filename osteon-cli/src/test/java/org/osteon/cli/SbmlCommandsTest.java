package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SBML on the command line: SBML files wherever a model is (run, steady, describe, validate,
 * scenarios), {@code osteon export} and {@code osteon conformance}, and bad SBML reported as
 * file:line: element: problem with exit code 2 and no stack trace.
 */
class SbmlCommandsTest {
    /** x' = -k x with k = 0.5 and x(0) = 2, as SBML Level 3 Version 2: x = 2 exp(-t/2). */
    static final String DECAY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="decay" name="exponential decay">
                <listOfParameters>
                  <parameter id="x" value="2" constant="false"/>
                  <parameter id="k" value="0.5" constant="true"/>
                </listOfParameters>
                <listOfRules>
                  <rateRule variable="x">
                    <math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><minus/><apply><times/><ci> k </ci><ci> x </ci></apply></apply>
                    </math>
                  </rateRule>
                </listOfRules>
              </model>
            </sbml>
            """;

    @TempDir
    Path dir;

    private Path decay() throws Exception {
        Path f = dir.resolve("decay.xml");
        Files.writeString(f, DECAY);
        return f;
    }

    @Test
    void sbmlFileRunsValidatesAndDescribes() throws Exception {
        Path f = decay();
        Cli run = Cli.run("run", f.toString(), "--until", "2", "--step", "1", "--rtol", "1e-10", "--atol", "1e-14", "--out", "-");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("time,x");
        assertThat(Double.parseDouble(lines.get(3).split(",")[1])).isCloseTo(2 * Math.exp(-1), org.assertj.core.data.Offset.offset(1e-8));
        assertThat(Cli.run("validate", f.toString()).out()).contains("decay.xml: ok");
        assertThat(Cli.run("describe", f.toString()).out()).contains("x");
        Cli steady = Cli.run("steady", f.toString());
        assertThat(steady.code()).as(steady.err()).isZero();
    }

    @Test
    void scenarioNamesAnSbmlModel() throws Exception {
        decay();
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, "model: decay.xml\nuntil: 4\nstep: 2\nset: {k: 1}\n");
        Cli r = Cli.run("run", yaml.toString(), "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("4.0,");
    }

    @Test
    void badSbmlIsAUserErrorWithLineAndElement() throws Exception {
        Path f = dir.resolve("bad.xml");
        Files.writeString(f, DECAY.replace("<ci> k </ci>", "<ci> kk </ci>"));
        Cli r = Cli.run("run", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":9:1: <rateRule variable=\"x\">: undefined id 'kk' (did you mean 'k'?)")
                .doesNotContain("\tat ").doesNotContain("Exception");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, DECAY.replace("</listOfRules>", ""));
        Cli b = Cli.run("validate", broken.toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains(broken + ":15:").contains("malformed XML").doesNotContain("\tat ");
    }

    @Test
    void exportSbmlReadsBackAndRuns() throws Exception {
        Path out = dir.resolve("lemaire.xml");
        Cli e = Cli.run("export", "lemaire2004", "--format", "sbml", "--out", out.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("wrote " + out);
        assertThat(Files.readString(out)).contains("level=\"3\" version=\"2\"").contains("osteon:attribute key=\"source\"");
        Cli r = Cli.run("run", out.toString(), "--until", "10", "--step", "10", "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("time,OBp,OBa,OCa");
    }

    @Test
    void exportAntimonyToStandardOutput() {
        Cli e = Cli.run("export", "komarova2003", "--format", "antimony");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("komarova2003()").contains("x1' = ");
    }

    @Test
    void javaPartsAreRefusedByName() {
        Cli queue = Cli.run("export", "martinezreina2019", "--format", "sbml");
        assertThat(queue.code()).isEqualTo(2);
        assertThat(queue.err()).contains("MineralisationQueue").contains("implemented in Java");
        Cli micromechanics = Cli.run("export", "scheiner2013", "--format", "antimony");
        assertThat(micromechanics.code()).as("micromechanics written in the model text: " + micromechanics.err()).isZero();
        assertThat(Cli.run("export", "lemaire2004", "--format", "cellml").err()).contains("unknown format 'cellml'");
    }

    @Test
    void conformanceWritesResultsAndTheTagTable() throws Exception {
        Path csv = dir.resolve("results.csv");
        Cli r = Cli.run("conformance", TestFiles.res("sbml-test-suite"), "--out", csv.toString(), "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(csv)).first().isEqualTo("case,result,reason");
        assertThat(Files.readAllLines(csv)).element(1).isEqualTo("00001,pass,");
        assertThat(Files.readAllLines(csv)).element(2).asString().startsWith("01539,unsupported,").contains("fast reactions");
        assertThat(r.out()).contains("FastReaction").contains("core time courses").containsPattern("all cases\\s+2\\s+1\\s+0\\s+1\\s+0");
    }
}
