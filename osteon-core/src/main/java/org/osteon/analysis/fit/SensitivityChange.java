package org.osteon.analysis.fit;

import java.util.Arrays;
import org.osteon.simulation.ScheduledChange;

/** A scheduled change of a run (dose, held value) with its effect on the sensitivities. */
record SensitivityChange(SensitivitySystem system, ScheduledChange change) implements ScheduledChange {
    @Override
    public double time() {
        return change.time();
    }

    @Override
    public Phase phase() {
        return change.phase();
    }

    @Override
    public String label() {
        return change.label();
    }

    @Override
    public void apply(double[] y, double[] p) {
        system.jump(change.time(), y, p, change::apply, null);
    }

    @Override
    public boolean changesInputs() {
        return change.changesInputs();
    }

    /**
     * The input rate change, and its derivative along each P_j (a dose converted with an
     * estimated volume changes the sensitivities' input too), by central differences.
     */
    @Override
    public void applyInputs(double[] y, double[] p, double[] inputRates) {
        int n = system.stateCount();
        double[] base = new double[n];
        change.applyInputs(y, p, base);
        for (int i = 0; i < n; i++) {
            inputRates[i] += base[i];
        }
        int[] kIndex = system.kIndex();
        int m = (y.length - n) / n;
        for (int j = 0; j < m; j++) {
            double[] pa = Arrays.copyOf(p, p.length);
            double[] pb = Arrays.copyOf(p, p.length);
            boolean any = false;
            double h = 1e-3;
            for (int kk = 0; kk < kIndex.length; kk++) {
                double d = p[system.pOffset(kk, j)];
                if (d != 0) {
                    any = true;
                    pa[kIndex[kk]] += h * d;
                    pb[kIndex[kk]] -= h * d;
                }
            }
            if (!any) {
                continue;
            }
            double[] ra = new double[n];
            double[] rb = new double[n];
            change.applyInputs(y, pa, ra);
            change.applyInputs(y, pb, rb);
            for (int i = 0; i < n; i++) {
                inputRates[n + j * n + i] += (ra[i] - rb[i]) / (2 * h);
            }
        }
    }
}
