package org.osteon.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Species;
import org.osteon.model.expr.ExprFormatter;

/**
 * Several models in one file and submodels, flattened as the SBML comp package flattens them
 * (elements of submodel A become A__x); the examples are those of AntimonyTutorial.md, "Modules".
 */
class SubmodelsTest {
    private static final String SIDE_REACTION = String.join("\n",
            "model side_reaction(S, k1)",
            "  J0: S + E -> SE; k1*k2*S*E - k2*SE;",
            "  S = 5;",
            "  E = 3;",
            "  SE = E+S;",
            "  k1 = 1.2;",
            "  k2 = 0.4;",
            "end",
            "");

    private static Model parse(String text) {
        return AntimonyReader.parse(text, "t.ant");
    }

    private static String firstProblem(String text) {
        return catchThrowableOfType(ModelSyntaxException.class, () -> parse(text)).problems().get(0).toString();
    }

    @Test
    void theLastModelIsTheMainOneUnlessAnotherIsStarred() {
        assertThat(parse("model a()\n  k = 1\nend\nmodel b()\n  j = 2\nend\n").id()).isEqualTo("b");
        assertThat(parse("model *a()\n  k = 1\nend\nmodule b()\n  j = 2\nend\n").id()).isEqualTo("a");
    }

    @Test
    void twoInstancesAreSeparateElements() {
        Model m = parse(SIDE_REACTION + "model full()\n  A: side_reaction()\n  B: side_reaction()\n  B.k1 = 2.4\nend\n");
        assertThat(m.species()).extracting(Species::id).containsExactly("A__S", "A__E", "A__SE", "B__S", "B__E", "B__SE");
        assertThat(m.reactions()).extracting(Reaction::id).containsExactly("A__J0", "B__J0");
        assertThat(ExprFormatter.format(m.reactions().get(0).rate())).isEqualTo("A__k1 * A__k2 * A__S * A__E - A__k2 * A__SE");
        assertThat(m.parameter("A__k1").orElseThrow().value()).isEqualTo(1.2);
        assertThat(m.parameter("B__k1").orElseThrow().value()).isEqualTo(2.4);
        assertThat(m.initialAssignments()).extracting(a -> a.symbol() + " = " + ExprFormatter.format(a.expression()))
                .containsExactly("A__SE = A__E + A__S", "B__SE = B__E + B__S");
    }

    @Test
    void isJoinsElementsUnderTheParentsName() {
        Model m = parse(SIDE_REACTION + String.join("\n",
                "model full()",
                "  var species S;",
                "  A: side_reaction();",
                "  A.S is S;",
                "  B: side_reaction();",
                "  B.S is S;",
                "  C: side_reaction();",
                "  C.S is S;",
                "  C.J0 = C.k1*C.k2*S*C.E",
                "  J3: C.SE -> ; C.SE*k3;",
                "  k3 = 0.02;",
                "end", ""));
        assertThat(m.species()).extracting(Species::id)
                .containsExactly("S", "A__E", "A__SE", "B__E", "B__SE", "C__E", "C__SE");
        assertThat(m.speciesById("S").orElseThrow().initialValue()).isEqualTo(5);
        assertThat(ExprFormatter.format(m.reactions().get(1).rate())).isEqualTo("B__k1 * B__k2 * S * B__E - B__k2 * B__SE");
        assertThat(ExprFormatter.format(m.reactions().get(2).rate())).isEqualTo("C__k1 * C__k2 * S * C__E");
        assertThat(m.reactions().get(3).reactants().get(0).species()).isEqualTo("C__SE");
    }

    @Test
    void exportedParametersBindToTheArgumentsAndBareStatementsMakeTheMainModel() {
        Model m = parse(SIDE_REACTION + String.join("\n",
                "  -> S1; k1",
                "  A: side_reaction(S1, k4)",
                "  S1 = 0",
                "  k1 = 0.3",
                "  k4 = 0.0004", ""));
        assertThat(m.id()).isEqualTo("main");
        assertThat(m.speciesById("S1").orElseThrow().initialValue()).isZero();
        assertThat(m.parameters()).extracting(Parameter::id).contains("k1", "k4", "A__k2").doesNotContain("A__k1");
        assertThat(m.parameter("k4").orElseThrow().value()).isEqualTo(0.0004);
        assertThat(ExprFormatter.format(m.reactions().get(1).rate())).isEqualTo("k4 * A__k2 * S1 * A__E - A__k2 * A__SE");
    }

    @Test
    void nestedSubmodelsGetEveryPrefix() {
        Model m = parse("model inner()\n  x' = -x\n  x = 1\nend\nmodel middle()\n  I: inner()\nend\n"
                + "model outer()\n  M: middle()\n  M.I.x = 2\n  y := M.I.x + time\nend\n");
        assertThat(m.parameter("M__I__x").orElseThrow().value()).isEqualTo(2);
        assertThat(ExprFormatter.format(m.rules().get(1).expression())).isEqualTo("M__I__x + time");
    }

    @Test
    void problemsWithSubmodels() {
        assertThat(firstProblem("model m()\n  A: nothere()\nend\n"))
                .isEqualTo("t.ant:2:6: unknown model 'nothere': define it with 'model nothere() ... end' before using it");
        assertThat(firstProblem("model a()\n  B: a()\nend\n")).isEqualTo("t.ant:2:6: model 'a' contains itself: a > a");
        assertThat(firstProblem("model m()\n  A.k = 2\nend\n")).isEqualTo(
                "t.ant:2:3: 'A' is not a submodel, so 'A.k' names nothing: declare the submodel first, e.g. 'A: model_name()'");
        assertThat(firstProblem(SIDE_REACTION + "model m()\n  A: side_reaction(x, y, z)\nend\n"))
                .isEqualTo("t.ant:10:26: model 'side_reaction' has 2 parameters, found 3 arguments");
    }
}
