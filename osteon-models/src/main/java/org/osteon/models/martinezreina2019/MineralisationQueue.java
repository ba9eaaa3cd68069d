package org.osteon.models.martinezreina2019;

import java.util.List;
import org.osteon.compile.CompiledEvent;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.SlotTimedEvent;
import org.osteon.compile.ModelExtension;

/**
 * The mineralisation age queue of Martinez-Reina &amp; Pivonka (2019), as implemented in
 * bone_models 0.1.0 (spec section 5): {@value #LENGTH} daily bins q_j holding the bone volume
 * fraction (absolute, not percent) of age j days, q_999 holding all bone older than 998 days.
 *
 * <p>Hidden memory (offset o in the parameter vector): {@code o+0 .. o+999} the queue,
 * {@code o+1000 .. o+1999} the mineralisation law m(j) of the run's parameters,
 * {@code o+2000} the time of the next daily update.
 *
 * <p>Time stepping (spec section 5): a time event at every whole day, fired <em>after</em> the
 * output at that instant is recorded, updates the queue from the end-of-day OBa, OCa and f_bm and
 * writes the frozen mineral sum {@code Vm_queue = sum_j q_j m(j)} that the right-hand side uses
 * during the next day ({@code v_mineral = Vm_queue / (f_bm/100)}). The part is stateless: all
 * run data live in the parameter vector, so one compiled model serves concurrent runs.
 */
public final class MineralisationQueue implements ModelExtension {
    /** Number of daily age bins. */
    public static final int LENGTH = 1000;
    /** bone_models sets queue entries below this to zero. */
    public static final double CLIP = 1e-13;
    static final int LAW = LENGTH;
    static final int NEXT = 2 * LENGTH;

    @Override
    public int memorySize() {
        return 2 * LENGTH + 1;
    }

    /** Indices of everything the queue reads and writes, resolved once per compiled model. */
    record Slots(int oba, int oca, int fbm, int kRes, int kForm, int tLag, int tPrim, int vPrim, int vMax, int kappa,
                 int conserve, int vmQueue, int clips, int psiSs, int psiOut, int memory) {
        static Slots of(Layout layout, int memoryOffset) {
            return new Slots(state(layout, "OBa"), state(layout, "OCa"), state(layout, "f_bm"), param(layout, "k_res"),
                    param(layout, "k_form"), param(layout, "t_lag"), param(layout, "t_prim"), param(layout, "v_m_prim"),
                    param(layout, "v_m_max"), param(layout, "kappa_min"), param(layout, "queue_conserve"),
                    param(layout, "Vm_queue"), param(layout, "queue_clips"), param(layout, "psi_ss"),
                    layout.outputIndex("psi"), memoryOffset);
        }

        private static int state(Layout layout, String id) {
            int i = layout.stateIndex(id);
            if (i < 0) {
                throw new IllegalStateException("MineralisationQueue needs a state '" + id + "'");
            }
            return i;
        }

        private static int param(Layout layout, String id) {
            int i = layout.parameterIndex(id);
            if (i < 0) {
                throw new IllegalStateException("MineralisationQueue needs a parameter '" + id + "'");
            }
            return i;
        }
    }

    @Override
    public void initialize(double t0, double[] y, double[] p, Layout layout, int memoryOffset, CompiledModel model) {
        Slots s = Slots.of(layout, memoryOffset);
        int o = s.memory();
        double lag = p[s.tLag()];
        double prim = p[s.tPrim()];
        double vPrim = p[s.vPrim()];
        double vMax = p[s.vMax()];
        double kappa = p[s.kappa()];
        for (int j = 0; j < LENGTH; j++) {
            p[o + LAW + j] = mineralisationLaw(j, lag, prim, vPrim, vMax, kappa);
        }
        java.util.Arrays.fill(p, o, o + LENGTH, 0.0);
        p[s.clips()] = 0;
        double oba = y[s.oba()];
        double oca = y[s.oca()];
        double bv = y[s.fbm()] / 100;
        for (int i = 0; i < LENGTH; i++) {
            update(p, s, oba, oca, bv);
        }
        p[s.vmQueue()] = mineralSum(p, o, vMax);
        p[o + NEXT] = t0;
        if (s.psiOut() >= 0) {
            double[] out = new double[layout.outputCount()];
            model.outputs(t0, y, p, out);
            p[s.psiSs()] = out[s.psiOut()];
        }
    }

    /** m(j) of bone_models: 0 in the lag, linear primary phase, exponential secondary phase. */
    static double mineralisationLaw(double age, double lag, double prim, double vPrim, double vMax, double kappa) {
        if (age <= lag) {
            return 0;
        } else if (age <= prim + lag) {
            return vPrim * (age - lag) / prim;
        }
        return vMax + (vPrim - vMax) * Math.exp(-kappa * (age - prim - lag));
    }

    /** sum_{j<999} q_j m(j) + q_999 v_max, summed in bone_models' order. */
    static double mineralSum(double[] p, int o, double vMax) {
        double sum = 0;
        for (int j = 0; j < LENGTH - 1; j++) {
            sum += p[o + j] * p[o + LAW + j];
        }
        return sum + p[o + LENGTH - 1] * vMax;
    }

    /**
     * One daily update (bone_models update_ageing_queue; spec section 5): resorption of the bins
     * older than the lag in proportion to their volume, ageing by one day, new osteoid in q_0, and
     * q_999 closing the balance to BV + f - r. No allocation.
     */
    static void update(double[] p, Slots s, double oba, double oca, double bv) {
        int o = s.memory();
        double r = oca * p[s.kRes()] / 100;
        double f = oba * p[s.kForm()] / 100;
        int lag = (int) p[s.tLag()];
        double keep = 1 - r / bv;
        double sum = 0;
        double resorbable = 0;
        for (int i = LENGTH - 2; i > lag; i--) {
            double q = p[o + i - 1] * keep;
            if (q < CLIP) {
                q = 0;
            }
            p[o + i] = q;
            sum += q;
        }
        resorbable = sum;
        for (int j = lag; j > 0; j--) {
            double q = p[o + j - 1];
            if (q < CLIP) {
                q = 0;
            }
            p[o + j] = q;
            sum += q;
        }
        p[o] = f;
        sum += f;
        double last = bv + (f - r) - sum;
        if (last < CLIP) {
            if (last < 0 && p[s.conserve()] > 0.5 && resorbable > 0) {
                // volume-conserving variant: the deficit is resorbed proportionally from the bins
                // older than the lag, so that sum(q) = BV + f - r as the paper intends
                double scale = Math.max(0, 1 - (-last) / resorbable);
                for (int i = LENGTH - 2; i > lag; i--) {
                    p[o + i] *= scale;
                }
            }
            p[s.clips()] += 1;
            last = 0;
        }
        p[o + LENGTH - 1] = last;
    }

    @Override
    public List<CompiledEvent> events(Layout layout, int memoryOffset, CompiledModel model) {
        return List.of(new DailyUpdate(Slots.of(layout, memoryOffset)));
    }

    /** The end-of-day update: a pure time event at every whole day, after the output. */
    private static final class DailyUpdate extends SlotTimedEvent {
        private final Slots s;

        DailyUpdate(Slots s) {
            super("mineralisation_queue_daily_update", s.memory() + NEXT);
            this.s = s;
        }

        @Override
        protected void fire(double t, double[] y, double[] p) {
            update(p, s, y[s.oba()], y[s.oca()], y[s.fbm()] / 100);
            p[s.vmQueue()] = mineralSum(p, s.memory(), p[s.vMax()]);
            p[s.memory() + NEXT] += 1;
        }

        @Override
        public boolean afterOutput() {
            return true;
        }
    }
}
