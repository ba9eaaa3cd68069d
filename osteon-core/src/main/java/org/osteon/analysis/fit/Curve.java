package org.osteon.analysis.fit;

/** A fitted model curve of one output in one group, on the data's scale (after its transform). */
public record Curve(String group, String output, double[] times, double[] values) {
}
