package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteon.text.AntimonyReader;

/**
 * The ASM kernel against the interpreter (an independent evaluation of the same expressions):
 * a chain of cells made from one template, with neighbour coupling, boundary cells that differ,
 * piecewise, comparisons, min and an event, compiled with method and constant-pool budgets small
 * enough that every routine is cut into chunks, repeated cells become loops and chunks spill over
 * many part classes. Every value must agree to 1e-12 relative (the same operations in the same
 * order; only the interpreter's closures differ).
 */
class AsmKernelsTest {

    /** N cells of a 2-state template coupled to both neighbours (mirror ends), plus an event. */
    static String chain(int n) {
        StringBuilder sb = new StringBuilder("model chain()\n");
        for (int i = 1; i <= n; i++) {
            int l = i == 1 ? 1 : i - 1;
            int r = i == n ? n : i + 1;
            sb.append("  a").append(i).append("' = k1*s").append(i).append(" - k2*a").append(i).append("*b").append(i)
                    .append(" + D*(a").append(l).append(" - 2*a").append(i).append(" + a").append(r).append(")\n");
            sb.append("  b").append(i).append("' = piecewise(k3, a").append(i).append(" > 1.5, k4)*a").append(i)
                    .append(" - min(b").append(i).append(", 2)^2/(1 + b").append(i).append(")\n");
            sb.append("  s").append(i).append(" := exp(-a").append(i).append("/(c").append(i).append(" + b").append(i)
                    .append("))\n");
            sb.append("  a").append(i).append(" = ").append(1 + 0.01 * i).append("; b").append(i).append(" = 0.5; c")
                    .append(i).append(" = ").append(2 + 0.001 * i).append('\n');
        }
        sb.append("  k1 = 1.1; k2 = 0.7; k3 = 0.3; k4 = 0.2; D = 0.05; trip = 0\n");
        sb.append("  E1: at (a1 > 2 && time > 1): trip = 1\n");
        sb.append("end\n");
        return sb.toString();
    }

    @ParameterizedTest(name = "{0} cells, method budget {1} bytes, pool budget {2}")
    @CsvSource({"40, 400, 120", "40, 6000, 40000", "3, 300, 60", "200, 2000, 500"})
    void agreesWithTheInterpreter(int cells, int methodBytes, int poolBudget) {
        FlatSystem flat = Flattener.flatten(AntimonyReader.parse(chain(cells), "chain.ant"), CompileOptions.DEFAULT);
        JacobianPlan plan = new JacobianPlan(flat);
        SymbolTable symbols = new SymbolTable(flat, plan.tempNames());
        Interpreter interpreter = new Interpreter(symbols, flat.assigned().size(), List.of(), new ExternalFunction[0]);
        Kernel slow = new InterpretedKernel(flat, plan, interpreter);
        Kernel fast = AsmKernels.compile(flat, plan, symbols, List.of(), new ExternalFunction[0], methodBytes, poolBudget);
        assertThat(fast).isNotNull();
        int n = flat.states().size();
        double[] p = flat.parameterDefaults().clone();
        Random random = new Random(cells * 31L + methodBytes);
        for (int trial = 0; trial < 5; trial++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 0.2 + 2.5 * random.nextDouble(); // on both sides of the piecewise and min switches
            }
            double t = 3 * random.nextDouble();
            assertClose(call(fast, 0, t, y, p, n), call(slow, 0, t, y, p, n));
            int nnz = plan.entries.size();
            assertClose(call(fast, 1, t, y, p, nnz), call(slow, 1, t, y, p, nnz));
            int outs = flat.outputs().size();
            assertClose(call(fast, 2, t, y, p, outs), call(slow, 2, t, y, p, outs));
            assertThat(fast.trigger(0, t, y, p)).isEqualTo(slow.trigger(0, t, y, p));
            for (int g = 0; g < 2; g++) {
                assertThat(fast.guard(g, t, y, p)).isEqualTo(slow.guard(g, t, y, p));
            }
        }
    }

    private static double[] call(Kernel k, int which, double t, double[] y, double[] p, int size) {
        double[] out = new double[size];
        switch (which) {
            case 0 -> k.rhs(t, y, p, out);
            case 1 -> k.jacobian(t, y, p, out);
            default -> k.outputs(t, y, p, out);
        }
        return out;
    }

    private static void assertClose(double[] actual, double[] expected) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= 1e-12 * (1 + Math.abs(expected[i])))) {
                bad.add(i + ": " + actual[i] + " vs " + expected[i]);
            }
        }
        assertThat(bad).isEmpty();
    }
}
