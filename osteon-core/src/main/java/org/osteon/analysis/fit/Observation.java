package org.osteon.analysis.fit;

/**
 * One data point: the value of an output at a time, in a group (trial arm), with an optional
 * standard deviation.
 *
 * @param time   in the data's time unit as read; {@link DataSet} converts it to the model's
 * @param sd     measurement standard deviation, or NaN when the error model gives it
 * @param origin "file:line" for messages
 */
public record Observation(String group, String output, double time, double value, double sd, String origin) {
}
