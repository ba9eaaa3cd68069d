package org.osteon.report;

import java.awt.Color;
import java.util.List;

/**
 * Colour scales for heat maps: viridis (perceptually uniform, colour-blind safe, prints in grey)
 * for one-signed data, Paul Tol's blue–red for data on both sides of zero, centred on zero so
 * that white means "no effect".
 */
final class ColorMap {
    private static final List<Color> VIRIDIS = colors(0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E,
            0x1F9E89, 0x35B779, 0x6ECE58, 0xB5DE2B, 0xFDE725);
    private static final List<Color> BLUE_RED = colors(0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
            0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B);

    private final List<Color> stops;
    private final double lo;
    private final double hi;

    private ColorMap(List<Color> stops, double lo, double hi) {
        this.stops = stops;
        this.lo = lo;
        this.hi = hi;
    }

    /** The scale for data in [min, max] (finite values only). */
    static ColorMap forRange(double min, double max) {
        if (min < 0 && max > 0) {
            double m = Math.max(-min, max);
            return new ColorMap(BLUE_RED, -m, m);
        }
        if (min == max) {
            double d = min == 0 ? 1 : Math.abs(min) * 0.01;
            return new ColorMap(VIRIDIS, min - d, max + d);
        }
        return new ColorMap(VIRIDIS, min, max);
    }

    double lo() {
        return lo;
    }

    double hi() {
        return hi;
    }

    Color color(double v) {
        if (!Double.isFinite(v)) {
            return Style.MISSING;
        }
        double f = Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * (stops.size() - 1);
        int i = Math.min((int) f, stops.size() - 2);
        double w = f - i;
        Color a = stops.get(i);
        Color b = stops.get(i + 1);
        return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w),
                mix(a.getBlue(), b.getBlue(), w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }

    private static List<Color> colors(int... rgb) {
        return java.util.Arrays.stream(rgb).mapToObj(Color::new).toList();
    }
}
