package org.osteon.analysis.gsa;

import java.io.Serializable;

/**
 * The measures of one design point: {@code values[m]} for measure m, NaN (all of them) when the
 * run failed, with the reason.
 */
public record Evaluation(double[] values, String failure) implements Serializable {
}
