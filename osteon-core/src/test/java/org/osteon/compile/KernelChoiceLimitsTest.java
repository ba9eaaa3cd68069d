package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osteon.text.AntimonyReader;

/**
 * {@link ModelCompiler}'s size rule wherever the large expression sits (a rate, an assignment
 * rule, an event trigger): at most {@link ModelCompiler#MAX_BYTECODE_EXPRESSION} nodes compile to
 * the ASM kernel, one more is interpreted; and the built-in functions' arity rules with the text
 * the compiler's message shows (MathML 2.0 sec. 4.4: log with an optional base, piecewise and the
 * n-ary functions with at least one argument).
 */
class KernelChoiceLimitsTest {
    /** p1 + p2 + ... + pn: 2n - 1 nodes. */
    private static String sum(int n) {
        StringBuilder sb = new StringBuilder("p1");
        for (int i = 2; i <= n; i++) {
            sb.append(" + p").append(i);
        }
        return sb.toString();
    }

    private static String parameters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("p").append(i).append(" = ").append(1.0 / i).append('\n');
        }
        return sb.toString();
    }

    private static CompiledModel compile(String body, int n) {
        return ModelCompiler.compile(AntimonyReader.parse("model big()\n" + parameters(n) + body + "\nend\n", "big.ant"));
    }

    private static double harmonic(int n) {
        double h = 0;
        for (int i = 1; i <= n; i++) {
            h += 1.0 / i;
        }
        return h;
    }

    @Test
    void exactlyTheLimitIsBytecodeAndOneNodeMoreIsInterpreted() {
        // 2500 terms and a negation: 5000 nodes; 2501 terms: 5001
        CompiledModel at = compile("y' = -(" + sum(2500) + "); y = 0", 2500);
        Backends.assertAsmKernel(at);
        CompiledModel over = compile("y' = " + sum(2501) + "; y = 0", 2501);
        assertThat(((TextModel) over).kernel()).isInstanceOf(InterpretedKernel.class);
        double[] dydt = new double[1];
        over.derivatives(0, new double[] {0}, over.defaultParameters(), dydt);
        assertThat(dydt[0]).isCloseTo(harmonic(2501), within(1e-12 * harmonic(2501)));
    }

    @Test
    void aLargeAssignmentRuleOrTriggerAlsoChoosesTheInterpreter() {
        CompiledModel rule = compile("y' = -y; y = 1\ns := " + sum(2600), 2600);
        assertThat(((TextModel) rule).kernel()).as("assignment rule").isInstanceOf(InterpretedKernel.class);
        double[] out = new double[rule.layout().outputCount()];
        rule.outputs(0, new double[] {1}, rule.defaultParameters(), out);
        assertThat(out[rule.layout().outputIndex("s")]).isCloseTo(harmonic(2600), within(1e-12 * harmonic(2600)));
        CompiledModel trigger = compile("y' = -y; y = 1\nz = 0\nE: at (" + sum(2600) + " > y): z = 1", 2600);
        assertThat(((TextModel) trigger).kernel()).as("event trigger").isInstanceOf(InterpretedKernel.class);
        Backends.assertAsmKernel(compile("y' = -y; y = 1\ns := " + sum(100) + "\nz = 0\nE: at (" + sum(100) + " > y): z = 1", 100));
    }

    @Test
    void builtInArities() {
        assertThat(Builtins.acceptsArity("log", 1)).isTrue();
        assertThat(Builtins.acceptsArity("log", 2)).isTrue();
        assertThat(Builtins.acceptsArity("log", 0)).isFalse();
        assertThat(Builtins.acceptsArity("log", 3)).isFalse();
        assertThat(Builtins.arityText("log")).isEqualTo("1 or 2");
        assertThat(Builtins.acceptsArity("piecewise", 1)).isTrue();
        assertThat(Builtins.acceptsArity("piecewise", 4)).isTrue();
        assertThat(Builtins.acceptsArity("piecewise", 0)).isFalse();
        assertThat(Builtins.acceptsArity("sin", 1)).isTrue();
        assertThat(Builtins.acceptsArity("sin", 0)).isFalse();
        assertThat(Builtins.acceptsArity("sin", 2)).isFalse();
        assertThat(Builtins.arityText("sin")).isEqualTo("1");
        assertThat(Builtins.acceptsArity("pow", 2)).isTrue();
        assertThat(Builtins.acceptsArity("pow", 1)).isFalse();
        assertThat(Builtins.arityText("pow")).isEqualTo("2");
        assertThat(Builtins.acceptsArity("min", 1)).isTrue();
        assertThat(Builtins.acceptsArity("min", 5)).isTrue();
        assertThat(Builtins.acceptsArity("min", 0)).isFalse();
        assertThat(Builtins.arityText("min")).isEqualTo("at least 1");
        assertThat(Builtins.functionNames()).contains("sin", "log", "min", "piecewise").doesNotContain("pi");
    }
}
