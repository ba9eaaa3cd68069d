package org.osteon.report;

import java.util.Objects;

/**
 * One summary output over a 1-D scan, e.g. the final OPG concentration for each scanned value
 * of a parameter.
 *
 * @param id     symbol id: it picks the colour, like everywhere else
 * @param label  display name; null to show the id
 * @param unit   unit for the axis label; null when dimensionless or unknown
 * @param values one value per scan point (NaN where a run failed)
 */
public record Series(String id, String label, String unit, double[] values) {
    public Series {
        Objects.requireNonNull(id, "id");
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    String legendText() {
        return Legend.text(id, label);
    }
}
