package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.text.AntimonyReader;

/**
 * The compiler's checks of models built in Java or read from SBML (the text reader rejects most
 * of these itself), each with the exact message a user sees and never an internal error: rules
 * defined twice, names used twice across kinds, undefined symbols in events and initial
 * assignments, reactions over non-species, recursive and explosive function definitions. Also the
 * interpreter backend with external functions and their derivatives, and an event applied without
 * its time.
 */
class FlattenerChecksTest {

    private static Parameter var(String id, double value) {
        return new Parameter(id, value, false, Metadata.EMPTY);
    }

    private static Model.Builder withState() {
        return Model.builder("m").parameter(var("x", 1)).rule(new Rule.Rate("x", Expr.num(-1)));
    }

    private static List<String> problems(Model m) {
        try {
            ModelCompiler.compile(m);
        } catch (CompileException e) {
            return e.problems();
        }
        throw new AssertionError("expected a compile error");
    }

    private static Event event(String id, Expr trigger, String target, Expr value) {
        return new Event(id, trigger, null, List.of(new Event.Assignment(target, value)), null, true, true, true,
                Metadata.EMPTY);
    }

    @Test
    void twoAssignmentRulesOrTwoRateRulesForOneSymbolAreNamed() {
        Model assigned = withState().parameter(var("y", 0))
                .rule(new Rule.Assignment("y", Expr.num(1))).rule(new Rule.Assignment("y", Expr.num(2))).build();
        assertThat(problems(assigned)).contains("'y' has two assignment rules");
        Model rates = withState().parameter(var("y", 0))
                .rule(new Rule.Rate("y", Expr.num(1))).rule(new Rule.Rate("y", Expr.num(2))).build();
        assertThat(problems(rates)).contains("'y' has two rate rules");
    }

    @Test
    void aFunctionOrAnEventNamedLikeAParameterIsDefinedTwice() {
        Model function = withState().parameter(var("f", 1))
                .function(new FunctionDefinition("f", List.of("a"), Expr.sym("a"), Metadata.EMPTY)).build();
        assertThat(problems(function)).contains("'f' is defined twice (as a parameter and as a function)");
        Model event = withState().parameter(var("e", 1))
                .event(event("e", Expr.bin(BinaryOp.GT, Expr.sym("time"), Expr.num(1)), "e", Expr.num(2))).build();
        assertThat(problems(event)).contains("'e' is defined twice (as a parameter and as a event)");
    }

    @Test
    void undefinedSymbolsInEventsAndInitialAssignmentsSayWhere() {
        Model trigger = withState().parameter(var("k", 1))
                .event(event("E", Expr.bin(BinaryOp.GT, Expr.sym("q"), Expr.num(1)), "k", Expr.num(2))).build();
        assertThat(problems(trigger)).anySatisfy(p -> assertThat(p).startsWith("undefined symbol 'q' in the trigger of event 'E'"));
        Model assignment = withState().parameter(var("k", 1))
                .event(event("E", Expr.bin(BinaryOp.GT, Expr.sym("time"), Expr.num(1)), "k", Expr.sym("q"))).build();
        assertThat(problems(assignment)).anySatisfy(p -> assertThat(p).startsWith("undefined symbol 'q' in an assignment of event 'E'"));
        Model init = withState().parameter(var("k", Double.NaN))
                .initialAssignment(new InitialAssignment("k", Expr.sym("q"))).build();
        assertThat(problems(init)).anySatisfy(p -> assertThat(p).startsWith("undefined symbol 'q' in the initial assignment of 'k'"));
    }

    @Test
    void aReactionOverAParameterIsRefused() {
        Model m = Model.builder("m").compartment(new Compartment("C", 1, true, Metadata.EMPTY))
                .species(new Species("A", "C", 1, false, false, false, Metadata.EMPTY)).parameter(var("k", 1))
                .reaction(new Reaction("R", List.of(new SpeciesReference("A", 1)), List.of(new SpeciesReference("k", 1)),
                        Expr.sym("k"), false, Metadata.EMPTY))
                .build();
        assertThat(problems(m)).anySatisfy(p -> assertThat(p).startsWith("reaction 'R' uses 'k', which is not a species"));
    }

    @Test
    void aFunctionThatCallsItselfIsAnErrorNotAnInternalFailure() {
        Model m = withState()
                .function(new FunctionDefinition("f", List.of("a"), Expr.call("f", Expr.sym("a")), Metadata.EMPTY))
                .parameter(var("y", 0)).rule(new Rule.Assignment("y", Expr.call("f", Expr.sym("x")))).build();
        assertThat(problems(m)).anySatisfy(p -> assertThat(p).startsWith("function 'f' calls itself (through f"));
    }

    @Test
    void aRuleWithoutExpressionIsNamed() {
        Model m = withState().parameter(var("y", 0)).rule(new Rule.Assignment("y", null)).build();
        assertThat(problems(m)).contains("assignment rule for 'y' has no expression");
    }

    @Test
    void anExpressionThatInliningWouldBlowUpIsRefusedWithItsSize() {
        // f0(a) = a + a, f_i(a) = f_{i-1}(a) + f_{i-1}(a): f_20(x) has 2^21 - 1 + ... nodes once
        // inlined, far above the 1,000,000 limit (docs/limits.md), and is reported, not built
        StringBuilder text = new StringBuilder("model m()\nfunction f0(a)\n  a + a\nend\n");
        for (int i = 1; i <= 20; i++) {
            text.append("function f").append(i).append("(a)\n  f").append(i - 1).append("(a) + f").append(i - 1)
                    .append("(a)\nend\n");
        }
        text.append("x' = -x\nx = 1\ny := f20(x)\nz := x + 1\nend\n");
        Model m = AntimonyReader.parse(text.toString(), "big.ant");
        assertThat(problems(m)).singleElement().satisfies(p -> assertThat(p)
                .startsWith("assignment rule for 'y' would have ").contains("nodes once its function calls are inlined")
                .contains("the limit is 1000000"));
    }

    @Test
    void theInterpreterCallsExternalFunctionsAndDifferentiatesThem() {
        ExternalFunction product = new ExternalFunction() {
            @Override
            public String name() {
                return "prod";
            }

            @Override
            public int arity() {
                return 2;
            }

            @Override
            public double value(double[] a) {
                return a[0] * a[1];
            }

            @Override
            public void gradient(double[] a, double[] out) {
                out[0] = a[1];
                out[1] = a[0];
            }
        };
        Model m = AntimonyReader.parse("model m()\nexternal function prod(a, b)\nx' = -prod(x, y)\ny' = 0\nx = 3\ny = 2\nend\n",
                "t.ant");
        CompiledModel c = ModelCompiler.compile(m, CompileOptions.DEFAULT.withFunction(product)
                .withBackend(CompileOptions.Backend.INTERPRETER));
        double[] y = {3, 2};
        double[] dy = new double[2];
        double[] jac = new double[4];
        c.derivatives(0, y, c.defaultParameters(), dy);
        c.jacobian(0, y, c.defaultParameters(), jac);
        // d(-x y)/dx = -y = -2, d(-x y)/dy = -x = -3 (exact gradient), the y row is zero
        assertThat(dy).containsExactly(-6.0, 0.0);
        int x = c.layout().stateIndex("x");
        int yi = c.layout().stateIndex("y");
        assertThat(jac[x * 2 + x]).isEqualTo(-2.0);
        assertThat(jac[x * 2 + yi]).isEqualTo(-3.0);
    }

    @Test
    void anEventAppliedWithoutItsTimeSetsItsTargetsUnlessItResizesACompartment() {
        CompiledModel plain = ModelCompiler.compile(AntimonyReader.parse(
                "model m()\nx' = 1\nx = 0\nk = 1\nE: at (time > 1): k = 5\nend\n", "t.ant"));
        CompiledEvent e = plain.events().get(0);
        double[] y = plain.defaultState();
        double[] p = plain.defaultParameters();
        e.apply(new double[] {5}, y, p);
        assertThat(p[plain.layout().parameterIndex("k")]).isEqualTo(5.0);

        CompiledModel resizing = ModelCompiler.compile(AntimonyReader.parse(
                "model m()\ncompartment C = 1\nvar C\nspecies S in C = 1\nE: at (time > 1): C = 2\nend\n", "t.ant"));
        CompiledEvent r = resizing.events().get(0);
        assertThatThrownBy(() -> r.apply(new double[] {2}, resizing.defaultState(), resizing.defaultParameters()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resizes compartments");
    }
}
