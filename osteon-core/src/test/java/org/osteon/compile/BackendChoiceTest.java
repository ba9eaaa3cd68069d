package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.codehaus.janino.SimpleCompiler;
import org.junit.jupiter.api.Test;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.expr.Expr;

/**
 * Which kernel {@link ModelCompiler} chooses, as documented there: the ASM bytecode by default,
 * the interpreter when asked for, and the interpreter for an expression of more than
 * {@link ModelCompiler#MAX_BYTECODE_EXPRESSION} nodes (one beyond that cannot fit a JVM method);
 * and the Java source it shows ({@code generatedSource}) is a kernel computing the same rates.
 */
class BackendChoiceTest {

    /** y' = -(p1 + p2 + ... + pn): a sum of n parameters is 2n - 1 nodes, the negation one more. */
    private static Model sum(int n) {
        Model.Builder b = Model.builder("sum" + n);
        Expr e = null;
        for (int i = 1; i <= n; i++) {
            b.parameter(new Parameter("p" + i, 1.0 / i, true, Metadata.EMPTY));
            e = e == null ? Expr.sym("p1") : Expr.bin(Expr.BinaryOp.ADD, e, Expr.sym("p" + i));
        }
        b.parameter(new Parameter("y", 0, false, Metadata.EMPTY));
        b.rule(new Rule.Rate("y", new Expr.Unary(Expr.UnaryOp.NEG, e)));
        return b.build();
    }

    private static double harmonic(int n) {
        double h = 0;
        for (int i = 1; i <= n; i++) {
            h += 1.0 / i;
        }
        return h;
    }

    @Test
    void expressionsUpToTheLimitAreBytecodeAndLargerOnesInterpreted() {
        // 2 x 2400 = 4800 nodes: bytecode; 2 x 2600 = 5200: interpreted; both give -H(n) (the sum of 1/i),
        // to 1e-12 relative (a sum of a few thousand positive terms in a different grouping)
        for (int n : new int[] {2400, 2600}) {
            CompiledModel c = ModelCompiler.compile(sum(n));
            double[] dydt = new double[1];
            c.derivatives(0, new double[] {0}, c.defaultParameters(), dydt);
            assertThat(dydt[0]).isCloseTo(-harmonic(n), within(1e-12 * harmonic(n)));
            Kernel k = ((TextModel) c).kernel();
            if (n < 2500) {
                Backends.assertAsmKernel(c);
            } else {
                assertThat(k).isInstanceOf(InterpretedKernel.class);
            }
        }
    }

    @Test
    void theInterpreterIsUsedWhenAskedFor() {
        CompiledModel c = ModelCompiler.compile(CompilerSmokeTest.komarova(), CompileOptions.DEFAULT.withBackend(CompileOptions.Backend.INTERPRETER));
        assertThat(((TextModel) c).kernel()).isInstanceOf(InterpretedKernel.class);
        Backends.assertAsmKernel(ModelCompiler.compile(CompilerSmokeTest.komarova()));
    }

    @Test
    void theGeneratedSourceIsAKernelComputingTheSameRates() throws Exception {
        Model m = CompilerSmokeTest.komarova();
        String source = ModelCompiler.generatedSource(m, CompileOptions.DEFAULT);
        assertThat(source).startsWith("public final class Kernel implements org.osteon.compile.Kernel {");
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(Kernel.class.getClassLoader());
        compiler.cook(source);
        Kernel kernel = (Kernel) compiler.getClassLoader().loadClass("Kernel").getConstructor(ExternalFunction[].class)
                .newInstance((Object) new ExternalFunction[0]);
        CompiledModel c = ModelCompiler.compile(m);
        double[] p = c.defaultParameters();
        double[] y = {11, 212};
        double[] expected = new double[2];
        double[] actual = new double[2];
        c.derivatives(0, y, p, expected);
        kernel.rhs(0, y, p, actual);
        // Komarova 2003 at x1 = 11, x2 = 212: x1' = 3 x1^0.5 x2^-0.5 - 0.2 x1, x2' = 4 x1 - 0.02 x2 (g12 = 1, g22 = 0)
        double x1dot = 3 * Math.sqrt(11) / Math.sqrt(212) - 0.2 * 11;
        double x2dot = 4 * 11 - 0.02 * 212;
        assertThat(actual[c.layout().stateIndex("x1")]).isCloseTo(x1dot, within(1e-13 * Math.abs(x1dot)));
        assertThat(actual[c.layout().stateIndex("x2")]).isCloseTo(x2dot, within(1e-13 * Math.abs(x2dot)));
        assertThat(actual).containsExactly(expected, within(1e-13 * 40));
    }

    private static ExternalFunction function(String name, int arity, java.util.function.ToDoubleFunction<double[]> f,
                                             java.util.function.BiConsumer<double[], double[]> gradient) {
        return new ExternalFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int arity() {
                return arity;
            }

            @Override
            public double value(double[] args) {
                return f.applyAsDouble(args);
            }

            @Override
            public void gradient(double[] args, double[] out) {
                gradient.accept(args, out);
            }
        };
    }

    @Test
    void externalFunctionsAreCalledFromTheAsmKernel() {
        // x' = -twice(x) + hyp(x, y), y' = 0 with twice(a) = 2a and hyp(a, b) = sqrt(a^2 + b^2), exact gradients:
        // at x = 3, y = 4: x' = -6 + 5 = -1; dx'/dx = -2 + 3/5, dx'/dy = 4/5 (to 1e-15)
        ExternalFunction twice = function("twice", 1, a -> 2 * a[0], (a, g) -> g[0] = 2);
        ExternalFunction hyp = function("hyp", 2, a -> Math.hypot(a[0], a[1]), (a, g) -> {
            double r = Math.hypot(a[0], a[1]);
            g[0] = a[0] / r;
            g[1] = a[1] / r;
        });
        Model m = org.osteon.text.AntimonyReader.parse("model m()\nexternal function twice(a)\nexternal function hyp(a, b)\n"
                + "x' = -twice(x) + hyp(x, y)\ny' = 0\nx = 3; y = 4\nend\n", "ext.ant");
        CompiledModel c = ModelCompiler.compile(m, CompileOptions.DEFAULT.withFunction(twice).withFunction(hyp));
        Backends.assertAsmKernel(c);
        int ix = c.layout().stateIndex("x");
        int iy = c.layout().stateIndex("y");
        double[] y = new double[2];
        y[ix] = 3;
        y[iy] = 4;
        double[] dydt = new double[2];
        c.derivatives(0, y, c.defaultParameters(), dydt);
        assertThat(dydt[ix]).isCloseTo(-1, within(1e-15));
        double[] jac = new double[4];
        c.jacobian(0, y, c.defaultParameters(), jac);
        assertThat(jac[ix * 2 + ix]).isCloseTo(-2 + 0.6, within(1e-15));
        assertThat(jac[ix * 2 + iy]).isCloseTo(0.8, within(1e-15));
    }
}
