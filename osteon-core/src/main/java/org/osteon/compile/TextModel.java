package org.osteon.compile;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;
import org.osteon.util.SparsityPattern;

/** The {@link CompiledModel} of a model given as text, SBML or a {@link org.osteon.model.Model} built in Java. */
final class TextModel implements CompiledModel {
    private final FlatSystem flat;
    private final Layout layout;
    private final Kernel kernel;
    private final InterpretedKernel interpreted;
    private final Interpreter interpreter;
    private final OutputSelections selections;
    private final List<Interpreter.Node> initNodes = new ArrayList<>();
    private final List<CompiledEvent> events = new ArrayList<>();
    private final List<Interpreter.Node> discontinuityNodes = new ArrayList<>();
    private final List<ModelExtension> extensions;
    private final int[] memoryOffsets;
    private final String timeUnit;
    private final boolean autonomous;
    private final SparsityPattern pattern;
    private final int[] algebraic;
    private final Interpreter.Node[] delayValues;
    private final Interpreter.Node[] delayLags;
    private final Interpreter.Node[] delayValuesBeforeStart;

    TextModel(FlatSystem flat, Kernel kernel, InterpretedKernel interpreted, Interpreter interpreter,
              OutputSelections selections, List<ModelExtension> extensions, String timeUnit, SparsityPattern pattern) {
        this.flat = flat;
        this.selections = selections;
        this.pattern = pattern;
        this.timeUnit = timeUnit;
        this.kernel = kernel;
        this.interpreted = interpreted;
        this.interpreter = interpreter;
        this.extensions = List.copyOf(extensions);
        this.memoryOffsets = new int[extensions.size()];
        int size = flat.parameters().size() + flat.delays().size();
        for (int i = 0; i < extensions.size(); i++) {
            memoryOffsets[i] = size;
            size += extensions.get(i).memorySize();
        }
        this.layout = new Layout(flat.states(), flat.parameters(), flat.outputs(), size);
        flat.initialAssignments().forEach(init -> initNodes.add(interpreter.compile(init.expression())));
        int guardOffset = 0;
        for (int e = 0; e < flat.events().size(); e++) {
            FlatSystem.FlatEvent ev = flat.events().get(e);
            TextEvent compiled = new TextEvent(ev, e, guardOffset, kernel, interpreted, interpreter, timeThresholds(ev.guards()));
            compiled.bind(layout);
            events.add(compiled);
            guardOffset += ev.guards().size();
        }
        List<Expr> continuous = new ArrayList<>(flat.derivatives());
        continuous.addAll(flat.assignedExpressions());
        this.autonomous = flat.delays().isEmpty() && continuous.stream().noneMatch(e -> Exprs.mentions(e, Builtins.TIME));
        this.algebraic = java.util.stream.IntStream.range(0, flat.states().size())
                .filter(i -> flat.states().get(i).kind() == Variable.Kind.ALGEBRAIC).toArray();
        this.delayValues = flat.delays().stream().map(d -> interpreter.compile(d.value())).toArray(Interpreter.Node[]::new);
        this.delayLags = flat.delays().stream().map(d -> interpreter.compile(d.lag())).toArray(Interpreter.Node[]::new);
        this.delayValuesBeforeStart = flat.delays().stream().map(d -> interpreter.compile(d.valueBeforeStart()))
                .toArray(Interpreter.Node[]::new);
        for (Expr e : continuous) {
            Exprs.walk(e, node -> {
                if (node instanceof Expr.Binary b && b.op().isComparison()) {
                    Interpreter.Node t = timeThreshold(new Expr.Binary(Expr.BinaryOp.SUB, b.left(), b.right()));
                    if (t != null) {
                        discontinuityNodes.add(t);
                    }
                }
            });
        }
        for (int i = 0; i < extensions.size(); i++) {
            events.addAll(extensions.get(i).events(layout, memoryOffsets[i], this));
        }
    }

    private List<Interpreter.Node> timeThresholds(List<Expr> guards) {
        List<Interpreter.Node> out = new ArrayList<>();
        guards.forEach(g -> out.add(timeThreshold(g)));
        return out;
    }

    /** For a guard {@code time - c} or {@code c - time} with c free of states: c. Otherwise null. */
    private Interpreter.Node timeThreshold(Expr guard) {
        if (!(guard instanceof Expr.Binary b) || b.op() != Expr.BinaryOp.SUB) {
            return null;
        }
        Expr other;
        if (b.left() instanceof Expr.Sym s && s.name().equals(Builtins.TIME)) {
            other = b.right();
        } else if (b.right() instanceof Expr.Sym s && s.name().equals(Builtins.TIME)) {
            other = b.left();
        } else {
            return null;
        }
        for (String sym : Exprs.symbols(other)) {
            boolean parameterOrConstant = layout.parameterIndex(sym) >= 0 || Builtins.isConstant(sym);
            if (!parameterOrConstant) {
                return null;
            }
        }
        return interpreter.compile(other);
    }

    FlatSystem flat() {
        return flat;
    }

    boolean hasExtensions() {
        return !extensions.isEmpty();
    }

    /** The kernel that evaluates the model (generated bytecode, or the interpreter): tests check that no fallback was silent. */
    Kernel kernel() {
        return kernel;
    }

    @Override
    public String id() {
        return flat.modelId();
    }

    @Override
    public String timeUnit() {
        return timeUnit;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public double[] defaultState() {
        return flat.stateDefaults().clone();
    }

    @Override
    public double[] defaultParameters() {
        double[] p = new double[layout.parameterVectorSize()];
        System.arraycopy(flat.parameterDefaults(), 0, p, 0, flat.parameterDefaults().length);
        return p;
    }

    @Override
    public void initialize(double t0, double[] y, double[] p, boolean[] fixedStates, boolean[] fixedParameters) {
        for (int i = 0; i < initNodes.size(); i++) {
            String target = flat.initialAssignments().get(i).target();
            Interpreter.Frame frame = interpreted.frame(t0, y, p, false);
            double v = initNodes.get(i).eval(frame);
            int s = layout.stateIndex(target);
            if (s >= 0) {
                if (fixedStates == null || !fixedStates[s]) {
                    y[s] = v;
                }
            } else {
                int k = layout.parameterIndex(target);
                if (fixedParameters == null || !fixedParameters[k]) {
                    p[k] = v;
                }
            }
        }
        for (int i = 0; i < extensions.size(); i++) {
            extensions.get(i).initialize(t0, y, p, layout, memoryOffsets[i], this);
        }
    }

    @Override
    public void derivatives(double t, double[] y, double[] p, double[] dydt) {
        kernel.rhs(t, y, p, dydt);
    }

    @Override
    public void jacobian(double t, double[] y, double[] p, double[] jac) {
        double[] values = new double[pattern.nonZeros()];
        kernel.jacobian(t, y, p, values);
        pattern.scatter(values, jac);
    }

    @Override
    public SparsityPattern jacobianPattern() {
        return pattern;
    }

    @Override
    public void jacobianValues(double t, double[] y, double[] p, double[] values) {
        kernel.jacobian(t, y, p, values);
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true; // the compiler always generates the symbolic Jacobian
    }

    @Override
    public boolean isAutonomous() {
        return autonomous;
    }

    @Override
    public void outputs(double t, double[] y, double[] p, double[] out) {
        kernel.outputs(t, y, p, out);
    }

    @Override
    public OutputSelection outputSelection(int[] indices) {
        OutputSelection s = selections.of(indices);
        return s != null ? s : CompiledModel.super.outputSelection(indices);
    }

    @Override
    public int[] statesRead(int[] outputIndices) {
        return selections.statesRead(outputIndices);
    }

    @Override
    public List<CompiledEvent> events() {
        return events;
    }

    @Override
    public int[] algebraicStates() {
        return algebraic.clone();
    }

    @Override
    public int delayCount() {
        return delayValues.length;
    }

    @Override
    public int delaySlot(int k) {
        return flat.parameters().size() + k;
    }

    @Override
    public double delayLag(int k, double t, double[] y, double[] p) {
        return delayLags[k].eval(interpreted.frame(t, y, p, false));
    }

    @Override
    public double delayedValue(int k, double t, double[] y, double[] p) {
        return delayValues[k].eval(interpreted.frame(t, y, p, false));
    }

    @Override
    public double delayedValueBeforeStart(int k, double t, double[] y, double[] p) {
        return delayValuesBeforeStart[k].eval(interpreted.frame(t, y, p, false));
    }

    @Override
    public double[] discontinuities(double[] p) {
        if (discontinuityNodes.isEmpty()) {
            return new double[0]; // asked at every breakpoint of every run: skip the frame and the stream
        }
        Interpreter.Frame f = new Interpreter.Frame();
        f.p = p;
        return discontinuityNodes.stream().mapToDouble(n -> n.eval(f)).filter(Double::isFinite).distinct().sorted().toArray();
    }
}
