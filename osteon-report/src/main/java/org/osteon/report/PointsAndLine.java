package org.osteon.report;

/**
 * One panel of data points over a line: observed values over a fitted curve, or residuals over
 * the zero line. Arrays are taken as they are.
 *
 * @param label  the panel's y-axis title (with unit when there is one)
 * @param legend legend texts of the line and of the points
 */
public record PointsAndLine(String label, double[] lineX, double[] lineY, double[] pointsX, double[] pointsY,
                            String[] legend) {
}
