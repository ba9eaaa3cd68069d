package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.UnitDefinition;
import org.osteon.model.expr.Expr;

class AntimonyWriterTest {

    private static Expr sym(String s) {
        return new Expr.Sym(s);
    }

    private static Expr num(double v) {
        return new Expr.Num(v);
    }

    private static Model roundTrip(Model m) {
        String text = AntimonyWriter.write(m);
        assertThat(AntimonyReader.parse(text, "w.ant")).as(text).isEqualTo(m);
        return m;
    }

    @Test
    void canonicalTextWithEverySection() {
        Model m = Model.builder("demo")
                .metadata(new Metadata(null, null, Map.of("citation", "Demo 2024")))
                .unit(new UnitDefinition("pM", 1e-12, List.of(new UnitDefinition.Factor("mole", 1),
                        new UnitDefinition.Factor("litre", -1))))
                .unit(new UnitDefinition("per_day", 1, List.of(new UnitDefinition.Factor("day", -1))))
                .function(new FunctionDefinition("hill", List.of("x", "k"), new Expr.Binary(Expr.BinaryOp.DIV,
                        sym("x"), new Expr.Binary(Expr.BinaryOp.ADD, sym("k"), sym("x"))), Metadata.EMPTY))
                .function(new FunctionDefinition("psi", List.of("f"), null, Metadata.EMPTY))
                .compartment(new Compartment("bone", 1, true, Metadata.EMPTY))
                .species(new Species("B", "bone", 1e-3, false, false, false,
                        new Metadata("active osteoblasts", "pM", Map.of(Metadata.DESCRIPTION, "say \"hi\"\n"))))
                .species(new Species("S", "bone", 2, true, true, false, Metadata.EMPTY))
                .parameter(new Parameter("k", 0.5, true, Metadata.EMPTY))
                .parameter(new Parameter("x", Double.NaN, false, Metadata.EMPTY))
                .parameter(new Parameter("d", Double.NaN, false, Metadata.EMPTY))
                .parameter(new Parameter("q", Double.NaN, true, Metadata.EMPTY))
                .initialAssignment(new InitialAssignment("q", new Expr.Binary(Expr.BinaryOp.MUL, sym("k"), num(2))))
                .rule(new Rule.Assignment("x", new Expr.Call("hill", List.of(sym("B"), sym("k")))))
                .reaction(new Reaction("J1", List.of(new SpeciesReference("S", 1)),
                        List.of(new SpeciesReference("B", 2)), new Expr.Binary(Expr.BinaryOp.MUL, sym("k"), sym("S")),
                        false, Metadata.EMPTY))
                .event(new Event("E1", new Expr.Binary(Expr.BinaryOp.GE, sym("time"), num(10)), num(2),
                        List.of(new Event.Assignment("d", num(1))), null, false, true, true, Metadata.EMPTY))
                .build();

        assertThat(AntimonyWriter.write(roundTrip(m))).isEqualTo(String.join("\n",
                "// Functions",
                "function hill(x, k)",
                "  x / (k + x)",
                "end",
                "external function psi(f)",
                "",
                "model *demo()",
                "",
                "  // Units",
                "  unit pM = 1.0e-12 mole / litre",
                "  unit per_day = 1 / day",
                "",
                "  // Compartments",
                "  compartment bone = 1",
                "",
                "  // Species",
                "  species B in bone = 0.001",
                "  substanceOnly species $S in bone = 2",
                "",
                "  // Reactions",
                "  J1: $S => 2 B; k * S",
                "",
                "  // Rules",
                "  x := hill(B, k)",
                "",
                "  // Events",
                "  E1: at 2 after (time >= 10), persistent=false: d = 1",
                "",
                "  // Parameters",
                "  k = 0.5",
                "  var x",
                "  var d",
                "  const q",
                "",
                "  // Initial assignments",
                "  q = k * 2",
                "",
                "  // Metadata",
                "  B is \"active osteoblasts\"",
                "  B has pM",
                "  B notes \"description: say &quot;hi&quot;&#10;\"",
                "end",
                "",
                "demo notes \"citation: Demo 2024\"",
                ""));
    }

    @Test
    void emptyModel() {
        assertThat(AntimonyWriter.write(roundTrip(Model.builder("m").build()))).isEqualTo("model *m()\nend\n");
    }

    @Test
    void constnessIsWrittenOnlyWhereItDiffersFromTheDefault() {
        Model m = Model.builder("m")
                .compartment(new Compartment("c1", 1, false, Metadata.EMPTY))
                .compartment(new Compartment("c2", 1, false, Metadata.EMPTY))
                .species(new Species("A", null, 1, false, false, true, Metadata.EMPTY))
                .parameter(new Parameter("p1", 1, false, Metadata.EMPTY))
                .parameter(new Parameter("p2", 1, false, Metadata.EMPTY))
                .rule(new Rule.Rate("c2", num(0)))
                .rule(new Rule.Rate("p2", num(0)))
                .build();
        String text = AntimonyWriter.write(roundTrip(m));
        assertThat(text).contains("  var compartment c1 = 1\n", "  compartment c2 = 1\n", "  const species A = 1\n",
                "  var p1 = 1\n", "  p2 = 1\n");
    }

    @Test
    void bareNumberInitialAssignmentIsParenthesised() {
        Model m = Model.builder("m")
                .parameter(new Parameter("k", 3, true, Metadata.EMPTY))
                .initialAssignment(new InitialAssignment("k", num(-4)))
                .build();
        assertThat(AntimonyWriter.write(roundTrip(m))).contains("  k = 3\n", "  k = (-4)\n");
    }

    @Test
    void awkwardNumbersAndUnits() {
        Model m = Model.builder("m")
                .unit(new UnitDefinition("u1", 0.001, List.of(new UnitDefinition.Factor("a", -0.0),
                        new UnitDefinition.Factor("b", -2.5))))
                .unit(new UnitDefinition("u2", -0.0, List.of()))
                .unit(new UnitDefinition("u3", 1, List.of(new UnitDefinition.Factor("c", 0.5))))
                .parameter(new Parameter("z", -0.0, true, Metadata.EMPTY))
                .parameter(new Parameter("t", Double.MIN_VALUE, true, Metadata.EMPTY))
                .parameter(new Parameter("i", Double.NEGATIVE_INFINITY, true, Metadata.EMPTY))
                .build();
        assertThat(AntimonyWriter.write(roundTrip(m))).contains(
                "  unit u1 = 0.001 * a^-0.0 / b^2.5\n", "  unit u2 = -0.0\n", "  unit u3 = c^0.5\n",
                "  z = -0.0\n", "  t = 4.9e-324\n", "  i = -inf\n");
    }

    @Test
    void unitsWithInfiniteOrNaNScaleOrExponentAreNotReadBack() {
        // Issue 13: such a unit makes every quantity in it meaningless; the reader refuses it by position.
        Model m = Model.builder("m").unit(new UnitDefinition("u1", Double.NaN, List.of(
                new UnitDefinition.Factor("b", Double.NEGATIVE_INFINITY)))).build();
        assertThatThrownBy(() -> roundTrip(m)).isInstanceOf(ModelSyntaxException.class)
                .hasMessageContaining("a unit's scale must be a finite number, found 'NaN'")
                .hasMessageContaining("a unit's exponent must be a finite number, found 'inf'");
    }

    @Test
    void eventOptionsAndEmptyReactionSides() {
        Model m = Model.builder("m")
                .parameter(new Parameter("k", 1, false, Metadata.EMPTY))
                .reaction(new Reaction("J0", List.of(), List.of(), sym("k"), true, Metadata.EMPTY))
                .event(new Event("E", sym("x"), null, List.of(), sym("k"), true, false, false, Metadata.EMPTY))
                .build();
        assertThat(AntimonyWriter.write(roundTrip(m)))
                .contains("  J0: ->; k\n", "  E: at (x), t0=false, priority=k, fromTrigger=false:\n");
    }

    @Test
    void reservedIdsAreRenamedWithATrailingUnderscore() {
        // libAntimony reads gamma as its gamma distribution and species as a keyword
        Model m = Model.builder("m")
                .parameter(new Parameter("gamma", 2, true, Metadata.EMPTY))
                .parameter(new Parameter("gamma_", 3, true, Metadata.EMPTY))
                .parameter(new Parameter("species", 1, true, Metadata.EMPTY))
                .rule(new Rule.Assignment("x", new Expr.Binary(Expr.BinaryOp.MUL, sym("gamma"), sym("time"))))
                .build();
        String text = AntimonyWriter.write(m);
        assertThat(text).startsWith("// Renamed: gamma -> gamma__, species -> species_ (reserved words in libAntimony)\n")
                .contains("  x := gamma__ * time\n", "  gamma__ = 2\n", "  gamma_ = 3\n", "  species_ = 1\n");
        assertThat(AntimonyReader.parse(text, "w.ant").parameters()).extracting(Parameter::id)
                .containsExactly("x", "gamma__", "gamma_", "species_");
    }

    @Test
    void unwritableNamesAreRejected() {
        assertThatThrownBy(() -> AntimonyWriter.write(Model.builder("m")
                .rule(new Rule.Assignment("x", sym("a b"))).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an identifier");
        assertThatThrownBy(() -> AntimonyWriter.write(Model.builder("m")
                .metadata(new Metadata(null, null, Map.of("two words", "x"))).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute");
        assertThatThrownBy(() -> AntimonyWriter.write(Model.builder("m")
                .metadata(new Metadata(null, null, Map.of("cv:noSuchQualifier", "x"))).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cv:noSuchQualifier");
    }
}
