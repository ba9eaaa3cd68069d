package org.osteon.report;

import java.util.Objects;

/**
 * Percentiles of one output over time across a population: the 5th–95th and 25th–75th
 * percentile bands and the median.
 *
 * @param id    symbol id (picks the colour, as everywhere)
 * @param label display name, or null for the id
 * @param unit  unit for the axis, or null
 */
public record BandSeries(String id, String label, String unit, double[] time, double[] p05, double[] p25, double[] p50,
                         double[] p75, double[] p95) {
    public BandSeries {
        Objects.requireNonNull(id, "id");
        for (double[] a : new double[][] {p05, p25, p50, p75, p95}) {
            if (a.length != time.length) {
                throw new IllegalArgumentException("every percentile of " + id + " needs one value per time");
            }
        }
    }
}
