package org.osteon.models.martinezreina2019;

import java.util.List;
import org.osteon.compile.CompiledEvent;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.SlotTimedEvent;
import org.osteon.compile.ModelExtension;

/**
 * Denosumab dosing of martinezreina2019: doses of D_den at t_den_start + k*den_interval while
 * t &lt; t_den_end (den_on = 1), in one of two PK variants (spec section 5 and M4).
 * <ul>
 * <li>pk_continuous = 0, the published stepwise PK: C_den_tab is the nearest sample of the
 * single-dose cycle table {@link PkTable}, restarting at every dose and 0 from t_den_end on.
 * The table value changes only at the sample midpoints; each of them is a pure time event, so the
 * integrator stops and restarts exactly there and the right-hand side is smooth on every segment
 * (the stage evaluations never see the jump).</li>
 * <li>pk_continuous = 1: each dose is given to the depot state A_den. With pk_restart = 1 (the
 * peer's convention, which the reference trajectories use) the dose replaces the depot and sets
 * the central concentration C_den_c to 0; with pk_restart = 0 doses accumulate.</li>
 * </ul>
 * Hidden memory (offset o): o+0 time of the next breakpoint, o+1 its kind, o+2 start of the
 * current dose cycle, o+3 current table sample (-1 for none), o+4 doses given. Stateless.
 */
public final class DenosumabRegimen implements ModelExtension {
    static final int NEXT = 0;
    static final int KIND = 1;
    static final int CYCLE = 2;
    static final int SAMPLE = 3;
    static final int DOSES = 4;
    static final int NONE = 0;
    static final int DOSE = 1;
    static final int MIDPOINT = 2;
    static final int END = 3;
    /** PK parameters the stepwise table was generated for (bone_models values). */
    private static final String[] TABLE_PARAMETERS = {"D_den", "k_a", "V_c", "F_den", "V_max", "K_m", "k_el", "den_interval"};
    private static final double[] TABLE_VALUES = {60e6, 0.17, 4674, 1, 160320, 411, 0.0115, 183};

    private final PkTable table;

    public DenosumabRegimen() {
        this(PkTable.shipped());
    }

    DenosumabRegimen(PkTable table) {
        this.table = table;
    }

    @Override
    public int memorySize() {
        return 5;
    }

    record Slots(int on, int continuous, int restart, int start, int interval, int end, int dose, int cTab, int depot,
                 int central, int[] tableParameters, int memory) {
        static Slots of(Layout layout, int memoryOffset) {
            int[] tp = new int[TABLE_PARAMETERS.length];
            for (int i = 0; i < tp.length; i++) {
                tp[i] = param(layout, TABLE_PARAMETERS[i]);
            }
            return new Slots(param(layout, "den_on"), param(layout, "pk_continuous"), param(layout, "pk_restart"),
                    param(layout, "t_den_start"), param(layout, "den_interval"), param(layout, "t_den_end"),
                    param(layout, "D_den"), param(layout, "C_den_tab"), state(layout, "A_den"), state(layout, "C_den_c"),
                    tp, memoryOffset);
        }

        private static int state(Layout layout, String id) {
            int i = layout.stateIndex(id);
            if (i < 0) {
                throw new IllegalStateException("DenosumabRegimen needs a state '" + id + "'");
            }
            return i;
        }

        private static int param(Layout layout, String id) {
            int i = layout.parameterIndex(id);
            if (i < 0) {
                throw new IllegalStateException("DenosumabRegimen needs a parameter '" + id + "'");
            }
            return i;
        }
    }

    @Override
    public void initialize(double t0, double[] y, double[] p, Layout layout, int memoryOffset, CompiledModel model) {
        Slots s = Slots.of(layout, memoryOffset);
        int o = s.memory();
        p[s.cTab()] = 0;
        p[o + SAMPLE] = -1;
        p[o + CYCLE] = Double.NaN;
        p[o + DOSES] = 0;
        p[o + NEXT] = Double.POSITIVE_INFINITY;
        p[o + KIND] = NONE;
        if (p[s.on()] <= 0.5) {
            return;
        }
        if (p[s.continuous()] <= 0.5) {
            for (int i = 0; i < TABLE_PARAMETERS.length; i++) {
                if (p[s.tableParameters()[i]] != TABLE_VALUES[i]) {
                    throw new IllegalArgumentException("the stepwise denosumab PK table (pk_continuous = 0) was computed for "
                            + TABLE_PARAMETERS[i] + " = " + TABLE_VALUES[i] + ", not " + p[s.tableParameters()[i]]
                            + "; set pk_continuous = 1 to integrate the PK for other values");
                }
            }
        }
        double interval = p[s.interval()];
        if (!(interval > 0)) {
            throw new IllegalArgumentException("den_interval must be positive, not " + interval);
        }
        double first = p[s.start()];
        if (t0 > first) {
            first += Math.ceil((t0 - first) / interval) * interval;
        }
        if (first < p[s.end()]) {
            p[o + NEXT] = first;
            p[o + KIND] = DOSE;
        }
    }

    @Override
    public List<CompiledEvent> events(Layout layout, int memoryOffset, CompiledModel model) {
        return List.of(new Breakpoint(Slots.of(layout, memoryOffset), table));
    }

    /** Doses, table-midpoint switches and the end of treatment: pure time events. */
    private static final class Breakpoint extends SlotTimedEvent {
        private final Slots s;
        private final PkTable table;

        Breakpoint(Slots s, PkTable table) {
            super("denosumab_regimen", s.memory() + NEXT);
            this.s = s;
            this.table = table;
        }

        @Override
        protected void fire(double t, double[] y, double[] p) {
            int o = s.memory();
            double now = p[o + NEXT];
            int kind = (int) p[o + KIND];
            boolean continuous = p[s.continuous()] > 0.5;
            if (kind == DOSE) {
                p[o + DOSES] += 1;
                p[o + CYCLE] = now;
                if (continuous) {
                    if (p[s.restart()] > 0.5) {
                        y[s.depot()] = p[s.dose()];
                        y[s.central()] = 0;
                    } else {
                        y[s.depot()] += p[s.dose()];
                    }
                    schedule(p, now + p[s.interval()], DOSE);
                } else {
                    p[o + SAMPLE] = 0;
                    p[s.cTab()] = table.concentration(0);
                    schedule(p, now + table.midpoint(0), MIDPOINT);
                }
            } else if (kind == MIDPOINT) {
                int k = (int) p[o + SAMPLE] + 1;
                p[o + SAMPLE] = k;
                p[s.cTab()] = table.concentration(k);
                if (k < table.size() - 1) {
                    schedule(p, p[o + CYCLE] + table.midpoint(k), MIDPOINT);
                } else {
                    schedule(p, p[o + CYCLE] + p[s.interval()], DOSE);
                }
            } else if (kind == END) {
                p[o + SAMPLE] = -1;
                p[s.cTab()] = 0;
                p[o + NEXT] = Double.POSITIVE_INFINITY;
                p[o + KIND] = NONE;
            }
        }

        /** Next breakpoint: the candidate, or the end of treatment if that comes first. */
        private void schedule(double[] p, double at, int kind) {
            int o = s.memory();
            double end = p[s.end()];
            if (at < end) {
                p[o + NEXT] = at;
                p[o + KIND] = kind;
            } else if (p[s.continuous()] <= 0.5 && p[o + NEXT] < end) {
                p[o + NEXT] = end; // the stepwise concentration drops to 0 at t_den_end
                p[o + KIND] = END;
            } else {
                p[o + NEXT] = Double.POSITIVE_INFINITY;
                p[o + KIND] = NONE;
            }
        }
    }
}
