package org.osteon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.compile.CompileOptions;
import org.osteon.compile.CompiledEvent;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;

/**
 * Every built-in model's generated kernel (with its kept parameter-only terms and shared repeated
 * terms) against the interpreter, which evaluates each expression as written: right-hand side,
 * Jacobian, outputs and event guards the same bit for bit, while parameters change from one call
 * to the next as events, interventions and scans change them. The interpreter shares no code with
 * the generator beyond the elementary functions, so a kept value that went stale, or a repeated
 * term read before it was computed, shows here. "Bit for bit" compares {@link Double#doubleToLongBits}: every
 * NaN is one value (the sign of a NaN depends on which instruction made it and means nothing), 0.0 and -0.0 differ.
 */
class GeneratedKernelTest {
    static Stream<String> models() {
        return new BuiltInCatalog().modelIds().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theGeneratedKernelGivesTheInterpretersNumbersBitForBit(String id) {
        Model model = new BuiltInCatalog().model(id).orElseThrow();
        CompiledModel generated = ModelCompiler.compile(model, CompileOptions.DEFAULT);
        CompiledModel interpreted = ModelCompiler.compile(model, CompileOptions.DEFAULT.withBackend(CompileOptions.Backend.INTERPRETER));
        double[] y0 = generated.defaultState();
        double[] p = generated.defaultParameters();
        generated.initialize(0, y0, p, new boolean[y0.length], new boolean[p.length]);
        int n = y0.length;
        int parameters = generated.layout().parameters().size();
        SplittableRandom random = new SplittableRandom(id.hashCode());
        for (int call = 0; call < 200; call++) {
            // one parameter changes (x0.5-2, now and then to 0) before most calls
            if (parameters > 0 && random.nextInt(4) > 0) {
                int i = random.nextInt(parameters);
                p[i] = random.nextInt(10) == 0 ? 0 : p[i] * random.nextDouble(0.5, 2);
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = y0[i] * random.nextDouble(0.8, 1.25);
            }
            double t = random.nextDouble(0, 1000);
            Routine[] routines = {
                (m, out) -> m.derivatives(t, y, p, out),
                (m, out) -> m.jacobianValues(t, y, p, out),
                (m, out) -> m.outputs(t, y, p, out)};
            int[] sizes = {n, generated.jacobianPattern() == null ? 0 : generated.jacobianPattern().nonZeros(),
                generated.layout().outputCount()};
            String[] names = {"derivatives", "Jacobian", "outputs"};
            for (int r = 0; r < routines.length; r++) {
                if (sizes[r] > 0) {
                    double[] a = new double[sizes[r]];
                    double[] b = new double[sizes[r]];
                    routines[r].run(generated, a);
                    routines[r].run(interpreted, b);
                    sameBits(a, b, names[r], id, call);
                }
            }
            for (int e = 0; e < generated.events().size(); e++) {
                CompiledEvent g = generated.events().get(e);
                CompiledEvent i = interpreted.events().get(e);
                for (int k = 0; k < g.guardCount(); k++) {
                    sameBits(new double[] {g.guard(k, t, y, p)}, new double[] {i.guard(k, t, y, p)}, "guard of " + g.id(), id, call);
                }
                assertThat(g.trigger(t, y, p)).isEqualTo(i.trigger(t, y, p));
            }
        }
    }

    private interface Routine {
        void run(CompiledModel model, double[] out);
    }

    private static void sameBits(double[] a, double[] b, String what, String model, int call) {
        for (int i = 0; i < a.length; i++) {
            assertThat(Double.doubleToLongBits(a[i])).as("%s %s[%d], call %d: %s vs %s", model, what, i, call, a[i], b[i])
                    .isEqualTo(Double.doubleToLongBits(b[i]));
        }
    }
}
