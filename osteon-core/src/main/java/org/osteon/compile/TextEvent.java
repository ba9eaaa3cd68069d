package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;

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
    /** Per rescale: the species slot (state or parameter), and the index of its compartment among the targets. */
    private final int[] rescaleSlot;
    private final boolean[] rescaleIsState;
    private final int[] rescaleTarget;

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
        this.rescaleTarget = new int[event.rescales().size()];
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
            rescaleTarget[i] = event.targets().indexOf(r.compartment());
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
        for (int i = 0; i < rescaleSlot.length; i++) {
            int c = rescaleTarget[i];
            double oldSize = targetIsState[c] ? y[targetIndex[c]] : p[targetIndex[c]];
            double factor = oldSize / v[c];
            if (rescaleIsState[i]) {
                y[rescaleSlot[i]] *= factor;
            } else {
                p[rescaleSlot[i]] *= factor;
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (targetIsState[i]) {
                y[targetIndex[i]] = v[i];
            } else {
                p[targetIndex[i]] = v[i];
            }
        }
    }
}
