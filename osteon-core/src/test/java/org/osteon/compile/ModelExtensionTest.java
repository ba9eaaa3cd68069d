package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.text.AntimonyReader;

/**
 * Java parts of a text model ({@link ModelExtension}): each gets its own hidden slots at the end
 * of the parameter vector, after the model's parameters and delay slots, in the order the parts
 * were registered, and completes the initial condition after the model's initial assignments.
 */
class ModelExtensionTest {

    /** A part with {@code size} slots that writes {@code k + slot number} into each at the start. */
    private record Memory(int size, List<Integer> offsetsSeen) implements ModelExtension {
        @Override
        public int memorySize() {
            return size;
        }

        @Override
        public void initialize(double t0, double[] y, double[] p, Layout layout, int memoryOffset, CompiledModel model) {
            offsetsSeen.add(memoryOffset);
            double k = p[layout.parameterIndex("k")];
            for (int i = 0; i < size; i++) {
                p[memoryOffset + i] = k + i;
            }
        }

        @Override
        public List<CompiledEvent> events(Layout layout, int memoryOffset, CompiledModel model) {
            return List.of();
        }
    }

    @Test
    void eachPartGetsItsOwnSlotsAfterTheParametersAndSeesInitialAssignments() {
        // parameters: a, k (k = 2 a = 6 by its initial assignment); parts of 2 and 3 slots at 2 and 4
        List<Integer> seen = new ArrayList<>();
        CompiledModel watched = ModelCompiler.compile(AntimonyReader.parse(
                "model m()\nx' = -x\nx = 1\na = 3\nk = 2*a\nvar k\nend\n", "t.ant"),
                CompileOptions.DEFAULT.withExtension(new Memory(2, seen)).withExtension(new Memory(3, seen)));
        assertThat(watched.layout().parameterCount()).isEqualTo(2);
        assertThat(watched.layout().parameterVectorSize()).isEqualTo(2 + 5);
        double[] y = watched.defaultState();
        double[] p = watched.defaultParameters();
        watched.initialize(0, y, p, null, null);
        assertThat(seen).containsExactly(2, 4);
        // k = 6 when the parts run: slots 6, 7 and 6, 7, 8
        assertThat(java.util.Arrays.copyOfRange(p, 2, 7)).containsExactly(6, 7, 6, 7, 8);
    }
}
