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
                Arguments.of("arccoth", big, 0.5 * Math.log((big + 1) / (big - 1))),
                // the everyday ones, so that their analytic derivatives are checked too
                Arguments.of("abs", -x, x),
                Arguments.of("exp", x, Math.exp(x)),
                Arguments.of("ln", x, Math.log(x)),
                Arguments.of("log10", x, Math.log10(x)),
                Arguments.of("log2", x, Math.log(x) / Math.log(2)),
                Arguments.of("sqrt", x, Math.sqrt(x)),
                Arguments.of("sqr", x, x * x),
                Arguments.of("sin", x, Math.sin(x)),
                Arguments.of("cos", x, Math.cos(x)),
                Arguments.of("tan", x, Math.tan(x)),
                Arguments.of("asin", x, Math.asin(x)),
                Arguments.of("acos", x, Math.acos(x)),
                Arguments.of("atan", x, Math.atan(x)),
                Arguments.of("sinh", x, Math.sinh(x)),
                Arguments.of("cosh", x, Math.cosh(x)),
                Arguments.of("tanh", x, Math.tanh(x)));
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
            if (backend == CompileOptions.Backend.BYTECODE) {
                Backends.assertAsmKernel(c);
            }
        }
        // the Java source generator (ModelCompiler.generatedSource, the sensitivity kernels) compiled by Janino
        Kernel janino = Backends.janino(m, CompileOptions.DEFAULT);
        double[] dydt = new double[2];
        janino.rhs(0, new double[] {x, 0}, new double[] {}, dydt);
        assertThat(dydt[1]).as("Janino %s", f).isCloseTo(expected, within(1e-14 * Math.abs(expected)));
        double[] up = new double[2];
        double[] down = new double[2];
        double h = 1e-6;
        janino.rhs(0, new double[] {x + h, 0}, new double[] {}, up);
        janino.rhs(0, new double[] {x - h, 0}, new double[] {}, down);
        double numeric = (up[1] - down[1]) / (2 * h);
        double[] jac = new double[4];
        janino.jacobian(0, new double[] {x, 0}, new double[] {}, jac); // sparse values: the one non-zero is dy'/dx
        assertThat(jac[0]).as("Janino d%s/dx", f).isCloseTo(numeric, within(1e-7 * (1 + Math.abs(numeric))));
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
            } else {
                Backends.assertAsmKernel(c);
            }
            result = v;
        }
        // Janino's kernel of the generated Java source: the same value to 2 ulps (log2 is ln(x)/ln 2 there, ln(x) * (1/ln 2) in ASM)
        CompiledModel c = ModelCompiler.compile(m);
        double[] outs = new double[c.layout().outputCount()];
        Backends.janino(m, CompileOptions.DEFAULT).outputs(0, new double[0], c.defaultParameters(), outs);
        double janino = outs[c.layout().outputIndex("v")];
        if (Double.isNaN(result)) {
            assertThat(janino).as("Janino").isNaN();
        } else {
            assertThat(janino).as("Janino").isCloseTo(result, within(4.5e-16 * Math.max(1, Math.abs(result))));
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

    private static Expr a() {
        return Expr.sym("a");
    }

    private static Expr b() {
        return Expr.sym("b");
    }

    private static Expr bin(Expr.BinaryOp op) {
        return Expr.bin(op, a(), b());
    }

    /**
     * The everyday operators and functions, each on inputs where a wrong operator, a flipped
     * comparison or a moved boundary gives a different value: comparisons at a < b, a = b and
     * a > b; n-ary min, max, and, or, xor with the deciding argument last. Expected values by hand
     * (truth values 1 and 0) or from java.lang.Math, the definitions MathML 2.0 sec. 4.4 gives;
     * both backends must agree exactly ({@link #valueOf}); tolerance 1e-15 relative.
     */
    static Stream<Arguments> everyday() {
        Expr.BinaryOp lt = Expr.BinaryOp.LT;
        Expr.BinaryOp le = Expr.BinaryOp.LE;
        Expr.BinaryOp gt = Expr.BinaryOp.GT;
        Expr.BinaryOp ge = Expr.BinaryOp.GE;
        Expr.BinaryOp eq = Expr.BinaryOp.EQ;
        Expr.BinaryOp ne = Expr.BinaryOp.NE;
        Expr c3 = Expr.num(3);
        Expr zero = Expr.num(0);
        return Stream.of(
                Arguments.of("a + b", Expr.bin(Expr.BinaryOp.ADD, a(), b()), 2.5, -1.5, 1.0),
                Arguments.of("a - b", Expr.bin(Expr.BinaryOp.SUB, a(), b()), 2.5, -1.5, 4.0),
                Arguments.of("a * b", Expr.bin(Expr.BinaryOp.MUL, a(), b()), 2.5, -1.5, -3.75),
                Arguments.of("a / b", Expr.bin(Expr.BinaryOp.DIV, a(), b()), 3, -1.5, -2.0),
                Arguments.of("a ^ b", Expr.bin(Expr.BinaryOp.POW, a(), b()), 4, 1.5, 8.0),
                Arguments.of("-a", new Expr.Unary(Expr.UnaryOp.NEG, a()), 2.5, 0, -2.5),
                Arguments.of("!a, a = 0", new Expr.Unary(Expr.UnaryOp.NOT, a()), 0, 0, 1.0),
                Arguments.of("!a, a = 2", new Expr.Unary(Expr.UnaryOp.NOT, a()), 2, 0, 0.0),
                Arguments.of("a < b, 1 < 2", bin(lt), 1, 2, 1.0),
                Arguments.of("a < b, 2 < 2", bin(lt), 2, 2, 0.0),
                Arguments.of("a < b, 3 < 2", bin(lt), 3, 2, 0.0),
                Arguments.of("a <= b, 2 <= 2", bin(le), 2, 2, 1.0),
                Arguments.of("a <= b, 3 <= 2", bin(le), 3, 2, 0.0),
                Arguments.of("a <= b, 1 <= 2", bin(le), 1, 2, 1.0),
                Arguments.of("a > b, 3 > 2", bin(gt), 3, 2, 1.0),
                Arguments.of("a > b, 2 > 2", bin(gt), 2, 2, 0.0),
                Arguments.of("a > b, 1 > 2", bin(gt), 1, 2, 0.0),
                Arguments.of("a >= b, 2 >= 2", bin(ge), 2, 2, 1.0),
                Arguments.of("a >= b, 1 >= 2", bin(ge), 1, 2, 0.0),
                Arguments.of("a >= b, 3 >= 2", bin(ge), 3, 2, 1.0),
                Arguments.of("a == b, 2 == 2", bin(eq), 2, 2, 1.0),
                Arguments.of("a == b, 1 == 2", bin(eq), 1, 2, 0.0),
                Arguments.of("a != b, 2 != 2", bin(ne), 2, 2, 0.0),
                Arguments.of("a != b, 1 != 2", bin(ne), 1, 2, 1.0),
                Arguments.of("a && b, 1 && 0", bin(Expr.BinaryOp.AND), 1, 0, 0.0),
                Arguments.of("a && b, 0 && 1", bin(Expr.BinaryOp.AND), 0, 1, 0.0),
                Arguments.of("a && b, 2 && -1", bin(Expr.BinaryOp.AND), 2, -1, 1.0),
                Arguments.of("a || b, 0 || 0", bin(Expr.BinaryOp.OR), 0, 0, 0.0),
                Arguments.of("a || b, 0 || 3", bin(Expr.BinaryOp.OR), 0, 3, 1.0),
                Arguments.of("a || b, 3 || 0", bin(Expr.BinaryOp.OR), 3, 0, 1.0),
                Arguments.of("lt(2, 2)", Expr.call("lt", a(), b()), 2, 2, 0.0),
                Arguments.of("lt(1, 2)", Expr.call("lt", a(), b()), 1, 2, 1.0),
                Arguments.of("leq(2, 2)", Expr.call("leq", a(), b()), 2, 2, 1.0),
                Arguments.of("leq(3, 2)", Expr.call("leq", a(), b()), 3, 2, 0.0),
                Arguments.of("gt(2, 2)", Expr.call("gt", a(), b()), 2, 2, 0.0),
                Arguments.of("gt(3, 2)", Expr.call("gt", a(), b()), 3, 2, 1.0),
                Arguments.of("geq(2, 2)", Expr.call("geq", a(), b()), 2, 2, 1.0),
                Arguments.of("geq(1, 2)", Expr.call("geq", a(), b()), 1, 2, 0.0),
                Arguments.of("eq(2, 2)", Expr.call("eq", a(), b()), 2, 2, 1.0),
                Arguments.of("eq(1, 2)", Expr.call("eq", a(), b()), 1, 2, 0.0),
                Arguments.of("neq(2, 2)", Expr.call("neq", a(), b()), 2, 2, 0.0),
                Arguments.of("neq(1, 2)", Expr.call("neq", a(), b()), 1, 2, 1.0),
                Arguments.of("min(a, b, 3), the last smallest", Expr.call("min", c3, a(), b()), 5, 1, 1.0),
                Arguments.of("min(3, a, b), the first smallest", Expr.call("min", a(), c3, b()), -2, 4, -2.0),
                Arguments.of("max(3, a, b), the last largest", Expr.call("max", c3, a(), b()), 1, 7, 7.0),
                Arguments.of("max(a, 3, b), the first largest", Expr.call("max", a(), c3, b()), 9, 1, 9.0),
                Arguments.of("and(3, a, b), b = 0", Expr.call("and", c3, a(), b()), 1, 0, 0.0),
                Arguments.of("and(3, a, b), all true", Expr.call("and", c3, a(), b()), 1, -1, 1.0),
                Arguments.of("or(0, a, b), b only", Expr.call("or", zero, a(), b()), 0, 2, 1.0),
                Arguments.of("or(0, a, b), none", Expr.call("or", zero, a(), b()), 0, 0, 0.0),
                Arguments.of("xor(3, a, b), two true", Expr.call("xor", c3, a(), b()), 1, 0, 0.0),
                Arguments.of("xor(3, a, b), three true", Expr.call("xor", c3, a(), b()), 1, 1, 1.0),
                Arguments.of("xor(0, a, b), one true", Expr.call("xor", zero, a(), b()), 0, 5, 1.0),
                Arguments.of("log(2, 8) base first", Expr.call("log", a(), b()), 2, 8, 3.0),
                Arguments.of("log(e^2)", Expr.call("log", a()), Math.exp(2), 0, 2.0),
                Arguments.of("root(3, 27)", Expr.call("root", a(), b()), 3, 27, 3.0),
                Arguments.of("pow(2, 10)", Expr.call("pow", a(), b()), 2, 10, 1024.0),
                Arguments.of("power(9, 0.5)", Expr.call("power", a(), b()), 9, 0.5, 3.0),
                Arguments.of("abs(-2.5)", Expr.call("abs", a()), -2.5, 0, 2.5),
                Arguments.of("exp(1)", Expr.call("exp", a()), 1, 0, Math.E),
                Arguments.of("ln(e^3)", Expr.call("ln", a()), Math.exp(3), 0, 3.0),
                Arguments.of("log10(1000)", Expr.call("log10", a()), 1000, 0, 3.0),
                Arguments.of("log2(1024)", Expr.call("log2", a()), 1024, 0, 10.0),
                Arguments.of("sqrt(6.25)", Expr.call("sqrt", a()), 6.25, 0, 2.5),
                Arguments.of("sqr(-3)", Expr.call("sqr", a()), -3, 0, 9.0),
                Arguments.of("sin(pi/6)", Expr.call("sin", a()), Math.PI / 6, 0, 0.5),
                Arguments.of("cos(pi/3)", Expr.call("cos", a()), Math.PI / 3, 0, 0.5),
                Arguments.of("tan(pi/4)", Expr.call("tan", a()), Math.PI / 4, 0, 1.0),
                Arguments.of("asin(0.5)", Expr.call("asin", a()), 0.5, 0, Math.PI / 6),
                Arguments.of("arcsin(0.5)", Expr.call("arcsin", a()), 0.5, 0, Math.PI / 6),
                Arguments.of("acos(0.5)", Expr.call("acos", a()), 0.5, 0, Math.PI / 3),
                Arguments.of("arccos(0.5)", Expr.call("arccos", a()), 0.5, 0, Math.PI / 3),
                Arguments.of("atan(1)", Expr.call("atan", a()), 1, 0, Math.PI / 4),
                Arguments.of("arctan(1)", Expr.call("arctan", a()), 1, 0, Math.PI / 4),
                Arguments.of("sinh(ln 2)", Expr.call("sinh", a()), Math.log(2), 0, 0.75),
                Arguments.of("cosh(ln 2)", Expr.call("cosh", a()), Math.log(2), 0, 1.25),
                Arguments.of("tanh(ln 2)", Expr.call("tanh", a()), Math.log(2), 0, 0.6),
                Arguments.of("floor(-2.5)", Expr.call("floor", a()), -2.5, 0, -3.0),
                Arguments.of("ceil(-2.5)", Expr.call("ceil", a()), -2.5, 0, -2.0),
                Arguments.of("ceiling(2.1)", Expr.call("ceiling", a()), 2.1, 0, 3.0),
                Arguments.of("sign(-0.3)", Expr.call("sign", a()), -0.3, 0, -1.0),
                Arguments.of("not(0)", Expr.call("not", a()), 0, 0, 1.0),
                Arguments.of("not(2)", Expr.call("not", a()), 2, 0, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyday")
    void everydayOperatorsAndFunctions(String label, Expr e, double a, double b, double expected) {
        assertThat(valueOf(e, a, b)).as(label).isCloseTo(expected, within(1e-15 * Math.max(1, Math.abs(expected))));
    }
}
