package org.osteon.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for tick labels and tables: short, locale-independent, no float noise. */
final class Numbers {
    private Numbers() {
    }

    /**
     * A value for a table cell: 4 significant digits, scientific outside [1e-3, 1e5), ASCII
     * minus so that it pastes into spreadsheets.
     */
    static String cell(double v) {
        return format(v, 4);
    }

    /** A tick label: as few digits as the value needs, typographic minus. */
    static String tick(double v) {
        return format(v, 6).replace('-', '\u2212');
    }

    /** Scan coordinates and bar values: 3 significant digits tell them apart and stay short. */
    static String brief(double v) {
        return format(v, 3).replace('-', '\u2212');
    }

    private static String format(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e5) {
            return d.toPlainString();
        }
        int exp = d.precision() - d.scale() - 1;
        return d.movePointLeft(exp).stripTrailingZeros().toPlainString() + "e" + exp;
    }
}
