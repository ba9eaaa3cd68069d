package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;

/**
 * Generated code for external functions, events and large routines, in both generators (ASM
 * bytecode, which a model must really use, and the Java source compiled by Janino), against
 * values and derivatives worked out by hand. A slip in code generation for an external call
 * would otherwise be hidden by the interpreter fallback, which gives the same numbers.
 */
class ExternalFunctionsAndEventsCodeTest {
    /** g(a, b) = a b^2 with its exact gradient (b^2, 2 a b). */
    private static final ExternalFunction G = new ExternalFunction() {
        @Override
        public String name() {
            return "g";
        }

        @Override
        public int arity() {
            return 2;
        }

        @Override
        public double value(double[] a) {
            return a[0] * a[1] * a[1];
        }

        @Override
        public void gradient(double[] a, double[] out) {
            out[0] = a[1] * a[1];
            out[1] = 2 * a[0] * a[1];
        }
    };

    /** h(a) = 3 a + 1, gradient exact: 3 (so the default central difference is exact too, up to rounding). */
    private static final ExternalFunction H = new ExternalFunction() {
        @Override
        public String name() {
            return "h";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public double value(double[] a) {
            return 3 * a[0] + 1;
        }

        @Override
        public void gradient(double[] a, double[] out) {
            out[0] = 3;
        }
    };

    private static final CompileOptions OPTIONS = CompileOptions.DEFAULT.withFunction(G).withFunction(H);

    // x' = g(x, k) + h(y), y' = -y g(1, x); o := h(g(y, 2)), k = 0.5
    private static Model model() {
        return AntimonyReader.parse("external function g(a, b)\nexternal function h(a)\nmodel m()\n"
                + "k = 0.5\nx' = g(x, k) + h(y); x = 2\ny' = -y * g(1, x); y = 3\no := h(g(y, 2))\n"
                + "E: at (x > 4): k = 1\nend\n", "ext.ant");
    }

    @Test
    void externalCallsAndTheirPartialsInTheBytecodeKernel() {
        CompiledModel m = ModelCompiler.compile(model(), OPTIONS);
        Backends.assertAsmKernel(m);
        int x = m.layout().stateIndex("x");
        int y = m.layout().stateIndex("y");
        double[] state = new double[2];
        state[x] = 1.5;
        state[y] = -2;
        double[] p = m.defaultParameters();
        double[] dydt = new double[2];
        m.derivatives(0, state, p, dydt);
        // x' = 1.5 * 0.25 + (3 * -2 + 1) = 0.375 - 5; y' = 2 * (1 * 1.5^2) = 4.5
        assertThat(dydt[x]).isEqualTo(0.375 - 5);
        assertThat(dydt[y]).isEqualTo(4.5);
        double[] jac = new double[4];
        m.jacobian(0, state, p, jac);
        // dx'/dx = k^2, dx'/dy = 3, dy'/dx = -y * 2 x, dy'/dy = -x^2
        assertThat(jac[x * 2 + x]).isEqualTo(0.25);
        assertThat(jac[x * 2 + y]).isEqualTo(3);
        assertThat(jac[y * 2 + x]).isEqualTo(6);
        assertThat(jac[y * 2 + y]).isEqualTo(-2.25);
        double[] out = new double[m.layout().outputCount()];
        m.outputs(0, state, p, out);
        assertThat(out[m.layout().outputIndex("o")]).isEqualTo(3 * (-2 * 4) + 1);
    }

    @Test
    void theJavaSourceGivesTheSameValuesAndEventFunctions() {
        CompiledModel m = ModelCompiler.compile(model(), OPTIONS);
        Kernel janino = Backends.janino(model(), OPTIONS);
        Kernel asm = ((TextModel) m).kernel();
        double[] p = m.defaultParameters();
        java.util.Random r = new java.util.Random(5);
        for (int trial = 0; trial < 20; trial++) {
            double[] state = {4 * r.nextDouble() - 2, 4 * r.nextDouble() - 2};
            double[] a = new double[2];
            double[] b = new double[2];
            asm.rhs(0, state, p, a);
            janino.rhs(0, state, p, b);
            assertThat(b).containsExactly(a);
            double[] ja = new double[4];
            double[] jb = new double[4];
            asm.jacobian(0, state, p, ja);
            janino.jacobian(0, state, p, jb);
            assertThat(jb).containsExactly(ja);
            double[] oa = new double[m.layout().outputCount()];
            double[] ob = new double[oa.length];
            asm.outputs(0, state, p, oa);
            janino.outputs(0, state, p, ob);
            assertThat(ob).containsExactly(oa);
        }
        int x = m.layout().stateIndex("x");
        double[] state = new double[2];
        state[x] = 5;
        assertThat(janino.trigger(0, 0, state, p)).isTrue();
        assertThat(janino.guard(0, 0, state, p)).isEqualTo(1); // x - 4
        state[x] = 3.5;
        assertThat(janino.trigger(0, 0, state, p)).isFalse();
        assertThat(janino.guard(0, 0, state, p)).isEqualTo(-0.5);
        assertThat(asm.guard(0, 0, state, p)).isEqualTo(-0.5);
    }

    @Test
    void javaLiteralsKeepSignsAndSpecialValues() {
        assertThat(JavaSourceGenerator.literal(Double.NaN)).isEqualTo("Double.NaN");
        assertThat(JavaSourceGenerator.literal(Double.POSITIVE_INFINITY)).isEqualTo("Double.POSITIVE_INFINITY");
        assertThat(JavaSourceGenerator.literal(Double.NEGATIVE_INFINITY)).isEqualTo("Double.NEGATIVE_INFINITY");
        assertThat(JavaSourceGenerator.literal(-1.5)).isEqualTo("(-1.5)");
        assertThat(JavaSourceGenerator.literal(-0.0)).isEqualTo("(-0.0)");
        assertThat(JavaSourceGenerator.literal(0.0)).isEqualTo("0.0");
        assertThat(JavaSourceGenerator.literal(2.5)).isEqualTo("2.5");
        assertThat(JavaSourceGenerator.literal(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    }

    /**
     * A chain of 400 cells with an assigned flux each: the Java source of rhs is far over the
     * 15,000-character method budget, so it is split into helper methods with the assigned values
     * in a scratch array. x_i' = f_{i-1} - f_i with f_i := k_i x_i, by hand.
     */
    @Test
    void aLargeRoutineSplitIntoHelpersGivesTheHandValues() {
        int n = 400;
        StringBuilder sb = new StringBuilder("model chain()\n");
        for (int i = 0; i < n; i++) {
            sb.append("k").append(i).append(" = ").append(1 + i % 7).append('\n');
            sb.append("f").append(i).append(" := k").append(i).append(" * x").append(i).append('\n');
            sb.append("x").append(i).append("' = ").append(i == 0 ? "1" : "f" + (i - 1)).append(" - f").append(i)
                    .append("; x").append(i).append(" = 1\n");
        }
        Model model = AntimonyReader.parse(sb.append("end\n").toString(), "chain.ant");
        String source = ModelCompiler.generatedSource(model, CompileOptions.DEFAULT);
        assertThat(source).contains("rhs$0(", "rhs$1(");
        CompiledModel m = ModelCompiler.compile(model);
        Kernel janino = Backends.janino(model, CompileOptions.DEFAULT);
        double[] p = m.defaultParameters();
        double[] state = new double[n];
        for (int i = 0; i < n; i++) {
            state[m.layout().stateIndex("x" + i)] = 0.5 + i;
        }
        double[] dydt = new double[n];
        janino.rhs(0, state, p, dydt);
        for (int i = 0; i < n; i++) {
            double in = i == 0 ? 1 : (1 + (i - 1) % 7) * (0.5 + i - 1);
            double expected = in - (1 + i % 7) * (0.5 + i);
            assertThat(dydt[m.layout().stateIndex("x" + i)]).as("x%d'", i).isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-12));
        }
        double[] out = new double[m.layout().outputCount()];
        janino.outputs(0, state, p, out);
        assertThat(out[m.layout().outputIndex("f" + (n - 1))]).isEqualTo((1 + (n - 1) % 7) * (0.5 + n - 1));
    }
}
