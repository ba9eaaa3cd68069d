package org.osteon.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osteon.compile.CompiledEvent;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ForwardingEvent;
import org.osteon.compile.Layout;
import org.osteon.compile.ParameterDerivatives;
import org.osteon.compile.Variable;

/**
 * A model extended by its forward sensitivity equations, as one {@link CompiledModel} the
 * ordinary simulator solves (so doses, interventions, events and breakpoints are handled by the
 * same code as any run). For estimated quantities theta_j (parameters, or initial values of
 * states) the extra states are the scaled sensitivities {@code s_j = c_j dy/dtheta_j}, with
 * {@code c_j = |theta_j|} (1 for 0), so that they have the size of the states and share their
 * tolerances:
 * <pre>
 *   s_j' = (df/dy) s_j + (df/dp) P_j,      P_j = c_j dp/dtheta_j
 * </pre>
 * df/dy is the model's analytic Jacobian, df/dp the derivatives the compiler generates
 * ({@link ParameterDerivatives}) for every parameter that theta moves (theta itself, and
 * parameters set from it by initial assignments). P lives in the parameter vector's tail, so
 * that scheduled changes and events can change it.
 *
 * <p>Jumps: a scheduled change or an event maps (y, p) to new values. Its effect on (s, P) is
 * the directional derivative of that map along (s_j, P_j), taken by central differences (exact
 * for the affine maps of doses and held values); for a state event the firing time moves with
 * theta, which adds {@code (DA f- - f+) dtau/dtheta} with
 * {@code dtau/dtheta = -(g_y s + g_p P) / (g_y f- + g_t)} for the guard g that crossed. Initial
 * sensitivities are central differences of the model's initialisation (an algebraic map).
 */
final class SensitivitySystem implements CompiledModel {
    static final String PREFIX = "d/d";

    private final CompiledModel base;
    private final ParameterDerivatives derivatives;
    private final int n;
    private final int m;
    private final int baseP;
    private final int k;
    private final int[] kIndex;
    private final Layout layout;
    private final List<CompiledEvent> events = new ArrayList<>();
    private final int[] observedOutputs;
    private final int baseOutputs;
    private final ThreadLocal<Scratch> scratch;

    private final class Scratch {
        final double[] jac = new double[n * n];
        final double[] jac2 = new double[n * n];
        final double[] fp = new double[n * k];
        final double[] fp2 = new double[n * k];
        final double[] y = new double[n];
        final double[] out = new double[layoutOutputs()];
    }

    /**
     * @param estimated      names of the estimated quantities theta (parameters or states)
     * @param derivatives    df/dp for the parameters theta moves (their order is the K order)
     * @param observed       the assignment-rule outputs whose sensitivities are recorded (must
     *                       be {@code derivatives.outputs()})
     */
    SensitivitySystem(CompiledModel base, List<String> estimated, ParameterDerivatives derivatives) {
        this.base = base;
        this.derivatives = derivatives;
        Layout bl = base.layout();
        this.n = bl.stateCount();
        this.m = estimated.size();
        this.baseP = bl.parameterVectorSize();
        this.kIndex = derivatives.parameterIndices();
        this.k = kIndex.length;
        List<Variable> states = new ArrayList<>(bl.states());
        for (String theta : estimated) {
            for (Variable v : bl.states()) {
                states.add(new Variable(name(v.id(), theta), Variable.Kind.RATE_RULE, false, null, null, null));
            }
        }
        List<Variable> outputs = new ArrayList<>(bl.outputs());
        this.baseOutputs = outputs.size();
        this.observedOutputs = new int[derivatives.outputs().size()];
        for (int o = 0; o < observedOutputs.length; o++) {
            observedOutputs[o] = bl.outputIndex(derivatives.outputs().get(o));
            for (String theta : estimated) {
                outputs.add(new Variable(name(derivatives.outputs().get(o), theta), Variable.Kind.ASSIGNED, false, null, null, null));
            }
        }
        this.layout = new Layout(states, bl.parameters(), outputs, baseP + k * m);
        for (CompiledEvent e : base.events()) {
            events.add(new SensitivityEvent(e));
        }
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    /** Column name of the (scaled) sensitivity of {@code symbol} to {@code theta}. */
    static String name(String symbol, String theta) {
        return PREFIX + theta + "(" + symbol + ")";
    }

    private int layoutOutputs() {
        return base.layout().outputCount();
    }

    int stateCount() {
        return n;
    }

    /** Offset in p of P[kk][j] (c_j dp_kk/dtheta_j). */
    int pOffset(int kk, int j) {
        return baseP + kk * m + j;
    }

    int[] kIndex() {
        return kIndex.clone();
    }

    @Override
    public String id() {
        return base.id();
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public String timeUnit() {
        return base.timeUnit();
    }

    @Override
    public double[] defaultState() {
        double[] y = new double[n * (1 + m)];
        System.arraycopy(base.defaultState(), 0, y, 0, n);
        return y;
    }

    @Override
    public double[] defaultParameters() {
        double[] p = new double[layout.parameterVectorSize()];
        System.arraycopy(base.defaultParameters(), 0, p, 0, baseP);
        return p;
    }

    /** Only the model's own initialisation; {@link ForwardSensitivities} sets s(0) and P. */
    @Override
    public void initialize(double t0, double[] y, double[] p, boolean[] fixedStates, boolean[] fixedParameters) {
        double[] yb = Arrays.copyOf(y, n);
        double[] pb = Arrays.copyOf(p, baseP);
        base.initialize(t0, yb, pb, fixedStates == null ? null : Arrays.copyOf(fixedStates, n),
                fixedParameters == null ? null : Arrays.copyOf(fixedParameters, base.layout().parameterCount()));
        System.arraycopy(yb, 0, y, 0, n);
        System.arraycopy(pb, 0, p, 0, baseP);
    }

    @Override
    public void derivatives(double t, double[] y, double[] p, double[] dydt) {
        Scratch s = scratch.get();
        base.derivatives(t, y, p, dydt);
        base.jacobian(t, y, p, s.jac);
        derivatives.rhs(t, y, p, s.fp);
        sensitivityRates(y, p, s.jac, s.fp, dydt);
    }

    /** ds_j = J s_j + Fp P_j into dydt[n + j n ...]. */
    private void sensitivityRates(double[] y, double[] p, double[] jac, double[] fp, double[] dydt) {
        for (int j = 0; j < m; j++) {
            int off = n + j * n;
            for (int i = 0; i < n; i++) {
                double acc = 0;
                int row = i * n;
                for (int c = 0; c < n; c++) {
                    double a = jac[row + c];
                    if (a != 0) {
                        acc += a * y[off + c];
                    }
                }
                int frow = i * k;
                for (int kk = 0; kk < k; kk++) {
                    double b = fp[frow + kk];
                    if (b != 0) {
                        acc += b * p[baseP + kk * m + j];
                    }
                }
                dydt[off + i] = acc;
            }
        }
    }

    /**
     * Block lower triangular: J on the diagonal blocks (exact), and the derivative of
     * J s_j + Fp P_j by the states below it, by forward differences of the analytic J and Fp
     * (n evaluations of each instead of second derivatives; used only by stiff solvers'
     * Newton-type iterations, whose step control absorbs the small error).
     */
    @Override
    public void jacobian(double t, double[] y, double[] p, double[] jac) {
        int size = n * (1 + m);
        Arrays.fill(jac, 0.0);
        Scratch s = scratch.get();
        base.jacobian(t, y, p, s.jac);
        derivatives.rhs(t, y, p, s.fp);
        for (int b = 0; b <= m; b++) {
            int off = b * n;
            for (int i = 0; i < n; i++) {
                System.arraycopy(s.jac, i * n, jac, (off + i) * size + off, n);
            }
        }
        if (m == 0) {
            return;
        }
        double[] yy = Arrays.copyOf(y, y.length);
        double[] rates = new double[size];
        double[] rates2 = new double[size];
        sensitivityRates(y, p, s.jac, s.fp, rates);
        for (int c = 0; c < n; c++) {
            double h = 1e-7 * Math.max(Math.abs(y[c]), 1e-6 * maxAbs(y)) + 1e-300;
            yy[c] = y[c] + h;
            base.jacobian(t, yy, p, s.jac2);
            derivatives.rhs(t, yy, p, s.fp2);
            sensitivityRates(y, p, s.jac2, s.fp2, rates2);
            yy[c] = y[c];
            for (int j = 0; j < m; j++) {
                int off = n + j * n;
                for (int i = 0; i < n; i++) {
                    jac[(off + i) * size + c] = (rates2[off + i] - rates[off + i]) / h;
                }
            }
        }
    }

    private double maxAbs(double[] y) {
        double a = 0;
        for (int i = 0; i < n; i++) {
            a = Math.max(a, Math.abs(y[i]));
        }
        return a;
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    @Override
    public boolean isAutonomous() {
        return base.isAutonomous();
    }

    @Override
    public void outputs(double t, double[] y, double[] p, double[] out) {
        Scratch s = scratch.get();
        base.outputs(t, y, p, s.out);
        System.arraycopy(s.out, 0, out, 0, baseOutputs);
        int obs = observedOutputs.length;
        if (obs == 0) {
            return;
        }
        double[] gy = new double[obs * n];
        double[] gp = new double[obs * k];
        derivatives.outputsByState(t, y, p, gy);
        derivatives.outputsByParameter(t, y, p, gp);
        for (int o = 0; o < obs; o++) {
            for (int j = 0; j < m; j++) {
                double acc = 0;
                int off = n + j * n;
                for (int c = 0; c < n; c++) {
                    acc += gy[o * n + c] * y[off + c];
                }
                for (int kk = 0; kk < k; kk++) {
                    acc += gp[o * k + kk] * p[baseP + kk * m + j];
                }
                out[baseOutputs + o * m + j] = acc;
            }
        }
    }

    @Override
    public List<CompiledEvent> events() {
        return events;
    }

    @Override
    public double[] discontinuities(double[] p) {
        return base.discontinuities(p);
    }

    /**
     * The sensitivity jump of a map (y, p) -> (y', p') applied in place by {@code map}:
     * s_j' = DA (s_j + f- dtau_j) - f+ dtau_j and P_j' = DA_p (s_j + f- dtau_j, P_j), DA by central differences.
     */
    void jump(double t, double[] y, double[] p, java.util.function.BiConsumer<double[], double[]> map, double[] dtau) {
        double[] y0 = Arrays.copyOf(y, n);
        double[] p0 = Arrays.copyOf(p, baseP);
        double[] fMinus = new double[n];
        if (dtau != null) {
            base.derivatives(t, y0, p0, fMinus);
        }
        double[] yNew = y0.clone();
        double[] pNew = p0.clone();
        map.accept(yNew, pNew);
        double[] fPlus = new double[n];
        if (dtau != null) {
            base.derivatives(t, yNew, pNew, fPlus);
        }
        double[] dirY = new double[n];
        double[] dirP = new double[baseP];
        for (int j = 0; j < m; j++) {
            double dt = dtau == null ? 0 : dtau[j];
            for (int i = 0; i < n; i++) {
                dirY[i] = y[n + j * n + i] + fMinus[i] * dt;
            }
            Arrays.fill(dirP, 0);
            for (int kk = 0; kk < k; kk++) {
                dirP[kIndex[kk]] = p[baseP + kk * m + j];
            }
            // Central differences of the jump map along (s_j, P_j); a relative perturbation of 1e-3
            // is exact for the affine maps of doses and held values (to 1e-13) and second-order
            // accurate otherwise.
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm = Math.max(norm, Math.abs(dirY[i]) / Math.max(Math.max(Math.abs(y0[i]), Math.abs(dirY[i])), 1e-300));
            }
            for (int kk = 0; kk < k; kk++) {
                double d = Math.abs(dirP[kIndex[kk]]);
                norm = Math.max(norm, d / Math.max(Math.max(Math.abs(p0[kIndex[kk]]), d), 1e-300));
            }
            if (norm == 0) {
                for (int i = 0; i < n; i++) {
                    y[n + j * n + i] = -fPlus[i] * dt;
                }
                continue;
            }
            double h = 1e-3;
            double step = h / norm;
            double[] ya = y0.clone();
            double[] pa = p0.clone();
            double[] yb = y0.clone();
            double[] pb = p0.clone();
            for (int i = 0; i < n; i++) {
                ya[i] += step * dirY[i];
                yb[i] -= step * dirY[i];
            }
            for (int kk = 0; kk < k; kk++) {
                pa[kIndex[kk]] += step * dirP[kIndex[kk]];
                pb[kIndex[kk]] -= step * dirP[kIndex[kk]];
            }
            map.accept(ya, pa);
            map.accept(yb, pb);
            for (int i = 0; i < n; i++) {
                y[n + j * n + i] = (ya[i] - yb[i]) / (2 * step) - fPlus[i] * dt;
            }
            for (int kk = 0; kk < k; kk++) {
                int q = kIndex[kk];
                p[baseP + kk * m + j] = (pa[q] - pb[q]) / (2 * step);
            }
        }
        System.arraycopy(yNew, 0, y, 0, n);
        System.arraycopy(pNew, 0, p, 0, baseP);
    }

    /** A model event with the sensitivity jump added to its effect. */
    private final class SensitivityEvent extends ForwardingEvent {
        SensitivityEvent(CompiledEvent e) {
            super(e);
        }

        @Override
        public double delay(double t, double[] y, double[] p) {
            double d = delegate.delay(t, y, p);
            if (d != 0) {
                throw new UnsupportedOperationException("event '" + delegate.id() + "' has a delay: forward sensitivities do not"
                        + " follow delayed events");
            }
            return d;
        }

        /** The base values with the time appended (the jump re-evaluates the map at that time). */
        @Override
        public double[] evaluateAssignments(double t, double[] y, double[] p) {
            double[] v = delegate.evaluateAssignments(t, y, p);
            double[] out = Arrays.copyOf(v, v.length + 1);
            out[v.length] = t;
            return out;
        }

        @Override
        public void apply(double[] values, double[] y, double[] p) {
            double t = values[values.length - 1];
            double[] dtau = firingTimeSensitivity(t, y, p);
            jump(t, y, p, (yy, pp) -> delegate.apply(t, delegate.evaluateAssignments(t, yy, pp), yy, pp), dtau);
        }

        /** The time is the last of the values (see evaluateAssignments), so both forms do the same. */
        @Override
        public void apply(double t, double[] values, double[] y, double[] p) {
            apply(values, y, p);
        }

        /** dtau/dtheta_j (scaled) for the guard that crossed, or null when the event is timed by parameters alone. */
        private double[] firingTimeSensitivity(double t, double[] y, double[] p) {
            int best = -1;
            double bestValue = Double.POSITIVE_INFINITY;
            boolean timeGuard = false;
            for (int g = 0; g < delegate.guardCount(); g++) {
                double gt = delegate.guardTime(g, p);
                double v = Double.isNaN(gt) ? Math.abs(delegate.guard(g, t, y, p)) : Math.abs(t - gt);
                if (v < bestValue) {
                    bestValue = v;
                    best = g;
                    timeGuard = !Double.isNaN(gt);
                }
            }
            if (best < 0) {
                return null;
            }
            double[] dtau = new double[m];
            int g = best;
            if (timeGuard) {
                // tau = c(p): dtau/dtheta = c_p P
                double[] pp = Arrays.copyOf(p, p.length);
                for (int j = 0; j < m; j++) {
                    double acc = 0;
                    for (int kk = 0; kk < k; kk++) {
                        double dir = p[baseP + kk * m + j];
                        if (dir == 0) {
                            continue;
                        }
                        int q = kIndex[kk];
                        double h = 1e-6 * Math.max(Math.abs(p[q]), 1e-12);
                        pp[q] = p[q] + h;
                        double up = delegate.guardTime(g, pp);
                        pp[q] = p[q] - h;
                        double down = delegate.guardTime(g, pp);
                        pp[q] = p[q];
                        acc += (up - down) / (2 * h) * dir;
                    }
                    dtau[j] = acc;
                }
                return Arrays.stream(dtau).allMatch(d -> d == 0) ? null : dtau;
            }
            double[] yy = Arrays.copyOf(y, y.length);
            double[] f = new double[n];
            base.derivatives(t, Arrays.copyOf(y, n), Arrays.copyOf(p, baseP), f);
            double[] gy = new double[n];
            for (int c = 0; c < n; c++) {
                double h = 1e-7 * Math.max(Math.abs(y[c]), 1e-12);
                yy[c] = y[c] + h;
                double up = delegate.guard(g, t, yy, p);
                yy[c] = y[c] - h;
                double down = delegate.guard(g, t, yy, p);
                yy[c] = y[c];
                gy[c] = (up - down) / (2 * h);
            }
            double ht = 1e-7 * Math.max(Math.abs(t), 1);
            double gt = (delegate.guard(g, t + ht, y, p) - delegate.guard(g, t - ht, y, p)) / (2 * ht);
            double rate = gt;
            for (int c = 0; c < n; c++) {
                rate += gy[c] * f[c];
            }
            if (rate == 0) {
                return null; // a tangential crossing: no first-order shift
            }
            double[] pp = Arrays.copyOf(p, p.length);
            double[] gp = new double[k];
            for (int kk = 0; kk < k; kk++) {
                int q = kIndex[kk];
                double h = 1e-7 * Math.max(Math.abs(p[q]), 1e-12);
                pp[q] = p[q] + h;
                double up = delegate.guard(g, t, y, pp);
                pp[q] = p[q] - h;
                double down = delegate.guard(g, t, y, pp);
                pp[q] = p[q];
                gp[kk] = (up - down) / (2 * h);
            }
            for (int j = 0; j < m; j++) {
                double acc = 0;
                for (int c = 0; c < n; c++) {
                    acc += gy[c] * y[n + j * n + c];
                }
                for (int kk = 0; kk < k; kk++) {
                    acc += gp[kk] * p[baseP + kk * m + j];
                }
                dtau[j] = -acc / rate;
            }
            return dtau;
        }
    }
}
