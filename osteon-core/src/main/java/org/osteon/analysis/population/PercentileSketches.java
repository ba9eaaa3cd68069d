package org.osteon.analysis.population;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Percentiles of every output at every output time over a population, in bounded memory: one
 * DDSketch (Masson, Rim and Lee 2019, VLDB 12:2195) per output and time.
 *
 * <p><b>Accuracy.</b> For relative accuracy α, the value reported for quantile q is within
 * α·|x| of x, the order statistic of rank ⌊q·(n−1)⌋ (0-based) of the n values; values within
 * 1e-308-ish of 0 count as 0. Minimum and maximum are kept exactly.
 *
 * <p><b>Memory.</b> A sketch holds one counter per occupied bucket; buckets grow geometrically by
 * (1+α)/(1−α), so values spanning a ratio R at one time need about ln(R)/(2α) counters (α = 1e-3:
 * 1150 for a tenfold spread, 3450 for a thousandfold), independent of n.
 *
 * <p><b>Merging.</b> Sketches merge by adding bucket counts, exactly (integers well below 2^53),
 * so the result does not depend on how patients were split between threads, partitions or
 * machines, nor in which order partial results were merged: the property that makes local and
 * Spark runs give identical percentiles.
 */
public final class PercentileSketches implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The quantiles reported, as in {@code percentiles.csv}: p05, p25, p50, p75, p95. */
    public static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
    public static final List<String> COLUMNS = List.of("p05", "p25", "p50", "p75", "p95");

    private final double accuracy;
    private final int outputs;
    private final int times;
    private transient DDSketch[] sketches;
    private double[] min;
    private double[] max;
    private long count;

    public PercentileSketches(int outputs, int times, double accuracy) {
        this.accuracy = accuracy;
        this.outputs = outputs;
        this.times = times;
        this.sketches = new DDSketch[outputs * times];
        LogarithmicMapping mapping = new LogarithmicMapping(accuracy);
        for (int i = 0; i < sketches.length; i++) {
            sketches[i] = new DDSketch(mapping, UnboundedSizeDenseStore::new);
        }
        this.min = new double[outputs * times];
        this.max = new double[outputs * times];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    public double accuracy() {
        return accuracy;
    }

    /** Patients added. */
    public long count() {
        return count;
    }

    /** Adds one patient: {@code values[o][t]}, all finite. */
    public void add(double[][] values) {
        for (int o = 0; o < outputs; o++) {
            double[] row = values[o];
            for (int t = 0; t < times; t++) {
                int k = o * times + t;
                double v = row[t];
                sketches[k].accept(v);
                if (v < min[k]) {
                    min[k] = v;
                }
                if (v > max[k]) {
                    max[k] = v;
                }
            }
        }
        count++;
    }

    /** Adds another's patients to this one (exact: see the class comment). */
    public void merge(PercentileSketches other) {
        if (other.outputs != outputs || other.times != times || other.accuracy != accuracy) {
            throw new IllegalArgumentException("sketches of different shape or accuracy cannot be merged");
        }
        for (int k = 0; k < sketches.length; k++) {
            sketches[k].mergeWith(other.sketches[k]);
            min[k] = Math.min(min[k], other.min[k]);
            max[k] = Math.max(max[k], other.max[k]);
        }
        count += other.count;
    }

    /** The reported quantiles of output {@code o} at time index {@code t}; NaN when no patient succeeded. */
    public double[] quantiles(int o, int t) {
        DDSketch s = sketches[o * times + t];
        if (s.isEmpty()) {
            double[] nan = new double[QUANTILES.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        double[] q = s.getValuesAtQuantiles(QUANTILES);
        for (int i = 0; i < q.length; i++) {
            q[i] = clamp(q[i], o, t); // a bucket's value may lie just outside [min, max]; the truth cannot
        }
        return q;
    }

    private double clamp(double v, int o, int t) {
        int k = o * times + t;
        return Math.max(min[k], Math.min(max[k], v));
    }

    /** The value at quantile q (any q in [0, 1]) of output o at time index t. */
    public double quantile(int o, int t, double q) {
        DDSketch s = sketches[o * times + t];
        return s.isEmpty() ? Double.NaN : clamp(s.getValueAtQuantile(q), o, t);
    }

    public double min(int o, int t) {
        return count == 0 ? Double.NaN : min[o * times + t];
    }

    public double max(int o, int t) {
        return count == 0 ? Double.NaN : max[o * times + t];
    }

    /** Bucket counters in use, summed over all sketches: the memory they take is about 8 bytes each. */
    public long buckets() {
        long n = 0;
        for (DDSketch s : sketches) {
            for (com.datadoghq.sketch.ddsketch.store.Store store : List.of(s.getPositiveValueStore(),
                    s.getNegativeValueStore())) {
                if (!store.isEmpty()) {
                    n += store.getMaxIndex() - store.getMinIndex() + 1;
                }
            }
        }
        return n;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        for (DDSketch s : sketches) {
            GrowingByteArrayOutput buffer = GrowingByteArrayOutput.withDefaultInitialCapacity();
            s.encode(buffer, true);
            byte[] bytes = buffer.trimmedCopy();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        LogarithmicMapping mapping = new LogarithmicMapping(accuracy);
        sketches = new DDSketch[outputs * times];
        for (int i = 0; i < sketches.length; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            sketches[i] = DDSketch.decode(ByteArrayInput.wrap(bytes), UnboundedSizeDenseStore::new, mapping);
        }
    }
}
