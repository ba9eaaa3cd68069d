package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.expr.Expr;
import org.osteon.text.AntimonyReader;

/** Every static check of the compiler, each with the message a user sees. */
class StaticCheckTest {
    private static List<String> problems(String body) {
        Model m = AntimonyReader.parse("model m()\n" + body + "\nend\n", "t.ant");
        try {
            ModelCompiler.compile(m);
        } catch (CompileException e) {
            return e.problems();
        }
        throw new AssertionError("expected a compile error for: " + body);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "x' = -kk*x; x = 1; k = 1                 | undefined symbol 'kk' in a state equation (did you mean 'k'?)",
        "a := b + 1; b := a*2; x' = a; x = 1        | assignment rules form a cycle: a -> b -> a",
        "x' = -x; x = 1; f := hill(x); function_ = 1 | calls unknown function 'hill'",
        "x' = exp(x, 2); x = 1                      | calls exp with 2 arguments; it takes 1",
        "x' = -x; k' = 1; k = 1                      | 'x' has no initial value",
        "x' = -x; x = 1; y := x; E1: at (time > 1): y = 2 | event 'E1' sets 'y', which is defined by an assignment rule",
        "x' = -x; x = 1; external function g(a); y := g(x) | external function 'g' has no Java implementation registered",
    })
    void reportsProblem(String body, String expected) {
        assertThat(problems(body.replace("; ", "\n"))).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void symbolDefinedTwiceAndRuleConflictsFromJavaBuiltModels() {
        // The text reader rejects these itself; a model built in Java (or from SBML) reaches the compiler.
        Model m = Model.builder("m")
                .parameter(new Parameter("x", 1, false, Metadata.EMPTY))
                .parameter(new Parameter("x", 2, false, Metadata.EMPTY))
                .parameter(new Parameter("y", 1, false, Metadata.EMPTY))
                .rule(new Rule.Rate("y", new Expr.Num(1)))
                .rule(new Rule.Assignment("y", new Expr.Num(2)))
                .build();
        assertThatThrownBy(() -> ModelCompiler.compile(m)).isInstanceOfSatisfying(CompileException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).isEqualTo("'x' is defined twice (as a parameter and as a parameter)"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).isEqualTo("'y' has both an assignment rule and a rate rule"));
        });
    }

    @Test
    void externalFunctionsAreCalledAndDifferentiated() {
        ExternalFunction square = new ExternalFunction() {
            @Override
            public String name() {
                return "square";
            }

            @Override
            public int arity() {
                return 1;
            }

            @Override
            public double value(double[] a) {
                return a[0] * a[0];
            }
        };
        Model m = AntimonyReader.parse("model m()\nexternal function square(a)\nx' = -square(x)\nx = 3\nend\n", "t.ant");
        CompiledModel c = ModelCompiler.compile(m, CompileOptions.DEFAULT.withFunction(square));
        double[] dy = new double[1];
        double[] jac = new double[1];
        c.derivatives(0, new double[] {3}, c.defaultParameters(), dy);
        c.jacobian(0, new double[] {3}, c.defaultParameters(), jac);
        assertThat(dy[0]).isEqualTo(-9.0);
        // d/dx(-x^2) = -6 at x = 3; the default central-difference gradient is accurate to ~1e-8 here.
        assertThat(jac[0]).isCloseTo(-6.0, org.assertj.core.data.Offset.offset(1e-6));
    }
}
