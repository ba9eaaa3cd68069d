package org.osteon.report;

import java.util.ArrayList;
import java.util.List;

/** Round tick values (1, 2, 2.5 or 5 times a power of ten) for the axes drawn here. */
final class Ticks {
    private Ticks() {
    }

    /** The tick spacing giving at most about {@code maxCount} ticks over [lo, hi]. */
    static double step(double lo, double hi, int maxCount) {
        double span = hi - lo;
        if (!(span > 0)) {
            span = Math.abs(hi) > 0 ? Math.abs(hi) : 1;
        }
        double raw = span / Math.max(1, maxCount);
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * decade >= raw) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** Multiples of step within [lo, hi], snapped so that float noise never shows in labels. */
    static List<Double> within(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            out.add(snap(k * step, step));
        }
        return out;
    }

    private static double snap(double v, double step) {
        return Math.abs(v) < step * 1e-9 ? 0 : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v));
    }
}
