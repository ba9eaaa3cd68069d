package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.expr.Expr;

/** {@link Kernel} evaluated by the {@link Interpreter}: no code generation, about 5-20x slower per call. */
final class InterpretedKernel implements Kernel {
    private final FlatSystem flat;
    private final JacobianPlan plan;
    private final Interpreter interpreter;
    /**
     * The expressions as interpreter nodes, compiled on first use: when the bytecode kernel runs, most
     * models never need them (only initial assignments, event and delay expressions read assigned
     * values through this kernel), and compiling them eagerly cost a large model's compile time.
     */
    private volatile Nodes nodes;
    /** The Jacobian's temporaries and entries, compiled on first use (large, and unused when bytecode runs). */
    private volatile Interpreter.Node[][] jacobianNodes;
    private final int[] outputSlot;

    /** Assigned values, derivatives, event triggers and guards as interpreter nodes. */
    private record Nodes(Interpreter.Node[] assigned, Interpreter.Node[] derivatives, Interpreter.Node[] triggers,
                         Interpreter.Node[] guards) {
    }

    InterpretedKernel(FlatSystem flat, JacobianPlan plan, Interpreter interpreter) {
        this.flat = flat;
        this.plan = plan;
        this.interpreter = interpreter;
        java.util.Map<String, Integer> slotOf = new java.util.HashMap<>();
        for (int k = 0; k < flat.assigned().size(); k++) {
            slotOf.put(flat.assigned().get(k).id(), k);
        }
        this.outputSlot = new int[flat.outputs().size()];
        for (int i = 0; i < outputSlot.length; i++) {
            outputSlot[i] = slotOf.get(flat.outputs().get(i).id());
        }
    }

    /** Compiles the nodes now: for a model that runs on this kernel, compile problems show at compile time. */
    void prepare() {
        nodes();
    }

    /** Compiled once; a race compiles twice and keeps either (the nodes are immutable and equivalent). */
    private Nodes nodes() {
        Nodes n = nodes;
        if (n == null) {
            List<Expr> trig = new ArrayList<>();
            List<Expr> guardExprs = new ArrayList<>();
            for (FlatSystem.FlatEvent e : flat.events()) {
                trig.add(e.trigger());
                guardExprs.addAll(e.guards());
            }
            n = new Nodes(compileAll(interpreter, flat.assignedExpressions()), compileAll(interpreter, flat.derivatives()),
                    compileAll(interpreter, trig), compileAll(interpreter, guardExprs));
            nodes = n;
        }
        return n;
    }

    private static Interpreter.Node[] compileAll(Interpreter in, List<Expr> exprs) {
        Interpreter.Node[] out = new Interpreter.Node[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.compile(exprs.get(i));
        }
        return out;
    }

    private Interpreter.Node[][] jacobianNodes() {
        Interpreter.Node[][] nodes = jacobianNodes;
        if (nodes == null) {
            List<Expr> tempExprs = new ArrayList<>();
            plan.temps.forEach(t -> tempExprs.add(t.expression()));
            List<Expr> entryExprs = new ArrayList<>();
            plan.entries.forEach(e -> entryExprs.add(e.expression()));
            nodes = new Interpreter.Node[][] {compileAll(interpreter, tempExprs), compileAll(interpreter, entryExprs)};
            jacobianNodes = nodes;
        }
        return nodes;
    }

    /** Frame with every assigned value computed at (t, y, p). */
    Interpreter.Frame frame(double t, double[] y, double[] p, boolean withTemps) {
        Interpreter.Node[] temps = withTemps ? jacobianNodes()[0] : null;
        Interpreter.Node[] assigned = nodes().assigned();
        Interpreter.Frame f = new Interpreter.Frame();
        f.t = t;
        f.y = y;
        f.p = p;
        f.a = new double[assigned.length + (withTemps ? temps.length : 0)];
        for (int k = 0; k < assigned.length; k++) {
            f.a[k] = assigned[k].eval(f);
        }
        if (withTemps) {
            for (int k = 0; k < temps.length; k++) {
                f.a[assigned.length + k] = temps[k].eval(f);
            }
        }
        return f;
    }

    @Override
    public void rhs(double t, double[] y, double[] p, double[] dydt) {
        Interpreter.Frame f = frame(t, y, p, false);
        Interpreter.Node[] derivatives = nodes().derivatives();
        for (int i = 0; i < derivatives.length; i++) {
            dydt[i] = derivatives[i].eval(f);
        }
    }

    @Override
    public void jacobian(double t, double[] y, double[] p, double[] values) {
        Interpreter.Frame f = frame(t, y, p, true);
        Interpreter.Node[] entries = jacobianNodes()[1];
        for (int i = 0; i < entries.length; i++) {
            values[i] = entries[i].eval(f);
        }
    }

    @Override
    public void outputs(double t, double[] y, double[] p, double[] out) {
        Interpreter.Frame f = frame(t, y, p, false);
        for (int i = 0; i < outputSlot.length; i++) {
            out[i] = f.a[outputSlot[i]];
        }
    }

    /**
     * The outputs at {@code indices} (of {@code flat.outputs()}), evaluating only the assigned values in
     * {@code needed} (their slice, {@link AssignedSlice}), in evaluation order, with the same nodes as
     * {@link #outputs}: the same numbers, bit for bit.
     */
    OutputSelection selection(int[] indices, java.util.BitSet needed) {
        int[] order = needed.stream().toArray();
        int[] slots = new int[indices.length];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = outputSlot[indices[k]];
        }
        Interpreter.Node[] assigned = nodes().assigned();
        return new OutputSelection() {
            @Override
            public void evaluate(double t, double[] y, double[] p, double[] out) {
                Interpreter.Frame f = new Interpreter.Frame();
                f.t = t;
                f.y = y;
                f.p = p;
                f.a = new double[assigned.length];
                for (int k : order) {
                    f.a[k] = assigned[k].eval(f);
                }
                for (int k = 0; k < slots.length; k++) {
                    out[k] = f.a[slots[k]];
                }
            }

            @Override
            public int computedValues() {
                return order.length;
            }
        };
    }

    @Override
    public boolean trigger(int event, double t, double[] y, double[] p) {
        return nodes().triggers()[event].eval(frame(t, y, p, false)) != 0;
    }

    @Override
    public double guard(int guard, double t, double[] y, double[] p) {
        return nodes().guards()[guard].eval(frame(t, y, p, false));
    }
}
