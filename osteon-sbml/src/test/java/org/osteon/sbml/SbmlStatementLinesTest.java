package org.osteon.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.osteon.text.SourceLines.Kind;
import org.osteon.text.StatementLines;

/**
 * Issue 13: unit errors in SBML files named the file but no line. {@link SbmlReader#lines} finds the
 * element of each rule, initial assignment, reaction and event; the expected lines are found here by
 * searching the fixture text for the element's start tag, independently of the reader.
 */
class SbmlStatementLinesTest {
    private static final String SBML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="lines">
                <listOfCompartments>
                  <compartment id="cell" size="1" constant="true"/>
                </listOfCompartments>
                <listOfSpecies>
                  <species id="S" compartment="cell" initialAmount="1" hasOnlySubstanceUnits="true"
                           boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters>
                  <parameter id="x" value="1" constant="false"/>
                  <parameter id="y" constant="false"/>
                  <parameter id="z" constant="true"/>
                  <parameter id="k" value="2" constant="true"/>
                </listOfParameters>
                <listOfInitialAssignments>
                  <initialAssignment symbol="z">
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><ci> k </ci></math>
                  </initialAssignment>
                </listOfInitialAssignments>
                <listOfRules>
                  <assignmentRule variable="y">
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci> k </ci><ci> x </ci></apply></math>
                  </assignmentRule>
                  <rateRule variable="x">
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><minus/><ci> x </ci></apply></math>
                  </rateRule>
                </listOfRules>
                <listOfReactions>
                  <reaction id="R1" reversible="false">
                    <listOfReactants>
                      <speciesReference species="S" stoichiometry="1" constant="true"/>
                    </listOfReactants>
                    <kineticLaw>
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci> k </ci><ci> S </ci></apply></math>
                    </kineticLaw>
                  </reaction>
                </listOfReactions>
                <listOfEvents>
                  <event id="ev1" useValuesFromTriggerTime="true">
                    <trigger initialValue="false" persistent="true">
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><gt/><csymbol encoding="text"
                        definitionURL="http://www.sbml.org/sbml/symbols/time"> t </csymbol><cn> 1 </cn></apply></math>
                    </trigger>
                    <listOfEventAssignments>
                      <eventAssignment variable="x">
                        <math xmlns="http://www.w3.org/1998/Math/MathML"><cn> 3 </cn></math>
                      </eventAssignment>
                    </listOfEventAssignments>
                  </event>
                </listOfEvents>
              </model>
            </sbml>
            """;

    /** The 1-based line of the first line of the text containing {@code tag}. */
    private static int lineOf(String tag) {
        List<String> lines = SBML.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(tag)) {
                return i + 1;
            }
        }
        throw new AssertionError("fixture has no " + tag);
    }

    @Test
    void eachRuleInitialAssignmentReactionAndEventIsFoundAtItsElement() {
        StatementLines lines = new SbmlReader().lines(SBML, "lines.xml");
        assertThat(lines.line(Kind.RATE_RULE, "x")).isEqualTo(OptionalInt.of(lineOf("<rateRule variable=\"x\">")));
        assertThat(lines.line(Kind.ASSIGNMENT_RULE, "y")).isEqualTo(OptionalInt.of(lineOf("<assignmentRule variable=\"y\">")));
        assertThat(lines.line(Kind.VALUE, "z")).isEqualTo(OptionalInt.of(lineOf("<initialAssignment symbol=\"z\">")));
        assertThat(lines.line(Kind.LABEL, "R1")).isEqualTo(OptionalInt.of(lineOf("<reaction id=\"R1\"")));
        assertThat(lines.line(Kind.LABEL, "ev1")).isEqualTo(OptionalInt.of(lineOf("<event id=\"ev1\"")));
        // the fixture's tags are on different lines, so a mix-up of kinds cannot pass
        assertThat(List.of(lineOf("<rateRule"), lineOf("<assignmentRule"), lineOf("<initialAssignment"), lineOf("<reaction "),
                lineOf("<event "))).doesNotHaveDuplicates();
    }

    @Test
    void aStatementOfAnotherKindOrAnUnknownNameHasNoLine() {
        StatementLines lines = new SbmlReader().lines(SBML, "lines.xml");
        // x has a rate rule, not an assignment rule; y has no rate rule; the event assignment to x is not a rule
        assertThat(lines.line(Kind.ASSIGNMENT_RULE, "x")).isEmpty();
        assertThat(lines.line(Kind.RATE_RULE, "y")).isEmpty();
        assertThat(lines.line(Kind.VALUE, "x")).isEmpty();
        assertThat(lines.line(Kind.LABEL, "S")).isEmpty();
        assertThat(lines.line(Kind.LABEL, "nowhere")).isEmpty();
        assertThat(lines.line(Kind.RATE_RULE, null)).isEmpty();
    }
}
