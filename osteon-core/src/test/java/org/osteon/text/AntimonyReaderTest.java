package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.osteon.model.expr.Expr.BinaryOp.ADD;
import static org.osteon.model.expr.Expr.BinaryOp.AND;
import static org.osteon.model.expr.Expr.BinaryOp.DIV;
import static org.osteon.model.expr.Expr.BinaryOp.EQ;
import static org.osteon.model.expr.Expr.BinaryOp.GE;
import static org.osteon.model.expr.Expr.BinaryOp.GT;
import static org.osteon.model.expr.Expr.BinaryOp.LT;
import static org.osteon.model.expr.Expr.BinaryOp.MUL;
import static org.osteon.model.expr.Expr.BinaryOp.NE;
import static org.osteon.model.expr.Expr.BinaryOp.OR;
import static org.osteon.model.expr.Expr.BinaryOp.POW;
import static org.osteon.model.expr.Expr.BinaryOp.SUB;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.osteon.model.expr.ExprFormatter;

class AntimonyReaderTest {

    static Model parse(String text) {
        return AntimonyReader.parse(text, "test.ant");
    }

    /** The model of {@code body} wrapped in a model block. */
    static Model model(String... lines) {
        return parse("model m()\n" + String.join("\n", lines) + "\nend\n");
    }

    static String firstProblem(String text) {
        ModelSyntaxException e = catchThrowableOfType(ModelSyntaxException.class, () -> parse(text));
        assertThat(e).as("expected a syntax problem in:\n%s", text).isNotNull();
        return e.problems().get(0).toString();
    }

    static Expr num(double v) {
        return new Expr.Num(v);
    }

    static Expr sym(String s) {
        return new Expr.Sym(s);
    }

    static Expr bin(Expr.BinaryOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b);
    }

    static Expr neg(Expr e) {
        return new Expr.Unary(Expr.UnaryOp.NEG, e);
    }

    static Expr not(Expr e) {
        return new Expr.Unary(Expr.UnaryOp.NOT, e);
    }

    static Parameter param(String id, double value, boolean constant) {
        return new Parameter(id, value, constant, Metadata.EMPTY);
    }

    @Nested
    class Structure {
        @Test
        void modelBlockForms() {
            assertThat(parse("model lemaire()\nend\n").id()).isEqualTo("lemaire");
            assertThat(parse("model lemaire\nend").id()).isEqualTo("lemaire");
            assertThat(parse("model *lemaire()\n  k = 1\nend\n").id()).isEqualTo("lemaire");
        }

        @Test
        void fileWithoutModelBlockIsModelMain() {
            Model m = parse("k = 1\nJ1: A -> B; k*A\n");
            assertThat(m.id()).isEqualTo("main");
            assertThat(m.parameters()).containsExactly(param("k", 1, true));
            assertThat(m.reactions()).hasSize(1);
        }

        @Test
        void emptyTextIsAnEmptyModel() {
            assertThat(parse("")).isEqualTo(Model.builder("main").build());
            assertThat(parse("\n\n// nothing\n")).isEqualTo(Model.builder("main").build());
        }

        @Test
        void semicolonsSeparateStatementsOnOneLine() {
            Model m = parse("model m; k = 1; j = 2; end");
            assertThat(m.parameters()).extracting(Parameter::id).containsExactly("k", "j");
            assertThat(parse("model m()\n  k = 1;\n  j = 2;;\nend\n").parameters()).hasSize(2);
        }

        @Test
        void commentsOfAllThreeKinds() {
            Model m = model(
                    "  // a line comment",
                    "  # a hash comment",
                    "  k = 1 // trailing",
                    "  j = 2 # trailing",
                    "  /* a block",
                    "     over lines */",
                    "  q = /* inline */ 3");
            assertThat(m.parameters()).extracting(Parameter::value).containsExactly(1.0, 2.0, 3.0);
        }

        @Test
        void windowsLineEndings() {
            Model m = parse("model m()\r\n  k = 1\r\n  j := k\r\nend\r\n");
            assertThat(m.parameters()).hasSize(2);
            assertThat(firstProblem("model m()\r\n  k = \r\nend\r\n")).startsWith("test.ant:2:7:");
        }

        @Test
        void keywordsAreCaseSensitive() {
            assertThat(firstProblem("model m()\n  Species A\nend\n"))
                    .isEqualTo("test.ant:2:3: unknown keyword 'Species' (did you mean 'species'?)");
            assertThat(firstProblem("model m()\n  substanceonly species A\nend\n"))
                    .isEqualTo("test.ant:2:3: unknown keyword 'substanceonly' (did you mean 'substanceOnly'?)");
        }

        @Test
        void readNamesProblemsAfterThePathAsGiven(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("bad.ant");
            Files.writeString(file, "model m()\n  k = \nend\n");
            ModelSyntaxException e = catchThrowableOfType(ModelSyntaxException.class, () -> AntimonyReader.read(file));
            assertThat(e.problems().get(0).file()).isEqualTo(file.toString());
            assertThat(e.getMessage()).startsWith(file + ":2:7: ");

            Files.writeString(file, "model ok()\n  k = 1\nend\n");
            assertThat(AntimonyReader.read(file).id()).isEqualTo("ok");
        }
    }

    @Nested
    class Compartments {
        @Test
        void declarations() {
            Model m = model(
                    "  compartment C1 = 1",
                    "  compartment C2",
                    "  const compartment C3 = 2",
                    "  var compartment C4 = 3",
                    "  compartment C5, C6 = 4");
            assertThat(m.compartments()).containsExactly(
                    new Compartment("C1", 1, true, Metadata.EMPTY),
                    new Compartment("C2", Double.NaN, true, Metadata.EMPTY),
                    new Compartment("C3", 2, true, Metadata.EMPTY),
                    new Compartment("C4", 3, false, Metadata.EMPTY),
                    new Compartment("C5", Double.NaN, true, Metadata.EMPTY),
                    new Compartment("C6", 4, true, Metadata.EMPTY));
        }

        @Test
        void sizeAssignedLaterAndChangedByARule() {
            Model m = model("  compartment bone", "  bone = 0.5", "  bone' = -0.01*bone");
            assertThat(m.compartments()).containsExactly(new Compartment("bone", 0.5, false, Metadata.EMPTY));
            assertThat(m.parameters()).isEmpty();
        }
    }

    @Nested
    class SpeciesDeclarations {
        @Test
        void allForms() {
            Model m = model(
                    "  compartment C = 1",
                    "  species A in C",
                    "  species B, D in C",
                    "  species $E",
                    "  substanceOnly species F in C = 2",
                    "  const species G = 3",
                    "  var species H",
                    "  species I in C = 4, J = 5");
            assertThat(m.species()).containsExactly(
                    new Species("A", "C", 0, false, false, false, Metadata.EMPTY),
                    new Species("B", "C", 0, false, false, false, Metadata.EMPTY),
                    new Species("D", "C", 0, false, false, false, Metadata.EMPTY),
                    new Species("E", null, 0, false, true, false, Metadata.EMPTY),
                    new Species("F", "C", 2, true, false, false, Metadata.EMPTY),
                    new Species("G", null, 3, false, false, true, Metadata.EMPTY),
                    new Species("H", null, 0, false, false, false, Metadata.EMPTY),
                    new Species("I", "C", 4, false, false, false, Metadata.EMPTY),
                    new Species("J", null, 5, false, false, false, Metadata.EMPTY));
            assertThat(m.parameters()).isEmpty();
        }

        @Test
        void speciesWithoutAValueStartAtZeroWithAWarning() {
            // tellurium's convention (issue 12); an explicit NaN, an initial assignment or an
            // assignment rule is a value
            AntimonyReading r = AntimonyReader.parseWithWarnings("model m()\n  species A, B, C, D\n  B = NaN\n"
                    + "  C = 2*k\n  D := k\n  E' = -E\nend\n", "test.ant");
            assertThat(r.model().species()).extracting(Species::initialValue)
                    .containsExactly(0.0, Double.NaN, Double.NaN, Double.NaN);
            assertThat(r.model().parameters()).extracting(Parameter::id).containsExactly("E");
            assertThat(r.warnings()).extracting(SyntaxProblem::toString).containsExactly(
                    "test.ant:2:11: species 'A' has no initial value: it starts at 0 (tellurium's convention)");
        }

        @Test
        void reactantsAndProductsBecomeSpecies() {
            Model m = model("  J1: A -> B; k*A", "  B = 2");
            assertThat(m.species()).containsExactly(
                    new Species("A", null, 0, false, false, false, Metadata.EMPTY),
                    new Species("B", null, 2, false, false, false, Metadata.EMPTY));
            assertThat(m.parameters()).isEmpty();
        }

        @Test
        void dollarInAReactionMarksABoundarySpecies() {
            Model m = model("  J1: $X -> A; k", "  species X in C");
            assertThat(m.speciesById("X").orElseThrow().boundary()).isTrue();
            assertThat(m.speciesById("A").orElseThrow().boundary()).isFalse();
            assertThat(m.speciesById("X").orElseThrow().compartment()).isEqualTo("C");
        }

        @Test
        void inACompartmentDeclaresTheCompartment() {
            Model m = model("  species A in cell");
            assertThat(m.compartments()).containsExactly(new Compartment("cell", Double.NaN, true, Metadata.EMPTY));
        }

        @Test
        void constOnAnExistingSpecies() {
            Model m = model("  species A = 1", "  const A");
            assertThat(m.species()).containsExactly(new Species("A", null, 1, false, false, true, Metadata.EMPTY));
        }
    }

    @Nested
    class Values {
        @ParameterizedTest
        @ValueSource(strings = {"1e-3", "2.5E6", ".5", "5.", "-3", "+3", "- 3", "inf", "-inf", "NaN", "0", "-0.0",
            "4.9e-324", "12345678901234567890"})
        void literalsAreValues(String literal) {
            Model m = model("  k = " + literal);
            double expected = literal.equals("inf") ? Double.POSITIVE_INFINITY
                    : literal.equals("-inf") ? Double.NEGATIVE_INFINITY
                    : Double.parseDouble(literal.replace(" ", "").replace("+", ""));
            assertThat(m.parameters()).containsExactly(param("k", expected, true));
            assertThat(m.initialAssignments()).isEmpty();
        }

        @Test
        void numbersTooLargeForADoubleAreRefusedNotMadeInfinite() {
            // Issue 13: 1e999 used to become inf silently; inf is written as inf.
            assertThat(firstProblem("model m()\n  k = 1e999\nend\n")).startsWith(
                    "test.ant:2:7: the number '1e999' is too large to be a finite number");
            assertThat(firstProblem("model m()\n  k := 2 * -1E400 + x\nend\n")).startsWith(
                    "test.ant:2:13: the number '1E400' is too large");
        }

        @Test
        void negativeZeroStaysNegative() {
            assertThat(1 / model("  k = -0").parameters().get(0).value()).isNegative();
        }

        @Test
        void expressionsAreInitialAssignments() {
            Model m = model("  k = 2", "  j = k*2", "  q = (3)", "  r = -(3)");
            assertThat(m.parameters()).containsExactly(param("k", 2, true), param("j", Double.NaN, true),
                    param("q", Double.NaN, true), param("r", Double.NaN, true));
            assertThat(m.initialAssignments()).containsExactly(
                    new InitialAssignment("j", bin(MUL, sym("k"), num(2))),
                    new InitialAssignment("q", num(3)),
                    new InitialAssignment("r", neg(num(3))));
        }

        @Test
        void lastValueWins() {
            Model m = model("  k = 1", "  k = 2", "  j = k*2", "  j = 5", "  q = 1", "  q = k + 1");
            assertThat(m.parameters()).containsExactly(param("k", 2, true), param("j", 5, true), param("q", 1, true));
            // a later literal drops an earlier initial assignment; a later expression overrides the value
            assertThat(m.initialAssignments()).containsExactly(new InitialAssignment("q", bin(ADD, sym("k"), num(1))));
        }

        @Test
        void numberWithUnitSetsValueAndUnit() {
            Model m = model("  k = 3 pM", "  species A = 1e-3 mM");
            assertThat(m.parameters()).containsExactly(new Parameter("k", 3, true, new Metadata(null, "pM", Map.of())));
            assertThat(m.species().get(0).initialValue()).isEqualTo(1e-3);
            assertThat(m.species().get(0).metadata().unit()).isEqualTo("mM");
        }

        @Test
        void constAndVar() {
            Model m = model("  const k", "  var j", "  const q = 1", "  var r = 2", "  const a, b");
            assertThat(m.parameters()).containsExactly(param("k", Double.NaN, true), param("j", Double.NaN, false),
                    param("q", 1, true), param("r", 2, false), param("a", Double.NaN, true),
                    param("b", Double.NaN, true));
        }
    }

    @Nested
    class Reactions {
        @Test
        void fullReaction() {
            Model m = model("  J1: A + 2 B -> C; k*A*B");
            assertThat(m.reactions()).containsExactly(new Reaction("J1",
                    List.of(new SpeciesReference("A", 1), new SpeciesReference("B", 2)),
                    List.of(new SpeciesReference("C", 1)),
                    bin(MUL, bin(MUL, sym("k"), sym("A")), sym("B")), true, Metadata.EMPTY));
            assertThat(m.species()).extracting(Species::id).containsExactly("A", "B", "C");
        }

        @Test
        void irreversibleArrowAndStoichiometryForms() {
            Model m = model("  J1: 2B + 0.5 C + 1e1 D => 3E + 2e; k");
            Reaction r = m.reactions().get(0);
            assertThat(r.reversible()).isFalse();
            assertThat(r.reactants()).containsExactly(new SpeciesReference("B", 2), new SpeciesReference("C", 0.5),
                    new SpeciesReference("D", 10));
            // "3E" and "2e" would be malformed numbers elsewhere; in a reaction they are species E and e
            assertThat(r.products()).containsExactly(new SpeciesReference("E", 3), new SpeciesReference("e", 2));
        }

        @Test
        void emptySides() {
            Model m = model("  J0: -> A; k0", "  J1: A => ; k1*A", "  J2: -> ; k2");
            assertThat(m.reactions()).extracting(r -> r.reactants().size() + "/" + r.products().size())
                    .containsExactly("0/1", "1/0", "0/0");
        }

        @Test
        void unnamedReactionsAreNumberedInOrder() {
            Model m = model("  A -> B; k1", "  J5: B -> C; k2", "  C -> A; k3", "  $S -> A; k4");
            assertThat(m.reactions()).extracting(Reaction::id).containsExactly("_J0", "J5", "_J1", "_J2");
            assertThat(m.speciesById("S").orElseThrow().boundary()).isTrue();
        }

        @Test
        void unnamedReactionsSkipTakenIds() {
            Model m = model("  A -> B; k1", "  _J0 = 3");
            assertThat(m.reactions()).extracting(Reaction::id).containsExactly("_J1");
        }

        @Test
        void sameSpeciesTwiceStaysTwice() {
            Reaction r = model("  J1: A + A -> B; k").reactions().get(0);
            assertThat(r.reactants()).containsExactly(new SpeciesReference("A", 1), new SpeciesReference("A", 1));
        }
    }

    @Nested
    class Rules {
        @Test
        void assignmentAndRateRules() {
            Model m = model("  x := 2*k", "  y' = -y", "  k = 3");
            assertThat(m.rules()).containsExactly(new Rule.Assignment("x", bin(MUL, num(2), sym("k"))),
                    new Rule.Rate("y", neg(sym("y"))));
            // x and y only have rules: non-constant parameters without a value
            assertThat(m.parameters()).containsExactly(param("x", Double.NaN, false), param("y", Double.NaN, false),
                    param("k", 3, true));
        }

        @Test
        void ruleTargetsKeepTheirKind() {
            Model m = model("  species A = 1", "  compartment C = 1", "  A' = -A", "  C := 2");
            assertThat(m.species()).containsExactly(new Species("A", null, 1, false, false, false, Metadata.EMPTY));
            assertThat(m.compartments()).containsExactly(new Compartment("C", 1, false, Metadata.EMPTY));
            assertThat(m.parameters()).isEmpty();
        }

        @Test
        void parametersDeclaredAfterTheirRulesKeepDeclarationOrder() {
            Model m = model("  x := a", "  y' = b", "  a = 1", "  y = 2", "  x = 3");
            assertThat(m.parameters()).extracting(Parameter::id).containsExactly("a", "y", "x");
        }
    }

    @Nested
    class Events {
        @Test
        void eventWithAssignments() {
            Model m = model("  k = 1", "  E1: at (time >= 10): k = 5, A = A + 1", "  species A = 0");
            assertThat(m.events()).containsExactly(new Event("E1", bin(GE, sym("time"), num(10)), null,
                    List.of(new Event.Assignment("k", num(5)), new Event.Assignment("A", bin(ADD, sym("A"), num(1)))),
                    null, true, true, true, Metadata.EMPTY));
            // an event target is not constant
            assertThat(m.parameters()).containsExactly(param("k", 1, false));
        }

        @Test
        void optionsInAnyOrder() {
            Event a = model("  E1: at x > 1, t0=false, priority=2*p, persistent=false, fromTrigger=false: y = 1")
                    .events().get(0);
            Event b = model("  E1: at x > 1, fromTrigger=false, persistent=false, priority=2*p, t0=false: y = 1")
                    .events().get(0);
            assertThat(a).isEqualTo(b);
            assertThat(a.initialValue()).isFalse();
            assertThat(a.persistent()).isFalse();
            assertThat(a.useValuesFromTriggerTime()).isFalse();
            assertThat(a.priority()).isEqualTo(bin(MUL, num(2), sym("p")));
            Event c = model("  E1: at x > 1, t0=true, persistent=true: y = 1").events().get(0);
            assertThat(c.initialValue()).isTrue();
            assertThat(c.persistent()).isTrue();
        }

        @Test
        void delayBeforeAfter() {
            Event e = model("  E2: at 2 after (x > 1): y = 3").events().get(0);
            assertThat(e.delay()).isEqualTo(num(2));
            assertThat(e.trigger()).isEqualTo(bin(GT, sym("x"), num(1)));
            Event f = model("  E2: at k*2 after x > 1, priority=1: y = 3").events().get(0);
            assertThat(f.delay()).isEqualTo(bin(MUL, sym("k"), num(2)));
        }

        @Test
        void triggerParenthesesAreOptional() {
            assertThat(model("  E1: at time >= 10: k = 5").events())
                    .isEqualTo(model("  E1: at (time >= 10): k = 5").events());
        }

        @Test
        void unnamedEventsAndEventsWithoutAssignments() {
            Model m = model("  at time > 1: k = 1", "  E5: at time > 2:", "  at time > 3: k = 3");
            assertThat(m.events()).extracting(Event::id).containsExactly("_E0", "E5", "_E1");
            assertThat(m.events().get(1).assignments()).isEmpty();
        }
    }

    @Nested
    class Functions {
        @Test
        void functionBeforeAndInsideTheModel() {
            Model m = parse(String.join("\n",
                    "function hill(x, k, n)",
                    "  x^n/(k^n + x^n)",
                    "end",
                    "model m()",
                    "  function twice(y) 2*y end",
                    "  function one()",
                    "    1",
                    "  end",
                    "  r := hill(A, 1, 2)",
                    "end"));
            assertThat(m.functions()).containsExactly(
                    new FunctionDefinition("hill", List.of("x", "k", "n"), bin(DIV, bin(POW, sym("x"), sym("n")),
                            bin(ADD, bin(POW, sym("k"), sym("n")), bin(POW, sym("x"), sym("n")))), Metadata.EMPTY),
                    new FunctionDefinition("twice", List.of("y"), bin(MUL, num(2), sym("y")), Metadata.EMPTY),
                    new FunctionDefinition("one", List.of(), num(1), Metadata.EMPTY));
        }

        @Test
        void externalFunction() {
            Model m = parse("external function psi_bm(f_vas, sigma)\nmodel m()\n  p := psi_bm(0.1, s)\nend\n");
            FunctionDefinition f = m.functions().get(0);
            assertThat(f).isEqualTo(new FunctionDefinition("psi_bm", List.of("f_vas", "sigma"), null, Metadata.EMPTY));
            assertThat(f.isExternal()).isTrue();
        }
    }

    @Nested
    class Expressions {
        static Stream<Arguments> cases() {
            Expr a = sym("a");
            Expr b = sym("b");
            Expr c = sym("c");
            Expr x = sym("x");
            return Stream.of(
                    Arguments.of("1 + 2 * 3", bin(ADD, num(1), bin(MUL, num(2), num(3)))),
                    Arguments.of("(1 + 2) * 3", bin(MUL, bin(ADD, num(1), num(2)), num(3))),
                    Arguments.of("a - b - c", bin(SUB, bin(SUB, a, b), c)),
                    Arguments.of("a / b / c", bin(DIV, bin(DIV, a, b), c)),
                    Arguments.of("2^3^2", bin(POW, num(2), bin(POW, num(3), num(2)))),
                    Arguments.of("a ** b", bin(POW, a, b)),
                    Arguments.of("-x^2", neg(bin(POW, x, num(2)))),
                    Arguments.of("2^-x", bin(POW, num(2), neg(x))),
                    Arguments.of("-3", num(-3)),
                    Arguments.of("-(3)", neg(num(3))),
                    Arguments.of("- -3", neg(num(-3))),
                    Arguments.of("--x", neg(neg(x))),
                    Arguments.of("-3^2", neg(bin(POW, num(3), num(2)))),
                    Arguments.of("-x * b", bin(MUL, neg(x), b)),
                    Arguments.of("+x", x),
                    Arguments.of("+3", num(3)),
                    Arguments.of("a - -3", bin(SUB, a, num(-3))),
                    Arguments.of("a < b && c >= 1 || !x", bin(OR, bin(AND, bin(LT, a, b), bin(GE, c, num(1))), not(x))),
                    Arguments.of("a and b or not c", bin(OR, bin(AND, a, b), not(c))),
                    Arguments.of("!a == b", bin(EQ, not(a), b)),
                    Arguments.of("a == b != c", bin(NE, bin(EQ, a, b), c)),
                    Arguments.of("a < b < c", bin(LT, bin(LT, a, b), c)),
                    Arguments.of("a + b < c * 2 == x", bin(EQ, bin(LT, bin(ADD, a, b), bin(MUL, c, num(2))), x)),
                    Arguments.of("piecewise(1, x > 0, 0)",
                            new Expr.Call("piecewise", List.of(num(1), bin(GT, x, num(0)), num(0)))),
                    Arguments.of("f()", new Expr.Call("f", List.of())),
                    Arguments.of("f(g(a), -b)", new Expr.Call("f", List.of(new Expr.Call("g", List.of(a)), neg(b)))),
                    Arguments.of("time", sym("time")),
                    Arguments.of("inf", num(Double.POSITIVE_INFINITY)),
                    Arguments.of("-inf", num(Double.NEGATIVE_INFINITY)),
                    Arguments.of("NaN", num(Double.NaN)),
                    Arguments.of("2.5E6 * 1e-3", bin(MUL, num(2.5e6), num(1e-3))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void parsesToTheExpectedTree(String text, Expr expected) {
            Expr parsed = ((Rule.Assignment) model("  y := " + text).rules().get(0)).expression();
            assertThat(parsed).isEqualTo(expected);
            Expr reparsed = ((Rule.Assignment) model("  y := " + ExprFormatter.format(parsed)).rules().get(0))
                    .expression();
            assertThat(reparsed).isEqualTo(expected);
        }
    }

    @Nested
    class Units {
        @Test
        void definitions() {
            Model m = model(
                    "  unit pM = 1e-12 mole / litre",
                    "  unit per_day = 1 / day",
                    "  unit m2 = metre^2",
                    "  unit time_unit = day",
                    "  unit flux = mole * litre^-1 / day**2",
                    "  unit half = 0.5",
                    "  unit odd = -2 mole");
            assertThat(m.units()).containsExactly(
                    new UnitDefinition("pM", 1e-12, List.of(f("mole", 1), f("litre", -1))),
                    new UnitDefinition("per_day", 1, List.of(f("day", -1))),
                    new UnitDefinition("m2", 1, List.of(f("metre", 2))),
                    new UnitDefinition("time_unit", 1, List.of(f("day", 1))),
                    new UnitDefinition("flux", 1, List.of(f("mole", 1), f("litre", -1), f("day", -2))),
                    new UnitDefinition("half", 0.5, List.of()),
                    new UnitDefinition("odd", -2, List.of(f("mole", 1))));
            assertThat(m.timeUnit()).isEqualTo("day");
        }

        @Test
        void unitsMayBeDefinedBeforeTheModel() {
            assertThat(parse("unit pM = 1e-12 mole / litre\nmodel m()\nend\n").units()).hasSize(1);
        }

        private UnitDefinition.Factor f(String unit, double exponent) {
            return new UnitDefinition.Factor(unit, exponent);
        }
    }

    @Nested
    class MetadataStatements {
        @Test
        void displayNameUnitAndAttributes() {
            Model m = model(
                    "  species B = 1",
                    "  B is \"active osteoblasts\"",
                    "  B has pM",
                    "  B.description = \"bone-forming cells\"",
                    "  B.source = \"Pivonka 2008, Table 1\"",
                    "  B.unit = \"keywords work as attribute names\"");
            Metadata md = m.species().get(0).metadata();
            assertThat(md.displayName()).isEqualTo("active osteoblasts");
            assertThat(md.unit()).isEqualTo("pM");
            assertThat(md.description()).isEqualTo("bone-forming cells");
            assertThat(md.source()).isEqualTo("Pivonka 2008, Table 1");
            assertThat(md.attributes().keySet()).containsExactly("description", "source", "unit");
        }

        @Test
        void escapes() {
            Model m = model("  k = 1", "  k.note = \"say \\\"hi\\\"\\\\ \\n\\tdone\\r\"");
            assertThat(m.parameters().get(0).metadata().attribute("note")).isEqualTo("say \"hi\"\\ \n\tdone\r");
        }

        @Test
        void metadataMayComeBeforeTheDeclaration() {
            Model m = model("  J1 is \"binding\"", "  J1: A -> B; k", "  A.note = \"x\"");
            assertThat(m.reactions().get(0).metadata().displayName()).isEqualTo("binding");
            assertThat(m.species().get(0).metadata().attribute("note")).isEqualTo("x");
        }

        @Test
        void modelLevelMetadataUsesTheModelId() {
            Model m = parse("model lemaire2004()\n  lemaire2004.citation = \"Lemaire 2004\"\n"
                    + "  lemaire2004 is \"Lemaire bone model\"\nend\n");
            assertThat(m.metadata()).isEqualTo(new Metadata("Lemaire bone model", null,
                    Map.of("citation", "Lemaire 2004")));
        }

        @Test
        void laterAttributeValueKeepsItsPlace() {
            Model m = model("  k = 1", "  k.a = \"1\"", "  k.b = \"2\"", "  k.a = \"3\"");
            assertThat(m.parameters().get(0).metadata().attributes()).containsExactly(
                    Map.entry("a", "3"), Map.entry("b", "2"));
        }

        @Test
        void metadataOnEventsAndFunctions() {
            Model m = parse("function f(x)\n  x\nend\nmodel m()\n  E1: at time > 1: k = 1\n"
                    + "  E1 is \"dose\"\n  f.description = \"identity\"\nend\n");
            assertThat(m.events().get(0).metadata().displayName()).isEqualTo("dose");
            assertThat(m.functions().get(0).metadata().description()).isEqualTo("identity");
        }

        @Test
        void metadataForAnUndeclaredSymbolIsAnError() {
            assertThat(firstProblem("model m()\n  k = 1\n  q has pM\nend\n"))
                    .isEqualTo("test.ant:3:3: metadata for undeclared symbol 'q'");
        }
    }

    @Nested
    class SemanticChecks {
        @Test
        void constCannotBeTargeted() {
            assertThat(firstProblem("model m()\n  const species A = 1\n  A' = -A\nend\n"))
                    .isEqualTo("test.ant:3:3: 'A' is declared const (line 2) and cannot be changed by a rule");
            assertThat(firstProblem("model m()\n  E1: at time > 1: k = 2\n  const k = 1\nend\n"))
                    .isEqualTo("test.ant:2:20: 'k' is declared const (line 3) and cannot be changed by an event");
        }

        @Test
        void kindConflicts() {
            assertThat(firstProblem("model m()\n  compartment A\n  J1: A -> B; k\nend\n"))
                    .isEqualTo("test.ant:3:7: 'A' is already a compartment (line 2) and cannot also be a species");
            assertThat(firstProblem("model m()\n  J1: A -> B; k\n  E1: at time > 1: J1 = 2\nend\n"))
                    .isEqualTo("test.ant:3:20: 'J1' is a reaction (line 2) and cannot be changed by an event");
            assertThat(firstProblem("model m()\n  k = 1\n  k: A -> B; 1\nend\n"))
                    .isEqualTo("test.ant:3:3: 'k' is already used as a variable (line 2) and cannot also name a reaction");
            assertThat(firstProblem("model m()\n  m = 1\nend\n"))
                    .isEqualTo("test.ant:2:3: 'm' is the name of the model and cannot also name a variable");
        }

        @Test
        void stoichiometryMustBeFinite() {
            // SBML allows a zero coefficient and libAntimony writes it (BIOMD0000000091: "0 $source => NatP")
            assertThat(model("  J1: 0.0 A -> B; k").reactions().get(0).reactants().get(0).stoichiometry()).isZero();
            assertThat(firstProblem("model m()\n  J1: A -> 1e999 B; k\nend\n")).startsWith(
                    "test.ant:2:12: expected a finite stoichiometry, found '1e999'");
        }

        @Test
        void undefinedSymbolsInExpressionsAreTheCompilersBusiness() {
            Model m = model("  x := undefined_thing * 2");
            assertThat(m.parameters()).extracting(Parameter::id).containsExactly("x");
        }

        @Test
        void optionsAndStatementsOutsideTheModel() {
            assertThat(firstProblem("model m()\n  E1: at x > 1, priority=1, priority=2: k = 1\nend\n"))
                    .isEqualTo("test.ant:2:29: event option 'priority' is given twice");
            assertThatThrownBy(() -> parse("model m()\nend\nk = 1\n"))
                    .isInstanceOf(ModelSyntaxException.class)
                    .hasMessageStartingWith("test.ant:3:1: expected a function or unit definition outside the model");
        }
    }
}
