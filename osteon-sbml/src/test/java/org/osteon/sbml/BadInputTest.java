package org.osteon.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.text.ModelSyntaxException;
import org.osteon.text.SyntaxProblem;

/**
 * Hostile and broken SBML: every problem is a {@link ModelSyntaxException} naming the file, the
 * line and the element; nothing is fetched, expanded without bound, or read from the disk.
 */
class BadInputTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String L3V2 = "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">\n";

    private static SyntaxProblem onlyProblem(String text) {
        try {
            SbmlReader.read(text, "bad.xml");
        } catch (ModelSyntaxException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = HEAD + "<!DOCTYPE sbml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n" + L3V2
                + "<model id=\"m\"><listOfParameters><parameter id=\"p\" name=\"&x;\" value=\"1\" constant=\"true\"/>"
                + "</listOfParameters></model></sbml>\n";
        SyntaxProblem p = onlyProblem(xxe);
        assertThat(p.file()).isEqualTo("bad.xml");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("<!DOCTYPE>").doesNotContain("TOP-SECRET");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sbml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>\n");
        String bomb = HEAD + dtd + L3V2 + "<model id=\"m\" name=\"&lol9;\"/></sbml>\n";
        long start = System.nanoTime();
        SyntaxProblem p = onlyProblem(bomb);
        assertThat(p.message()).contains("<!DOCTYPE>");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(5);
    }

    @Test
    void undeclaredEntityIsAnError() {
        SyntaxProblem p = onlyProblem(HEAD + L3V2 + "<model id=\"m\" name=\"&nope;\"/>\n</sbml>\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("malformed XML").contains("nope");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        SyntaxProblem p = onlyProblem(HEAD + L3V2 + "<model id=\"m\">\n  <listOfParameters>\n</model></sbml>\n");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).startsWith("malformed XML:");
    }

    @Test
    void notSbmlAtAll() {
        assertThat(onlyProblem(HEAD + "<html><body/></html>\n").message()).contains("expected an <sbml> document, found <html>");
    }

    @Test
    void tooLargeIsRefusedBeforeParsing() {
        String huge = " ".repeat(SafeXml.MAX_CHARS + 1);
        assertThat(onlyProblem(huge).message()).contains("file too large");
    }

    @Test
    void levelOneIsRefusedWithAdvice() {
        SyntaxProblem p = onlyProblem(HEAD + "<sbml xmlns=\"http://www.sbml.org/sbml/level1\" level=\"1\" version=\"2\">\n"
                + "<model name=\"m\"/></sbml>\n");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("SBML Level 1 Version 2 is not supported").contains("libSBML");
    }

    @Test
    void requiredPackageIsRefusedOptionalOneIgnored() {
        String comp = HEAD + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\" "
                + "xmlns:comp=\"http://www.sbml.org/sbml/level3/version1/comp/version1\" comp:required=\"true\">\n"
                + "<model id=\"m\"/></sbml>\n";
        SyntaxProblem p = onlyProblem(comp);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("<sbml>").contains("package 'comp'").contains("required");
        String layout = comp.replace("comp:required=\"true\"", "comp:required=\"false\"");
        SbmlImport ok = SbmlReader.read(layout, "ok.xml");
        assertThat(ok.warnings()).anyMatch(w -> w.contains("'comp'") && w.contains("ignored"));
    }

    @Test
    void undefinedIdNamesTheElementAndItsLine() {
        String text = HEAD + L3V2 + "<model id=\"m\">\n"
                + "<listOfParameters><parameter id=\"k\" value=\"1\" constant=\"false\"/></listOfParameters>\n"
                + "<listOfRules>\n"
                + "  <rateRule variable=\"k\">\n"
                + "    <math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci> kk </ci></math>\n"
                + "  </rateRule>\n"
                + "</listOfRules></model></sbml>\n";
        SyntaxProblem p = onlyProblem(text);
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.message()).isEqualTo("<rateRule variable=\"k\">: undefined id 'kk' (did you mean 'k'?)");
    }

    @Test
    void unsupportedConstructNamesTheElementAndItsLine() {
        String text = HEAD + "<sbml xmlns=\"http://www.sbml.org/sbml/level2/version4\" level=\"2\" version=\"4\">\n"
                + "<model id=\"m\">\n"
                + "<listOfCompartments><compartment id=\"c\"/></listOfCompartments>\n"
                + "<listOfSpecies><species id=\"A\" compartment=\"c\" initialAmount=\"1\"/></listOfSpecies>\n"
                + "<listOfParameters><parameter id=\"p\" constant=\"false\"/></listOfParameters>\n"
                + "<listOfRules><assignmentRule variable=\"p\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply>"
                + "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/delay\"> delay </csymbol>"
                + "<ci> A </ci><cn> 1 </cn></apply></math></assignmentRule></listOfRules>\n"
                + "<listOfReactions>\n"
                + "  <reaction id=\"R\" fast=\"true\"><listOfReactants><speciesReference species=\"A\"/></listOfReactants>\n"
                + "    <kineticLaw><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci> A </ci></math></kineticLaw>\n"
                + "  </reaction>\n"
                + "</listOfReactions></model></sbml>\n";
        SyntaxProblem p = onlyProblem(text);
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.message()).startsWith("<reaction id=\"R\">: fast reactions").contains("not supported")
                .contains("species 'A' of a fast reaction is read through delay()");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text = HEAD + L3V2 + "<model id=\"m\">\n"
                + "<listOfInitialAssignments>\n"
                + "  <initialAssignment symbol=\"a\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></initialAssignment>\n"
                + "  <initialAssignment symbol=\"b\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></initialAssignment>\n"
                + "</listOfInitialAssignments></model></sbml>\n";
        assertThatThrownBy(() -> SbmlReader.read(text, "bad.xml")).isInstanceOfSatisfying(ModelSyntaxException.class, e -> {
            assertThat(e.problems()).extracting(SyntaxProblem::line).containsExactly(5, 6);
            assertThat(e.getMessage()).contains("bad.xml:5:1: <initialAssignment symbol=\"a\">: undefined id 'a'");
        });
    }
}
