package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.Model;

/**
 * Compiles a {@link Model} into a {@link CompiledModel}: flattening and static checks, the
 * analytic Jacobian by symbolic differentiation, and code generation.
 */
public final class ModelCompiler {
    private ModelCompiler() {
    }

    public static CompiledModel compile(Model model) {
        return compile(model, CompileOptions.DEFAULT);
    }

    /**
     * @throws CompileException listing every static problem (undefined symbols, rule cycles,
     *                          double definitions, conflicting rules, missing values, ...)
     */
    public static CompiledModel compile(Model model, CompileOptions options) {
        FlatSystem flat = Flattener.flatten(model, options);
        JacobianPlan plan = new JacobianPlan(flat);
        List<String> temps = plan.tempNames();
        SymbolTable symbols = new SymbolTable(flat, temps);
        List<String> externalNames = new ArrayList<>(flat.externals().keySet());
        ExternalFunction[] externals = externalNames.stream().map(flat.externals()::get).toArray(ExternalFunction[]::new);
        Interpreter interpreter = new Interpreter(symbols, flat.assigned().size(), externalNames, externals);
        InterpretedKernel interpreted = new InterpretedKernel(flat, plan, interpreter);
        Kernel kernel = interpreted;
        if (options.backend() == CompileOptions.Backend.BYTECODE) {
            Kernel bytecode = AsmKernels.compile(flat, plan, symbols, externalNames, externals);
            if (bytecode == null) {
                bytecode = BytecodeKernels.compile(flat, plan, symbols, externalNames, externals);
            }
            if (bytecode != null) {
                kernel = bytecode;
            }
        }
        return new TextModel(flat, kernel, interpreted, interpreter, options.extensions(), model.timeUnit(),
                plan.pattern(flat.states().size()));
    }

    /**
     * Generated derivatives of {@code model} with respect to {@code parameters}, and of the
     * assignment-rule {@code outputs}, for forward sensitivity equations. Empty when the model
     * was not compiled from a {@link Model} here or has Java parts (their memory and events have
     * no symbolic form), so that callers fall back to finite differences.
     *
     * @throws IllegalArgumentException for a name that is not a parameter, or an output not computed by a rule
     */
    public static java.util.Optional<ParameterDerivatives> parameterDerivatives(CompiledModel model, List<String> parameters,
                                                                               List<String> outputs) {
        if (!(model instanceof TextModel text) || text.hasExtensions()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CompiledSensitivities.of(text.flat(), parameters, outputs, true));
    }

    /** The generated Java source of a model's kernel, for inspection and debugging. */
    public static String generatedSource(Model model, CompileOptions options) {
        FlatSystem flat = Flattener.flatten(model, options);
        JacobianPlan plan = new JacobianPlan(flat);
        SymbolTable symbols = new SymbolTable(flat, plan.tempNames());
        return new JavaSourceGenerator(flat, plan, symbols, new ArrayList<>(flat.externals().keySet())).generate("Kernel");
    }
}
