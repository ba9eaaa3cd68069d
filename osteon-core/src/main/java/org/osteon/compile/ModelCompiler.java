package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.Model;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

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
        try {
            return compileChecked(model, options);
        } catch (StackOverflowError e) {
            // Deep expressions from text are balanced by the reader; a tree built by hand can still be too deep.
            throw new CompileException(model.id(), List.of("an expression is nested too deeply to compile (thousands of"
                    + " levels); write long sums and products as chains (a + b + c ...), which are regrouped"));
        }
    }

    private static CompiledModel compileChecked(Model model, CompileOptions options) {
        FlatSystem flat = Flattener.flatten(model, options);
        JacobianPlan plan = new JacobianPlan(flat);
        List<String> temps = plan.tempNames();
        SymbolTable symbols = new SymbolTable(flat, temps);
        List<String> externalNames = new ArrayList<>(flat.externals().keySet());
        ExternalFunction[] externals = externalNames.stream().map(flat.externals()::get).toArray(ExternalFunction[]::new);
        Interpreter interpreter = new Interpreter(symbols, flat.assigned().size(), externalNames, externals);
        InterpretedKernel interpreted = new InterpretedKernel(flat, plan, interpreter);
        Kernel kernel = interpreted;
        OutputSelections.Backend backend = OutputSelections.Backend.INTERPRETER;
        if (options.backend() == CompileOptions.Backend.BYTECODE && largestExpression(flat, plan) <= MAX_BYTECODE_EXPRESSION) {
            try {
                Kernel bytecode = AsmKernels.compile(flat, plan, symbols, externalNames, externals);
                OutputSelections.Backend made = OutputSelections.Backend.ASM;
                if (bytecode == null) {
                    bytecode = BytecodeKernels.compile(flat, plan, symbols, externalNames, externals);
                    made = OutputSelections.Backend.JANINO;
                }
                if (bytecode != null) {
                    kernel = bytecode;
                    backend = made;
                }
            } catch (RuntimeException | LinkageError e) {
                // Whatever the code generators cannot do (an expression too large for one JVM method, a class-file
                // limit), the interpreter does, with the same results: it is the fallback for every compile failure.
                kernel = interpreted;
                backend = OutputSelections.Backend.INTERPRETER;
            }
        }
        if (kernel == interpreted) {
            interpreted.prepare();
        }
        OutputSelections selections = new OutputSelections(flat, plan, symbols, externalNames, externals, kernel, interpreted,
                backend);
        return new TextModel(flat, kernel, interpreted, interpreter, selections, options.extensions(), model.timeUnit(),
                plan.pattern(flat.states().size()));
    }

    /**
     * Nodes of the largest single expression the kernel would contain. One beyond this cannot fit a
     * JVM method (64 KB) and generating it only wastes time, so such models are interpreted.
     */
    static final int MAX_BYTECODE_EXPRESSION = 5_000;

    private static int largestExpression(FlatSystem flat, JacobianPlan plan) {
        List<Expr> all = new ArrayList<>(flat.derivatives());
        all.addAll(flat.assignedExpressions());
        plan.temps.forEach(t -> all.add(t.expression()));
        plan.entries.forEach(e -> all.add(e.expression()));
        flat.events().forEach(ev -> {
            all.add(ev.trigger());
            all.addAll(ev.guards());
        });
        int largest = 0;
        for (Expr e : all) {
            int[] n = {0};
            Exprs.walk(e, node -> n[0]++);
            largest = Math.max(largest, n[0]);
        }
        return largest;
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
