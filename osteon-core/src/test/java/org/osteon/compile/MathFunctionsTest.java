package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.expr.Expr;

/**
 * The MathML functions of SBML core beyond the everyday ones. Expected values come from the
 * definitions in MathML 2.0 (sec. 4.4) and, for {@code quotient}, {@code rem} and {@code implies},
 * from the SBML Test Suite cases 01272-01281 (quotient(9, 2) = 4; implies truth table 1, 0, 1, 1):
 * both backends must give them to 1e-14 relative, and the analytic derivative must match a
 * central difference (h = 1e-6: truncation plus rounding about 1e-9 relative, bound 1e-7).
 */
class MathFunctionsTest {

    static Stream<Arguments> unary() {
        double x = 0.7;
        double big = 1.6; // for functions defined for |x| > 1
        return Stream.of(
                Arguments.of("sec", x, 1 / Math.cos(x)),
                Arguments.of("csc", x, 1 / Math.sin(x)),
                Arguments.of("cot", x, Math.cos(x) / Math.sin(x)),
                Arguments.of("sech", x, 2 / (Math.exp(x) + Math.exp(-x))),
                Arguments.of("csch", x, 2 / (Math.exp(x) - Math.exp(-x))),
                Arguments.of("coth", x, (Math.exp(x) + Math.exp(-x)) / (Math.exp(x) - Math.exp(-x))),
                Arguments.of("arcsec", big, Math.acos(1 / big)),
                Arguments.of("arccsc", big, Math.asin(1 / big)),
                Arguments.of("arccot", x, Math.PI / 2 - Math.atan(x)),
                Arguments.of("arcsinh", x, Math.log(x + Math.sqrt(x * x + 1))),
                Arguments.of("asinh", x, Math.log(x + Math.sqrt(x * x + 1))),
                Arguments.of("arccosh", big, Math.log(big + Math.sqrt(big * big - 1))),
                Arguments.of("acosh", big, Math.log(big + Math.sqrt(big * big - 1))),
                Arguments.of("arctanh", x, 0.5 * Math.log((1 + x) / (1 - x))),
                Arguments.of("atanh", x, 0.5 * Math.log((1 + x) / (1 - x))),
                Arguments.of("arcsech", x, Math.log((1 + Math.sqrt(1 - x * x)) / x)),
                Arguments.of("arccsch", x, Math.log(1 / x + Math.sqrt(1 / (x * x) + 1))),
                Arguments.of("arccoth", big, 0.5 * Math.log((big + 1) / (big - 1))));
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("unary")
    void unaryFunctionValuesAndDerivatives(String f, double x, double expected) {
        // x is a state (x' = 0) and y' = f(x): f(x) is dy/dt, its derivative the Jacobian entry J[y][x]
        Model m = Model.builder("m")
                .parameter(new Parameter("x", x, false, Metadata.EMPTY))
                .parameter(new Parameter("y", 0, false, Metadata.EMPTY))
                .rule(new Rule.Rate("x", Expr.Num.ZERO))
                .rule(new Rule.Rate("y", Expr.call(f, Expr.sym("x"))))
                .build();
        for (CompileOptions.Backend backend : CompileOptions.Backend.values()) {
            CompiledModel c = ModelCompiler.compile(m, CompileOptions.DEFAULT.withBackend(backend));
            double[] p = c.defaultParameters();
            double[] dydt = new double[2];
            c.derivatives(0, new double[] {x, 0}, p, dydt);
            assertThat(dydt[1]).as("%s %s", backend, f).isCloseTo(expected, within(1e-14 * Math.abs(expected)));
            double[] jac = new double[4];
            c.jacobian(0, new double[] {x, 0}, p, jac);
            double h = 1e-6;
            double[] up = new double[2];
            double[] down = new double[2];
            c.derivatives(0, new double[] {x + h, 0}, p, up);
            c.derivatives(0, new double[] {x - h, 0}, p, down);
            double numeric = (up[1] - down[1]) / (2 * h);
            assertThat(jac[1 * 2 + 0]).as("%s d%s/dx", backend, f).isCloseTo(numeric, within(1e-7 * (1 + Math.abs(numeric))));
        }
    }

    static Stream<Arguments> binary() {
        return Stream.of(
                Arguments.of("quotient", 9, 2, 4),
                Arguments.of("quotient", -7, 2, -3),
                Arguments.of("quotient", 7, -2, -3),
                Arguments.of("rem", 9, 2, 1),
                Arguments.of("rem", -7, 2, -1),
                Arguments.of("rem", 7, -2, 1),
                Arguments.of("implies", 1, 1, 1),
                Arguments.of("implies", 1, 0, 0),
                Arguments.of("implies", 0, 1, 1),
                Arguments.of("implies", 0, 0, 1));
    }

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @MethodSource("binary")
    void integerAndLogicalFunctions(String f, double a, double b, double expected) {
        assertThat(valueOf(Expr.call(f, Expr.sym("a"), Expr.sym("b")), a, b)).isEqualTo(expected);
    }

    @Test
    void factorialOfWholeAndFractionalNumbers() {
        assertThat(valueOf(Expr.call("factorial", Expr.sym("a")), 0, 0)).isEqualTo(1);
        assertThat(valueOf(Expr.call("factorial", Expr.sym("a")), 5, 0)).isEqualTo(120);
        assertThat(valueOf(Expr.call("factorial", Expr.sym("a")), 20, 0)).isEqualTo(2432902008176640000.0);
        // Gamma(1.5 + 1) = 3/4 sqrt(pi)
        assertThat(valueOf(Expr.call("factorial", Expr.sym("a")), 1.5, 0)).isCloseTo(0.75 * Math.sqrt(Math.PI), within(1e-14));
        assertThat(valueOf(Expr.call("factorial", Expr.sym("a")), -1, 0)).isNaN();
    }

    @Test
    void avogadroIsTheSbmlSpecificationValue() {
        // SBML Level 3 specifications sec. 3.4.6; SBML Test Suite case 00960
        assertThat(valueOf(Expr.sym("avogadro"), 0, 0)).isEqualTo(6.02214179e23);
    }

    @Test
    void piecewiseWithoutOtherwiseIsNaNWhenNoBranchHolds() {
        Expr pw = Expr.call("piecewise", Expr.num(1), Expr.bin(Expr.BinaryOp.GT, Expr.sym("a"), Expr.sym("b")));
        assertThat(valueOf(pw, 2, 1)).isEqualTo(1);
        assertThat(valueOf(pw, 0, 1)).isNaN();
    }

    /** The value of e over parameters a and b, checked to be the same in both backends. */
    private static double valueOf(Expr e, double a, double b) {
        Model m = Model.builder("m")
                .parameter(new Parameter("a", a, true, Metadata.EMPTY))
                .parameter(new Parameter("b", b, true, Metadata.EMPTY))
                .parameter(new Parameter("v", Double.NaN, false, Metadata.EMPTY))
                .rule(new Rule.Assignment("v", e))
                .build();
        Double result = null;
        for (CompileOptions.Backend backend : CompileOptions.Backend.values()) {
            CompiledModel c = ModelCompiler.compile(m, CompileOptions.DEFAULT.withBackend(backend));
            double[] out = new double[c.layout().outputCount()];
            c.outputs(0, new double[0], c.defaultParameters(), out);
            double v = out[c.layout().outputIndex("v")];
            if (result != null) {
                assertThat(v).as(backend.toString()).isEqualTo(result);
            }
            result = v;
        }
        return result;
    }

    @Test
    void everyNewFunctionIsKnownWithItsArity() {
        for (String f : List.of("sec", "csc", "cot", "sech", "csch", "coth", "arcsec", "arccsc", "arccot",
                "arcsinh", "arccosh", "arctanh", "arcsech", "arccsch", "arccoth", "factorial", "rateOf")) {
            assertThat(Builtins.acceptsArity(f, 1)).as(f).isTrue();
        }
        for (String f : List.of("quotient", "rem", "implies", "delay")) {
            assertThat(Builtins.acceptsArity(f, 2)).as(f).isTrue();
        }
    }
}
