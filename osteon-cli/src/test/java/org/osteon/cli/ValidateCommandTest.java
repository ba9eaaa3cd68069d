package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validFilesPass() {
        Cli r = Cli.run("validate", TestFiles.example("pivonka2008.ant"), TestFiles.example("pivonka2008-pth.yaml"),
                TestFiles.example("pivonka2008-baseline.yaml"), TestFiles.res("decay.yaml"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pivonka2008-pth.yaml: ok");
        assertThat(r.err()).isEmpty();
    }

    /** Issue 13: {@code E := C + k} with C in mg/L and k in 1/day was accepted. */
    @Test
    void inconsistentUnitsAreProblemsNamingFileLineAndBothUnits() throws Exception {
        Path model = dir.resolve("units.ant");
        Files.writeString(model, """
                model units()
                  unit mg_per_L = 1e-3 gram / litre
                  unit per_day = 1 / day
                  E := C + k; E has mg_per_L
                  C' = -k * C
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                end
                """);
        Cli r = Cli.run("validate", model.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(model + ":4: units: the assignment rule of E: adds C in mg_per_L (mass / volume) and k in"
                + " per_day (1 / time)").contains("1 problem in 1 of 1 file").doesNotContain("\tat ");
        // the model's time unit is not declared: rates are checked per day, and validate says so
        assertThat(r.err()).contains(model + ": warning: rates are checked per day, the time unit assumed");
        // run simulates the numbers as written and warns once (docs/units.md)
        Cli run = Cli.run("run", model.toString(), "--until", "2", "--out", dir.resolve("units.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: the units of model 'units' are inconsistent in 1 place, e.g. the assignment rule"
                + " of E: adds C in mg_per_L");
    }

    /** Issue 13: the same inconsistency in an SBML file named the file only; now the rule's element line too. */
    @Test
    void inconsistentUnitsInSbmlNameTheLineOfTheRuleElement() throws Exception {
        String sbml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="units" timeUnits="d">
                    <listOfUnitDefinitions>
                      <unitDefinition id="d">
                        <listOfUnits><unit kind="second" exponent="1" scale="0" multiplier="86400"/></listOfUnits>
                      </unitDefinition>
                      <unitDefinition id="mg_per_L">
                        <listOfUnits>
                          <unit kind="gram" exponent="1" scale="-3" multiplier="1"/>
                          <unit kind="litre" exponent="-1" scale="0" multiplier="1"/>
                        </listOfUnits>
                      </unitDefinition>
                      <unitDefinition id="per_day">
                        <listOfUnits><unit kind="second" exponent="-1" scale="0" multiplier="86400"/></listOfUnits>
                      </unitDefinition>
                    </listOfUnitDefinitions>
                    <listOfParameters>
                      <parameter id="C" value="1" units="mg_per_L" constant="false"/>
                      <parameter id="k" value="0.1" units="per_day" constant="true"/>
                      <parameter id="E" units="mg_per_L" constant="false"/>
                    </listOfParameters>
                    <listOfRules>
                      <rateRule variable="C">
                        <math xmlns="http://www.w3.org/1998/Math/MathML">
                          <apply><times/><apply><minus/><ci> k </ci></apply><ci> C </ci></apply>
                        </math>
                      </rateRule>
                      <assignmentRule variable="E">
                        <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><plus/><ci> C </ci><ci> k </ci></apply></math>
                      </assignmentRule>
                    </listOfRules>
                  </model>
                </sbml>
                """;
        // the expected line: where the fixture's assignment rule element starts, counted from the text itself
        List<String> lines = sbml.lines().toList();
        int ruleLine = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("<assignmentRule variable=\"E\">")).findFirst().orElseThrow());
        Path model = dir.resolve("units.xml");
        Files.writeString(model, sbml);
        Cli r = Cli.run("validate", model.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(model + ":" + ruleLine + ": units: the assignment rule of E: adds C in mg_per_L (mass / volume)"
                + " and k in per_day (1 / time)").contains("1 problem in 1 of 1 file").doesNotContain("\tat ");
        // the model declares its time unit (timeUnits="d", 86400 s), so nothing is assumed
        assertThat(r.err()).doesNotContain("the time unit assumed");
    }

    @Test
    void undeclaredUnitsAreOneWarningAndAModelMayOptOut() throws Exception {
        StringBuilder text = new StringBuilder("model many()\n  unit time_unit = day\n  x' = -k0 * x\n  x = 1\n");
        for (int i = 0; i < 40; i++) {
            text.append("  k").append(i).append(" = 1\n");
        }
        Path undeclared = dir.resolve("undeclared.ant");
        Files.writeString(undeclared, text.append("end\n").toString());
        Cli r = Cli.run("validate", undeclared.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("no declared unit")).toList()).singleElement().asString()
                .startsWith(undeclared + ": warning: 2 symbols have no declared unit (k0, x)");

        Path optOut = dir.resolve("optout.ant");
        Files.writeString(optOut, "model o()\n  unit per_day = 1 / day\n  E := C + k\n  C = 1; C has gram\n  k = 1; k has per_day\n"
                + "  model notes \"units: unchecked: a fitted formula\"\nend\n");
        Cli o = Cli.run("validate", optOut.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains(optOut + ": note: units not checked (model attribute 'units: unchecked: a fitted formula')");
    }

    @Test
    void everyProblemOfEveryFileWithPositions() throws Exception {
        Path model = dir.resolve("broken.ant");
        Files.writeString(model, "model broken()\n  x' = -k*x\n  x = )\n  k = 2\n  y := 2 *\nend\n");
        Path undefined = dir.resolve("undefined.ant");
        Files.writeString(undefined, "model u()\n  x' = -k*x\n  x = 1\nend\n");
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "model: " + Path.of(TestFiles.example("pivonka2008.ant")).toAbsolutePath() + "\n"
                + "solver: rk9\n"
                + "set: {K_D9: 1}\n"
                + "interventions:\n  - {set: I_Q, value: 1, from: 0, to: 2}\n"
                + "outputs: [OCA]\n");
        Path yaml = dir.resolve("syntax.yaml");
        Files.writeString(yaml, "model: x.ant\nuntil: -1\nstep: zero\n");
        Path missingModel = dir.resolve("nomodel.yaml");
        Files.writeString(missingModel, "model: nowhere.ant\n");
        Path other = dir.resolve("notes.md");
        Files.writeString(other, "hello");
        Cli r = Cli.run("validate", model.toString(), undefined.toString(), scenario.toString(), yaml.toString(),
                missingModel.toString(), other.toString(), dir.resolve("absent.ant").toString(), TestFiles.res("decay.ant"));
        assertThat(r.code()).isEqualTo(2);
        String err = r.err();
        assertThat(err).contains(model + ":3:7: ", model + ":5:11: ")
                .contains(undefined + ": undefined symbol 'k'")
                .contains(scenario + ":2:9: unknown integration method 'rk9'")
                .contains(scenario + ":3:13: cannot set 'K_D9'", "(did you mean 'K_D1'?)")
                .contains(scenario + ":5:11: intervention target 'I_Q' is not a parameter of the model (did you mean 'I_P'?)")
                .contains(scenario + ":6:10: unknown output 'OCA' (did you mean 'OCa'?)")
                .contains(yaml + ":2:8: 'until' must be a positive finite number", yaml + ":3:7: 'step' must be a number")
                .contains(missingModel + ":1:8: ").contains("nowhere.ant: model file not found")
                .contains(other + ": unknown file type")
                .contains("absent.ant: file not found")
                .contains("problems in 7 of 8 files");
        assertThat(r.out()).contains("decay.ant: ok");
    }

    @Test
    void defaultsTheReaderAppliedAreWarningsNotProblems() throws Exception {
        Path model = dir.resolve("libantimony.txt");
        Files.writeString(model, "// Created by libAntimony v2.13.0\nmodel *m()\n  species S;\n  J0: S => ; k*S;\n"
                + "  k = 1;\n  S hypernym \"http://identifiers.org/chebi/CHEBI:1\"\nend\nm is \"a model\"\n");
        Cli r = Cli.run("validate", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("libantimony.txt: ok");
        // since issue 13's unit check, the model's undeclared units are a warning too
        assertThat(r.err()).isEqualTo(model + ":3:11: warning: species 'S' has no initial value: it starts at 0 "
                + "(tellurium's convention)" + System.lineSeparator() + model + ": warning: 2 symbols have no declared unit (k, S), so"
                + " the equations using them are not checked; declare one with 'NAME has UNIT'" + System.lineSeparator());
    }
}
