package org.osteon.compile;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled text model's {@link OutputSelection}s, made on first use of each list of outputs and
 * kept: with the model's bytecode kernel (ASM) a small class computing the selection's dependency
 * slice, with the interpreter the same slice interpreted. A model whose kernel came from Janino
 * (a function ASM does not emit) evaluates every output and copies ({@link CopiedOutputs}).
 */
final class OutputSelections {
    /**
     * Selections made and kept per model. A scan, population or fit asks for one list many times; a
     * server asked for ever new lists would otherwise make and keep a class for each. Beyond this
     * many, a new list is evaluated by computing all outputs and copying (as before selections).
     */
    static final int MAX_KEPT = 32;

    /** How the model's own kernel was made, which decides how a selection is. */
    enum Backend { ASM, JANINO, INTERPRETER }

    private final FlatSystem flat;
    private final JacobianPlan plan;
    private final SymbolTable symbols;
    private final List<String> externalNames;
    private final ExternalFunction[] externals;
    private final InterpretedKernel interpreted;
    private final Backend backend;
    private final OutputSelection all;
    private final Map<List<Integer>, OutputSelection> kept = new ConcurrentHashMap<>();
    /** Set when generating a selection's class failed once: later lists are not tried again. */
    private volatile boolean generatorFailed;

    OutputSelections(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                     ExternalFunction[] externals, Kernel kernel, InterpretedKernel interpreted, Backend backend) {
        this.flat = flat;
        this.plan = plan;
        this.symbols = symbols;
        this.externalNames = List.copyOf(externalNames);
        this.externals = externals;
        this.interpreted = interpreted;
        this.backend = backend;
        int n = flat.outputs().size();
        this.all = new OutputSelection() {
            @Override
            public void evaluate(double t, double[] y, double[] p, double[] out) {
                kernel.outputs(t, y, p, out);
            }

            @Override
            public int computedValues() {
                return n;
            }
        };
    }

    /** The selection, or null when this model has none better than evaluating all and copying. */
    OutputSelection of(int[] indices) {
        int n = flat.outputs().size();
        boolean identity = indices.length == n;
        for (int k = 0; k < indices.length; k++) {
            java.util.Objects.checkIndex(indices[k], n);
            identity &= indices[k] == k;
        }
        if (identity) {
            return all; // every output in declaration order: the kernel's own routine
        }
        if (backend == Backend.JANINO || (backend == Backend.ASM && generatorFailed)) {
            return null;
        }
        List<Integer> key = Arrays.stream(indices).boxed().toList();
        OutputSelection s = kept.get(key);
        if (s == null && kept.size() < MAX_KEPT) {
            s = make(indices);
            if (s != null) {
                OutputSelection raced = kept.putIfAbsent(key, s);
                s = raced != null ? raced : s;
            }
        }
        return s;
    }

    /** The states the outputs read, directly or through their assigned values (ascending indices). */
    int[] statesRead(int[] indices) {
        int n = flat.outputs().size();
        for (int i : indices) {
            java.util.Objects.checkIndex(i, n);
        }
        List<org.osteon.model.expr.Expr> exprs = new java.util.ArrayList<>(AssignedSlice.outputs(flat, indices));
        AssignedSlice.of(flat, symbols, exprs).stream().forEach(a -> exprs.add(flat.assignedExpressions().get(a)));
        java.util.BitSet states = new java.util.BitSet();
        for (org.osteon.model.expr.Expr e : exprs) {
            org.osteon.model.expr.Exprs.walk(e, node -> {
                if (node instanceof org.osteon.model.expr.Expr.Sym s) {
                    SymbolTable.Slot slot = symbols.resolve(s.name());
                    if (slot.where() == SymbolTable.Where.STATE) {
                        states.set(slot.index());
                    }
                }
            });
        }
        return states.stream().toArray();
    }

    private OutputSelection make(int[] indices) {
        if (backend == Backend.INTERPRETER) {
            return interpreted.selection(indices, AssignedSlice.of(flat, symbols, AssignedSlice.outputs(flat, indices)));
        }
        try {
            return AsmKernels.outputSelection(flat, plan, symbols, externalNames, externals, indices);
        } catch (RuntimeException | LinkageError e) {
            // The model's kernel was generated, so this should not happen; if it does, evaluating every
            // output with that kernel and copying gives the same numbers.
            generatorFailed = true;
            return null;
        }
    }
}
