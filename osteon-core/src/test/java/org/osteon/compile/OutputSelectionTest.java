package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;

/**
 * {@link CompiledModel#outputSelection}: the selected outputs only, computing only the assigned
 * values they depend on, with the same numbers bit for bit as {@link CompiledModel#outputs}, on
 * the ASM kernel and on the interpreter.
 */
class OutputSelectionTest {
    /**
     * c depends on x only through the chain c <- b <- a; d and e are not on it. At x = 3, k = 0.5:
     * a = 6, b = 6.5, c = 42.25 (by hand).
     */
    private static final String CHAIN = """
            model m()
              x' = -k*x; x = 3; k = 0.5
              d := exp(x) + e
              c := b*b
              e := sin(x)
              b := a + k
              a := 2*x
            end
            """;

    private static CompiledModel compile(String text, CompileOptions.Backend backend) {
        return ModelCompiler.compile(AntimonyReader.parse(text, "m.ant"), CompileOptions.DEFAULT.withBackend(backend));
    }

    private static int output(CompiledModel m, String id) {
        int i = m.layout().outputIndex(id);
        assertThat(i).as("output %s", id).isGreaterThanOrEqualTo(0);
        return i;
    }

    @ParameterizedTest
    @EnumSource(CompileOptions.Backend.class)
    void anOutputAtTheEndOfAChainOfAssignedValuesComputesTheChainOnly(CompileOptions.Backend backend) {
        CompiledModel m = compile(CHAIN, backend);
        if (backend == CompileOptions.Backend.BYTECODE) {
            Backends.assertAsmKernel(m);
        }
        double[] y = {3};
        double[] p = m.defaultParameters();
        OutputSelection c = m.outputSelection(new int[] {output(m, "c")});
        double[] out = new double[1];
        c.evaluate(0, y, p, out);
        assertThat(out[0]).isEqualTo(42.25); // (2*3 + 0.5)^2, exact in binary
        assertThat(c.computedValues()).isEqualTo(3); // a, b, c: not d, not e
        // two selections in another order, with a repeat: d needs e; 1 + 2 values
        OutputSelection de = m.outputSelection(new int[] {output(m, "d"), output(m, "a"), output(m, "d")});
        double[] three = new double[3];
        de.evaluate(0, y, p, three);
        assertThat(three).containsExactly(Math.exp(3) + Math.sin(3), 6, Math.exp(3) + Math.sin(3));
        assertThat(de.computedValues()).isEqualTo(3); // d, e, a
        // all outputs in declaration order: the model's own routine
        assertThat(m.outputSelection(new int[] {0, 1, 2, 3, 4}).computedValues()).isEqualTo(5);
        assertThatThrownBy(() -> m.outputSelection(new int[] {5})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aSelectionIsMadeOnceAndKept() {
        CompiledModel m = compile(CHAIN, CompileOptions.Backend.BYTECODE);
        int[] c = {output(m, "c")};
        assertThat(m.outputSelection(c)).isSameAs(m.outputSelection(c.clone()));
        assertThat(m.outputSelection(c).getClass().getName()).startsWith("OsteonAsmKernel");
    }

    /**
     * A model makes and keeps at most {@link OutputSelections#MAX_KEPT} selections (a server asked
     * for ever new lists would keep a class for each); a list beyond them is evaluated in full and
     * copied, with the same value.
     */
    @Test
    void beyondTheKeptSelectionsAListIsEvaluatedInFullAndCopied() {
        CompiledModel m = compile(CHAIN, CompileOptions.Backend.BYTECODE);
        int a = output(m, "a");
        double[] y = {3};
        OutputSelection first = null;
        for (int n = 1; n <= OutputSelections.MAX_KEPT; n++) {
            int[] repeated = new int[n];
            java.util.Arrays.fill(repeated, a);
            OutputSelection s = m.outputSelection(repeated);
            assertThat(s.computedValues()).as("list of %d", n).isEqualTo(1);
            first = first == null ? s : first;
        }
        int[] beyond = new int[OutputSelections.MAX_KEPT + 1];
        java.util.Arrays.fill(beyond, a);
        OutputSelection copied = m.outputSelection(beyond);
        assertThat(copied.computedValues()).isEqualTo(5);
        double[] out = new double[beyond.length];
        copied.evaluate(0, y, m.defaultParameters(), out);
        assertThat(out[beyond.length - 1]).isEqualTo(6); // a = 2x
        assertThat(m.outputSelection(new int[] {a})).isSameAs(first);
    }

    /**
     * A model the ASM generator does not handle alone (its kernel comes from Janino) still gives
     * the selected outputs: all evaluated, the selected copied.
     */
    @Test
    void theDefaultEvaluatesAllAndCopies() {
        CompiledModel m = compile(CHAIN, CompileOptions.Backend.BYTECODE);
        int[] sel = {output(m, "c"), output(m, "e")};
        OutputSelection copied = new CopiedOutputs(m, sel);
        double[] y = {3};
        double[] out = new double[2];
        copied.evaluate(0, y, m.defaultParameters(), out);
        assertThat(out).containsExactly(42.25, Math.sin(3));
        assertThat(copied.computedValues()).isEqualTo(5);
    }

    /**
     * Random selections (repeats and any order) of the chain model of {@link AsmKernelsTest}, with
     * size budgets that cut the routine into chunks, loops and part classes: each selected value is
     * bit for bit the full routine's, on ASM and on the interpreter, and a selection computes
     * fewer values than all unless it needs them.
     */
    @ParameterizedTest(name = "{0} cells, method budget {1} bytes, pool budget {2}")
    @CsvSource({"40, 400, 120", "40, 6000, 40000", "200, 2000, 500"})
    void selectedValuesAreTheFullRoutinesBitForBit(int cells, int methodBytes, int poolBudget) {
        Model model = AntimonyReader.parse(AsmKernelsTest.chain(cells), "chain.ant");
        FlatSystem flat = Flattener.flatten(model, CompileOptions.DEFAULT);
        JacobianPlan plan = new JacobianPlan(flat);
        SymbolTable symbols = new SymbolTable(flat, plan.tempNames());
        Interpreter interpreter = new Interpreter(symbols, flat.assigned().size(), List.of(), new ExternalFunction[0]);
        InterpretedKernel slow = new InterpretedKernel(flat, plan, interpreter);
        Kernel fast = AsmKernels.compile(flat, plan, symbols, List.of(), new ExternalFunction[0], methodBytes, poolBudget);
        int outs = flat.outputs().size();
        Random random = new Random(cells * 7919L + methodBytes);
        double[] p = flat.parameterDefaults().clone();
        for (int trial = 0; trial < 6; trial++) {
            int[] sel = new int[1 + random.nextInt(5)];
            for (int k = 0; k < sel.length; k++) {
                sel[k] = random.nextInt(outs);
            }
            OutputSelection asm = AsmKernels.outputSelection(flat, plan, symbols, List.of(), new ExternalFunction[0], sel,
                    methodBytes, poolBudget);
            OutputSelection interpreted = slow.selection(sel, AssignedSlice.of(flat, symbols, AssignedSlice.outputs(flat, sel)));
            assertThat(asm.computedValues()).isEqualTo(interpreted.computedValues()).isLessThan(outs);
            double[] y = new double[flat.states().size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = 0.2 + 2.5 * random.nextDouble(); // both sides of the chain's piecewise and min
            }
            double t = 3 * random.nextDouble();
            double[] allFast = new double[outs];
            double[] allSlow = new double[outs];
            fast.outputs(t, y, p, allFast);
            slow.outputs(t, y, p, allSlow);
            double[] gotFast = new double[sel.length];
            double[] gotSlow = new double[sel.length];
            asm.evaluate(t, y, p, gotFast);
            interpreted.evaluate(t, y, p, gotSlow);
            List<String> what = new ArrayList<>();
            for (int k = 0; k < sel.length; k++) {
                what.add(flat.outputs().get(sel[k]).id());
                assertThat(Double.doubleToRawLongBits(gotFast[k])).as("ASM %s", what.get(k))
                        .isEqualTo(Double.doubleToRawLongBits(allFast[sel[k]]));
                assertThat(Double.doubleToRawLongBits(gotSlow[k])).as("interpreted %s", what.get(k))
                        .isEqualTo(Double.doubleToRawLongBits(allSlow[sel[k]]));
            }
        }
    }
}
