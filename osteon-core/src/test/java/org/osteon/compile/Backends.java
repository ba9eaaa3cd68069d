package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.Model;

/**
 * The three evaluators of a model's expressions, for tests that compare them: the ASM bytecode a
 * compiled model must use (a failure to generate it would fall back to the interpreter silently,
 * with the same numbers), the interpreter, and the Java source of {@link JavaSourceGenerator}
 * compiled by Janino.
 */
final class Backends {
    private Backends() {
    }

    /** Fails unless {@code model} runs on the ASM kernel rather than a fallback. */
    static void assertAsmKernel(CompiledModel model) {
        assertThat(model).isInstanceOf(TextModel.class);
        assertThat(((TextModel) model).kernel().getClass().getName()).as("kernel of %s", model.id()).startsWith("OsteonAsmKernel");
    }

    /** The kernel compiled from {@link JavaSourceGenerator}'s source by Janino. */
    static Kernel janino(Model model, CompileOptions options) {
        FlatSystem flat = Flattener.flatten(model, options);
        JacobianPlan plan = new JacobianPlan(flat);
        SymbolTable symbols = new SymbolTable(flat, plan.tempNames());
        List<String> names = new ArrayList<>(flat.externals().keySet());
        ExternalFunction[] externals = names.stream().map(flat.externals()::get).toArray(ExternalFunction[]::new);
        Kernel kernel = BytecodeKernels.compile(flat, plan, symbols, names, externals);
        assertThat(kernel).as("Janino kernel of %s", model.id()).isNotNull();
        return kernel;
    }
}
