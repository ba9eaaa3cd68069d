package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.UnitDefinition;
import org.osteon.model.expr.Expr;

/**
 * The forms libAntimony writes (as in the BioModels translations under
 * shared/antimony/biomodels and in its tutorial, AntimonyTutorial.md), read by Osteon.
 */
class LibAntimonyFormsTest {

    private static AntimonyReading read(String text) {
        return AntimonyReader.parseWithWarnings(text, "t.ant");
    }

    @Test
    void displayNamesAndAnnotationsInsideAndAfterTheModel() {
        Model m = read(String.join("\n",
                "// Created by libAntimony v2.13.0",
                "function f1(x)",
                "  2*x",
                "end",
                "model *BIOMD1()",
                "  compartment comp1;",
                "  species A in comp1;",
                "  A = 1;",
                "  comp1 = 1;",
                "  A is \"Active\";",
                "  comp1.sboTerm = 290",
                "  A.sboTerm = SBO:0000420",
                "  comp1 identity \"http://identifiers.org/go/GO:0031594\"",
                "  A hypernym \"http://identifiers.org/interpro/IPR002394\",",
                "             \"http://identifiers.org/go/GO:0005892\"",
                "  A isVersionOf \"http://x/3\"",
                "end",
                "",
                "f1 is \"double\"",
                "BIOMD1 is \"Edelstein1996 - EPSP ACh event\"",
                "",
                "BIOMD1 model_entity_is \"http://identifiers.org/biomodels.db/MODEL6613849442\"",
                "BIOMD1 model_entity_is \"http://identifiers.org/biomodels.db/BIOMD0000000001\"",
                "BIOMD1 taxon \"http://identifiers.org/taxonomy/7787\"",
                "")).model();
        assertThat(m.id()).isEqualTo("BIOMD1");
        assertThat(m.metadata().displayName()).isEqualTo("Edelstein1996 - EPSP ACh event");
        assertThat(m.metadata().attributes()).containsExactly(
                Map.entry("cv:model_entity_is", "http://identifiers.org/biomodels.db/MODEL6613849442\n"
                        + "http://identifiers.org/biomodels.db/BIOMD0000000001"),
                Map.entry("cv:taxon", "http://identifiers.org/taxonomy/7787"));
        assertThat(m.functions().get(0).metadata().displayName()).isEqualTo("double");
        Metadata a = m.species().get(0).metadata();
        assertThat(a.displayName()).isEqualTo("Active");
        assertThat(a.attributes()).containsExactly(Map.entry(Metadata.SBO_TERM, "SBO:0000420"),
                Map.entry("cv:hypernym", "http://identifiers.org/interpro/IPR002394\n"
                        + "http://identifiers.org/go/GO:0005892\nhttp://x/3"));
        assertThat(m.compartments().get(0).metadata().attributes()).containsExactly(
                Map.entry(Metadata.SBO_TERM, "SBO:0000290"),
                Map.entry("cv:identity", "http://identifiers.org/go/GO:0031594"));
    }

    @Test
    void notesCarryOsteonsAttributesAndFreeText() {
        Model m = read(String.join("\n",
                "model m()",
                "  k = 1",
                "  k notes \"description: rate &lt; 1 &amp; &quot;fast&quot;&#10;second line\"",
                "  k notes ```source: Smith 2004",
                "note: two lines",
                "  of text```",
                "  j = 2",
                "  j notes ```<p>BioModels XHTML</p>```",
                "  model notes \"citation: Smith J (2004)\"",
                "  model.sboTerm = 4",
                "end",
                "m notes \"doi: 10.1/x\"")).model();
        assertThat(m.parameters().get(0).metadata().attributes()).containsExactly(
                Map.entry("description", "rate < 1 & \"fast\"\nsecond line"),
                Map.entry("source", "Smith 2004"),
                Map.entry("note", "two lines\n  of text"));
        assertThat(m.parameters().get(1).metadata().attributes())
                .containsExactly(Map.entry(Metadata.NOTES, "<p>BioModels XHTML</p>"));
        assertThat(m.metadata().attributes()).containsExactly(Map.entry("citation", "Smith J (2004)"),
                Map.entry(Metadata.SBO_TERM, "SBO:0000004"), Map.entry("doi", "10.1/x"));
    }

    @Test
    void unitDefinitionsWithNumbersAsLibAntimonyWritesThem() {
        Model m = read(String.join("\n",
                "model m()",
                "  unit substance = 1e-6 mole;",
                "  unit pmin = 1 / 60 second;",
                "  unit conc = 1e-3 mole / 1e-3 litre;",
                "  unit area = (1e-6 metre)^2;",
                "  unit rate = litre / (mole * second);",
                "  unit inv = 1 / dimensionless^-1;",
                "  unit time_unit = time_unit;",
                "  unit cm3 = 1e-6 * metre^3;",
                "  substance is \"micromole (default)\";",
                "end")).model();
        assertThat(m.units()).containsExactly(
                new UnitDefinition("substance", 1e-6, List.of(new UnitDefinition.Factor("mole", 1))),
                new UnitDefinition("pmin", 1.0 / 60, List.of(new UnitDefinition.Factor("second", -1))),
                new UnitDefinition("conc", 1, List.of(new UnitDefinition.Factor("mole", 1),
                        new UnitDefinition.Factor("litre", -1))),
                new UnitDefinition("area", Math.pow(1e-6, 2), List.of(new UnitDefinition.Factor("metre", 2))),
                new UnitDefinition("rate", 1, List.of(new UnitDefinition.Factor("litre", 1),
                        new UnitDefinition.Factor("mole", -1), new UnitDefinition.Factor("second", -1))),
                new UnitDefinition("inv", 1, List.of(new UnitDefinition.Factor("dimensionless", 1))),
                new UnitDefinition("cm3", 1e-6, List.of(new UnitDefinition.Factor("metre", 3))));
        // libAntimony raises a number written before a unit with it: (1e-2 metre)^3
        assertThat(read("model m()\n  unit cm3 = 1e-2 metre^3\nend\n").model().units().get(0).multiplier())
                .isCloseTo(1e-6, org.assertj.core.api.Assertions.within(1e-21));
    }

    @Test
    void emptyValuesAndSpeciesWithoutValuesAreWarnings() {
        AntimonyReading r = read("model m()\n  species W in c\n  c = 1\n  W = ;\n  p = ;\n  J1: W => ; p*W\nend\n");
        assertThat(r.model().species().get(0).initialValue()).isZero();
        assertThat(r.model().parameters()).containsExactly(new Parameter("p", Double.NaN, true, Metadata.EMPTY));
        assertThat(r.warnings()).extracting(SyntaxProblem::toString).containsExactly(
                "t.ant:4:3: species 'W' has no initial value: it starts at 0 (tellurium's convention)",
                "t.ant:5:3: 'p = ;' gives 'p' no value (libAntimony writes this for math missing in SBML): it stays unset");
    }

    @Test
    void operatorsAndNamesOnlyLibAntimonyWrites() {
        Model m = read(String.join("\n",
                "model *Kholodenko1999_-_EGFR_signaling()",
                "  compartment cell, external;",
                "  x := piecewise(1, (C_b! = 0) && (time%24 > 1), 0)",
                "  y := notanumber + TRUE",
                "  cell = 1; external = 2",
                "end",
                "Kholodenko1999_-_EGFR_signaling is \"Kholodenko1999 - EGFR signaling\"",
                "Kholodenko1999_-_EGFR_signaling taxon \"http://identifiers.org/taxonomy/10116\"")).model();
        assertThat(m.id()).isEqualTo("Kholodenko1999___EGFR_signaling");
        assertThat(m.metadata().displayName()).isEqualTo("Kholodenko1999 - EGFR signaling");
        assertThat(m.compartments()).extracting(c -> c.id()).containsExactly("cell", "external");
        Expr x = ((Rule.Assignment) m.rules().get(0)).expression();
        assertThat(org.osteon.model.expr.ExprFormatter.format(x)).isEqualTo("piecewise(1, C_b != 0 && "
                + "piecewise(time - 24 * ceil(time / 24), xor(time < 0, 24 < 0), time - 24 * floor(time / 24)) > 1, 0)");
        assertThat(org.osteon.model.expr.ExprFormatter.format(((Rule.Assignment) m.rules().get(1)).expression()))
                .isEqualTo("NaN + true");
    }

    @Test
    void reactionRatesGivenLaterAndSpeciesReferenceNames() {
        Model m = read("model m()\n  J0: 2 A -> B;\n  J0 = k*A\n  J1: n B -> C; k*B\n  n = 3\n  k = 1\n"
                + "  A = 1; B = 0; C = 0\nend\n").model();
        assertThat(m.reactions().get(0).rate()).isEqualTo(new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Sym("k"),
                new Expr.Sym("A")));
        // "n B": a species reference with id n, whose value is the coefficient (not a parameter)
        assertThat(m.reactions().get(1).reactants().get(0)).isEqualTo(new org.osteon.model.SpeciesReference("B", 3, "n"));
        assertThat(m.species()).extracting(Species::id).containsExactly("A", "B", "C");
        assertThat(m.parameters()).extracting(Parameter::id).containsExactly("k");
        Model variable = read("model m()\n  J1: n B -> C; k*B\n  n := 1 + time\n  B = 1; C = 0; k = 1\nend\n").model();
        assertThat(variable.reactions().get(0).reactants().get(0).stoichiometry()).isNaN();
        assertThat(variable.rules()).extracting(Rule::variable).containsExactly("n");
    }

    @Test
    void algebraicRulesAsLibAntimonyWritesThem() {
        Model m = read("model m()\n  x' = -x\n  _alg0: 0 = x + z - 3;\n  0 = y - 2*x\n  x = 1; var z; var y\nend\n").model();
        assertThat(m.rules()).extracting(r -> r instanceof Rule.Algebraic ? "0 = "
                + org.osteon.model.expr.ExprFormatter.format(r.expression()) : r.variable())
                .containsExactly("x", "0 = x + z - 3", "0 = y - 2 * x");
        assertThat(AntimonyWriter.write(m)).contains("  0 = x + z - 3\n  0 = y - 2 * x\n");
    }
}
