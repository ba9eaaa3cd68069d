package org.osteon.models.martinezreina2019;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stepwise denosumab PK cycle table (class-path resource {@value #RESOURCE}): sample times
 * tau_k in days since the dose and concentrations C_k in ng/ml. bone_models looks C up as the
 * nearest sample, so C is constant on (m_{k-1}, m_k) with m_k = (tau_k + tau_{k+1})/2. Immutable.
 */
public final class PkTable {
    public static final String RESOURCE = "/org/osteon/models/martinezreina2019/pk-table.csv";
    private static final PkTable SHIPPED = load();

    private final double[] tau;
    private final double[] concentration;
    private final double[] midpoints;

    PkTable(double[] tau, double[] concentration) {
        if (tau.length != concentration.length || tau.length < 2) {
            throw new IllegalArgumentException("PK table needs at least two samples of equal length");
        }
        this.tau = tau.clone();
        this.concentration = concentration.clone();
        this.midpoints = new double[tau.length - 1];
        for (int k = 0; k < midpoints.length; k++) {
            if (!(tau[k + 1] > tau[k])) {
                throw new IllegalArgumentException("PK table times must increase");
            }
            midpoints[k] = 0.5 * (tau[k] + tau[k + 1]);
        }
    }

    /** The table shipped with Osteon. */
    public static PkTable shipped() {
        return SHIPPED;
    }

    public int size() {
        return tau.length;
    }

    public double tau(int k) {
        return tau[k];
    }

    /** C_k in ng/ml. */
    public double concentration(int k) {
        return concentration[k];
    }

    /** (tau_k + tau_{k+1}) / 2, where the nearest sample changes from k to k + 1. */
    public double midpoint(int k) {
        return midpoints[k];
    }

    /** Length of the cycle (last sample time). */
    public double cycle() {
        return tau[tau.length - 1];
    }

    /** The nearest sample (ties to the lower index, as numpy.argmin): C in ng/ml. */
    public double nearest(double t) {
        int lo = 0;
        int hi = midpoints.length;
        while (lo < hi) { // first midpoint >= t
            int mid = (lo + hi) >>> 1;
            if (midpoints[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return concentration[lo];
    }

    private static PkTable load() {
        try (InputStream in = PkTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("tau")) {
                    continue;
                }
                String[] parts = line.split(",");
                rows.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            }
            double[] t = new double[rows.size()];
            double[] c = new double[rows.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = rows.get(i)[0];
                c[i] = rows.get(i)[1];
            }
            return new PkTable(t, c);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
