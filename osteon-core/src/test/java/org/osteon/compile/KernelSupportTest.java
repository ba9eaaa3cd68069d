package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The helpers generated kernels call, against their definitions: {@code pow}'s fast paths
 * against {@link Math#pow} (to 2 ulps: x*x*x rounds twice, Math.pow within 1 ulp),
 * {@code factorial} by product up to 170 (the largest n whose n! is finite) and by Gamma beyond,
 * the scratch array reused per thread, and the arity rules of the built-in functions (MathML 2.0
 * sec. 4.4: log takes an optional base, piecewise at least one piece, min and max any number).
 */
class KernelSupportTest {

    @Test
    void powFastPathsAgreeWithMathPow() {
        for (double x : new double[] {0.3, 1.7, 12.5}) {
            for (double y : new double[] {2, 1, 3, 0.5, -1, 2.5, 0}) {
                double expected = Math.pow(x, y);
                assertThat(KernelSupport.pow(x, y)).as("%s^%s", x, y).isCloseTo(expected, within(2 * Math.ulp(expected)));
            }
        }
    }

    @Test
    void factorialIsTheExactProductUpTo170AndGammaBeyond() {
        double product = 1;
        for (int i = 2; i <= 170; i++) {
            product *= i;
        }
        assertThat(KernelSupport.factorial(170)).isEqualTo(product);
        assertThat(KernelSupport.factorial(171)).isEqualTo(Double.POSITIVE_INFINITY); // 171! > Double.MAX_VALUE
        assertThat(KernelSupport.factorial(0)).isEqualTo(1);
        assertThat(KernelSupport.factorial(Double.NaN)).isNaN();
        assertThat(KernelSupport.factorial(-0.5)).isNaN();
        // Gamma(0.5 + 1) = sqrt(pi) / 2
        assertThat(KernelSupport.factorial(0.5)).isCloseTo(Math.sqrt(Math.PI) / 2, within(1e-15));
    }

    @Test
    void theScratchArrayIsReusedAndGrownWhenTooSmall() {
        ThreadLocal<double[]> cache = new ThreadLocal<>();
        double[] a = KernelSupport.scratch(cache, 4);
        assertThat(a).hasSize(4);
        assertThat(KernelSupport.scratch(cache, 4)).isSameAs(a);
        assertThat(KernelSupport.scratch(cache, 3)).isSameAs(a);
        double[] b = KernelSupport.scratch(cache, 5);
        assertThat(b).hasSize(5);
        assertThat(KernelSupport.scratch(cache, 5)).isSameAs(b);
    }

    @Test
    void noSuchNamesWhatAndWhich() {
        assertThat(KernelSupport.noSuch("event", 7)).hasMessage("no event 7");
    }

    @Test
    void arityRules() {
        assertThat(Builtins.acceptsArity("log", 1)).isTrue();
        assertThat(Builtins.acceptsArity("log", 2)).isTrue();
        assertThat(Builtins.acceptsArity("log", 0)).isFalse();
        assertThat(Builtins.acceptsArity("log", 3)).isFalse();
        assertThat(Builtins.acceptsArity("piecewise", 0)).isFalse();
        assertThat(Builtins.acceptsArity("piecewise", 1)).isTrue();
        assertThat(Builtins.acceptsArity("piecewise", 4)).isTrue();
        assertThat(Builtins.acceptsArity("min", 0)).isFalse();
        assertThat(Builtins.acceptsArity("min", 1)).isTrue();
        assertThat(Builtins.acceptsArity("max", 5)).isTrue();
        assertThat(Builtins.acceptsArity("exp", 1)).isTrue();
        assertThat(Builtins.acceptsArity("exp", 0)).isFalse();
        assertThat(Builtins.acceptsArity("exp", 2)).isFalse();
        assertThat(Builtins.acceptsArity("pow", 2)).isTrue();
        assertThat(Builtins.acceptsArity("pow", 1)).isFalse();
        assertThat(Builtins.arityText("log")).isEqualTo("1 or 2");
        assertThat(Builtins.arityText("min")).isEqualTo("at least 1");
        assertThat(Builtins.arityText("pow")).isEqualTo("2");
        assertThat(Builtins.arityText("exp")).isEqualTo("1");
        assertThat(Builtins.functionNames()).contains("exp", "piecewise", "min", "log", "factorial");
    }
}
