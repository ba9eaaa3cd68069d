package org.osteon.analysis.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sketches' accuracy guarantee against exact order statistics (the bound is the one DDSketch
 * proves, fixed before looking at results: |estimate - x| <= alpha |x| for x the order statistic of
 * rank floor(q (n-1))), and exact, order-independent merging.
 */
class PercentileSketchesTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void quantilesAreWithinTheRelativeAccuracyOfTheExactOrderStatistic(int seed) {
        double alpha = 1e-3;
        Random rnd = new Random(seed);
        int n = 2000 + rnd.nextInt(3000);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // Mixed signs, zeros and six decades: the hard cases for a relative-accuracy sketch.
            values[i] = switch (seed) {
                case 1 -> Math.exp(rnd.nextGaussian() * 3);
                case 2 -> rnd.nextGaussian() * 5;
                case 3 -> rnd.nextInt(10) == 0 ? 0 : 1e-6 * Math.exp(rnd.nextGaussian());
                default -> -Math.exp(rnd.nextGaussian());
            };
        }
        PercentileSketches s = new PercentileSketches(1, 1, alpha);
        for (double v : values) {
            s.add(new double[][] {{v}});
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] q = s.quantiles(0, 0);
        for (int k = 0; k < q.length; k++) {
            double exact = sorted[(int) Math.floor(PercentileSketches.QUANTILES[k] * (n - 1))];
            assertThat(Math.abs(q[k] - exact)).as("p%s", PercentileSketches.QUANTILES[k])
                    .isLessThanOrEqualTo(alpha * Math.abs(exact) * (1 + 1e-12));
        }
        assertThat(s.min(0, 0)).isEqualTo(sorted[0]);
        assertThat(s.max(0, 0)).isEqualTo(sorted[n - 1]);
        assertThat(s.count()).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6, 7})
    void mergingInAnySplitAndOrderGivesIdenticalResults(int seed) throws Exception {
        Random rnd = new Random(seed);
        int n = 3000;
        double[][][] patients = new double[n][][];
        for (int i = 0; i < n; i++) {
            patients[i] = new double[][] {{rnd.nextGaussian(), Math.exp(rnd.nextGaussian())},
                    {rnd.nextDouble() * 100, 0}};
        }
        PercentileSketches whole = new PercentileSketches(2, 2, 1e-3);
        for (double[][] p : patients) {
            whole.add(p);
        }
        List<PercentileSketches> parts = new ArrayList<>();
        int at = 0;
        while (at < n) {
            int len = 1 + rnd.nextInt(400);
            PercentileSketches part = new PercentileSketches(2, 2, 1e-3);
            for (int i = at; i < Math.min(n, at + len); i++) {
                part.add(patients[i]);
            }
            parts.add(roundTrip(part));
            at += len;
        }
        Collections.shuffle(parts, rnd);
        PercentileSketches merged = new PercentileSketches(2, 2, 1e-3);
        parts.forEach(merged::merge);
        for (int o = 0; o < 2; o++) {
            for (int t = 0; t < 2; t++) {
                assertThat(merged.quantiles(o, t)).containsExactly(whole.quantiles(o, t));
                assertThat(merged.min(o, t)).isEqualTo(whole.min(o, t));
                assertThat(merged.max(o, t)).isEqualTo(whole.max(o, t));
            }
        }
        assertThat(merged.count()).isEqualTo(n);
    }

    static PercentileSketches roundTrip(PercentileSketches s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PercentileSketches) in.readObject();
        }
    }
}
