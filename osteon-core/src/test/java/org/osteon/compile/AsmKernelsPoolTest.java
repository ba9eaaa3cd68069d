package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteon.text.AntimonyReader;

/**
 * The constant-pool budget of the ASM kernel's part classes: chunks go into a part class until
 * its pool would pass the budget, so that no class reaches the JVM's limit of 65535 entries. The
 * pool size is read from each class file (constant_pool_count, JVM spec 4.1), independently of
 * the generator's own estimate. Cells with distinct literal constants (2 pool slots each, JVM
 * spec 4.4.5) cannot be folded into loops, so each chunk brings new constants.
 */
class AsmKernelsPoolTest {
    static String distinctConstants(int n) {
        StringBuilder sb = new StringBuilder("model consts()\n");
        for (int i = 1; i <= n; i++) {
            sb.append("  x").append(i).append("' = ").append(1 + i * 1e-4).append(" - ").append(2 + i * 1e-3)
                    .append(" * x").append(i).append(" + ").append(0.5 + i * 1e-5).append(" * x").append(i == 1 ? n : i - 1)
                    .append("; x").append(i).append(" = 1\n");
        }
        return sb.append("end\n").toString();
    }

    private static int poolCount(byte[] c) {
        return ((c[8] & 0xff) << 8) | (c[9] & 0xff);
    }

    @ParameterizedTest(name = "{0} cells, pool budget {1}")
    @CsvSource({"300, 200", "300, 600", "600, 1500"})
    void everyPartClassStaysWithinItsPoolBudgetAndTheValuesAreRight(int cells, int budget) {
        FlatSystem flat = Flattener.flatten(AntimonyReader.parse(distinctConstants(cells), "c.ant"), CompileOptions.DEFAULT);
        JacobianPlan plan = new JacobianPlan(flat);
        SymbolTable symbols = new SymbolTable(flat, plan.tempNames());
        Map<String, byte[]> classes = AsmKernels.classes(flat, plan, symbols, List.of(), 400, budget);
        assertThat(classes).isNotNull();
        int parts = 0;
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            if (e.getKey().contains("$Part")) {
                parts++;
                assertThat(poolCount(e.getValue())).as("%s", e.getKey()).isLessThanOrEqualTo(budget);
            }
        }
        // 3 distinct literals a cell, 2 slots each: at least 6 * cells slots over all parts
        assertThat(parts).isGreaterThanOrEqualTo(6 * cells / budget);
        Kernel k = AsmKernels.compile(flat, plan, symbols, List.of(), new ExternalFunction[0], 400, budget);
        int n = flat.states().size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 1 + 0.01 * i;
        }
        double[] dydt = new double[n];
        k.rhs(0, y, flat.parameterDefaults().clone(), dydt);
        for (int i = 1; i <= cells; i++) {
            int s = symbols.resolve("x" + i).index();
            int prev = symbols.resolve("x" + (i == 1 ? cells : i - 1)).index();
            double expected = (1 + i * 1e-4) - (2 + i * 1e-3) * y[s] + (0.5 + i * 1e-5) * y[prev];
            assertThat(dydt[s]).as("x%d'", i).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
