package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.expr.Expr;

/** A compiled event of a text model: trigger and guards in the kernel, the rest interpreted. */
final class TextEvent implements CompiledEvent {
    private final FlatSystem.FlatEvent event;
    private final int index;
    private final int guardOffset;
    private final Kernel kernel;
    private final InterpretedKernel interpreted;
    private final List<Interpreter.Node> guardTimes;
    private final Interpreter.Node delay;
    private final Interpreter.Node priority;
    private final List<Interpreter.Node> values = new ArrayList<>();
    private final int[] targetIndex;
    private final boolean[] targetIsState;
    /** Per rescale: the species slot (state or parameter), and how to read its compartment's size. */
    private final int[] rescaleSlot;
    private final boolean[] rescaleIsState;
    private final Interpreter.Node[] rescaleSize;

    TextEvent(FlatSystem.FlatEvent event, int index, int guardOffset, Kernel kernel, InterpretedKernel interpreted,
              Interpreter interpreter, List<Interpreter.Node> guardTimes) {
        this.event = event;
        this.index = index;
        this.guardOffset = guardOffset;
        this.kernel = kernel;
        this.interpreted = interpreted;
        this.guardTimes = guardTimes;
        this.delay = event.delay() == null ? null : interpreter.compile(event.delay());
        this.priority = event.priority() == null ? null : interpreter.compile(event.priority());
        event.values().forEach(v -> values.add(interpreter.compile(v)));
        this.targetIndex = new int[event.targets().size()];
        this.targetIsState = new boolean[event.targets().size()];
        this.rescaleSlot = new int[event.rescales().size()];
        this.rescaleIsState = new boolean[event.rescales().size()];
        this.rescaleSize = event.rescales().stream().map(r -> interpreter.compile(new Expr.Sym(r.compartment())))
                .toArray(Interpreter.Node[]::new);
    }

    /** Resolves target slots once the layout is known. */
    void bind(Layout layout) {
        for (int i = 0; i < targetIndex.length; i++) {
            String target = event.targets().get(i);
            int s = layout.stateIndex(target);
            targetIsState[i] = s >= 0;
            targetIndex[i] = s >= 0 ? s : layout.parameterIndex(target);
        }
        for (int i = 0; i < rescaleSlot.length; i++) {
            FlatSystem.Rescale r = event.rescales().get(i);
            int s = layout.stateIndex(r.species());
            rescaleIsState[i] = s >= 0;
            rescaleSlot[i] = s >= 0 ? s : layout.parameterIndex(r.species());
        }
    }

    @Override
    public String id() {
        return event.id();
    }

    @Override
    public boolean trigger(double t, double[] y, double[] p) {
        return kernel.trigger(index, t, y, p);
    }

    @Override
    public int guardCount() {
        return event.guards().size();
    }

    @Override
    public double guard(int k, double t, double[] y, double[] p) {
        return kernel.guard(guardOffset + k, t, y, p);
    }

    @Override
    public double guardTime(int k, double[] p) {
        Interpreter.Node n = guardTimes.get(k);
        if (n == null) {
            return Double.NaN;
        }
        Interpreter.Frame f = new Interpreter.Frame();
        f.p = p;
        return n.eval(f);
    }

    @Override
    public boolean initialValue() {
        return event.initialValue();
    }

    @Override
    public boolean persistent() {
        return event.persistent();
    }

    @Override
    public boolean useValuesFromTriggerTime() {
        return event.useValuesFromTriggerTime();
    }

    @Override
    public double delay(double t, double[] y, double[] p) {
        return delay == null ? 0 : delay.eval(interpreted.frame(t, y, p, false));
    }

    @Override
    public boolean hasPriority() {
        return priority != null;
    }

    @Override
    public double priority(double t, double[] y, double[] p) {
        return priority == null ? 0 : priority.eval(interpreted.frame(t, y, p, false));
    }

    @Override
    public double[] evaluateAssignments(double t, double[] y, double[] p) {
        Interpreter.Frame f = interpreted.frame(t, y, p, false);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).eval(f);
        }
        return out;
    }

    @Override
    public void apply(double[] v, double[] y, double[] p) {
        if (rescaleSlot.length > 0) {
            throw new IllegalStateException("event '" + id() + "' resizes compartments: apply it with its time");
        }
        applyAssignments(v, y, p);
    }

    /** Applies the assignments, then rescales concentrations by old / new compartment size (amounts kept). */
    @Override
    public void apply(double t, double[] v, double[] y, double[] p) {
        if (rescaleSlot.length == 0) {
            applyAssignments(v, y, p);
            return;
        }
        double[] before = new double[rescaleSlot.length];
        Interpreter.Frame f = interpreted.frame(t, y, p, false);
        for (int i = 0; i < rescaleSlot.length; i++) {
            before[i] = rescaleSize[i].eval(f);
        }
        applyAssignments(v, y, p);
        f = interpreted.frame(t, y, p, false);
        for (int i = 0; i < rescaleSlot.length; i++) {
            double factor = before[i] / rescaleSize[i].eval(f);
            if (factor == 1) {
                continue;
            }
            if (rescaleIsState[i]) {
                y[rescaleSlot[i]] *= factor;
            } else {
                p[rescaleSlot[i]] *= factor;
            }
        }
    }

    private void applyAssignments(double[] v, double[] y, double[] p) {
        for (int i = 0; i < v.length; i++) {
            if (targetIsState[i]) {
                y[targetIndex[i]] = v[i];
            } else {
                p[targetIndex[i]] = v[i];
            }
        }
    }
}
