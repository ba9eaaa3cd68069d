package org.osteon.models.martinezreina2019;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.compile.Layout;

/** The daily queue update (spec section 5) on random inputs. */
class MineralisationQueueTest {
    private final Layout layout = MartinezReinaSupport.model().layout();
    private final int o = MartinezReinaSupport.queueOffset();
    private final MineralisationQueue.Slots slots = MineralisationQueue.Slots.of(layout, o);

    private double[] initialised(double conserve) {
        return MartinezReinaSupport.initial(Map.of("queue_conserve", conserve)).parameters().clone();
    }

    /** The spec's update rule written out plainly, for comparison. */
    private static void specUpdate(double[] q, double oba, double oca, double bv) {
        double r = oca * 200 / 100;
        double f = oba * 40 / 100;
        for (int i = 998; i >= 13; i--) {
            q[i] = q[i - 1] * (1 - r / bv);
            if (q[i] < 1e-13) {
                q[i] = 0;
            }
        }
        for (int j = 12; j >= 1; j--) {
            q[j] = q[j - 1] < 1e-13 ? 0 : q[j - 1];
        }
        q[0] = f;
        double s = 0;
        for (int i = 998; i >= 0; i--) {
            s += q[i];
        }
        q[999] = Math.max(0, bv + (f - r) - s);
        if (q[999] < 1e-13) {
            q[999] = 0;
        }
    }

    @Test
    void updateFollowsTheSpecOnRandomDays() {
        Random rnd = new Random(20190422);
        double[] p = initialised(0);
        double[] q = java.util.Arrays.copyOfRange(p, o, o + 1000);
        for (int day = 0; day < 200; day++) {
            double oba = 5e-4 * (0.5 + rnd.nextDouble());
            double oca = 1e-4 * (0.5 + 3 * rnd.nextDouble());
            double bv = 0.13 + 0.03 * rnd.nextDouble();
            MineralisationQueue.update(p, slots, oba, oca, bv);
            specUpdate(q, oba, oca, bv);
            for (int j = 0; j < 1000; j++) {
                // same operations except the order of the final sum (round-off of a sum of ~0.15)
                assertThat(p[o + j]).as("day %d bin %d", day, j).isCloseTo(q[j], within(1e-15));
            }
        }
    }

    @Test
    void peerModeClipsAndCountsConservingModeKeepsTheBalance() {
        // a bone volume below what the queue holds (BV drops from 0.15 to 0.10) empties q_999: the peer
        // clips it (volume appears in the queue), the conserving queue resorbs the deficit proportionally
        double oba = 2e-4;
        double oca = 6e-4;
        for (double conserve : new double[] {0, 1}) {
            double[] p = initialised(conserve);
            for (int day = 0; day < 100; day++) {
                double bv = 0.10;
                double r = oca * 200 / 100;
                double f = oba * 40 / 100;
                MineralisationQueue.update(p, slots, oba, oca, bv);
                double sum = 0;
                for (int j = 0; j < 1000; j++) {
                    sum += p[o + j];
                    assertThat(p[o + j]).isGreaterThanOrEqualTo(0);
                }
                if (conserve > 0) {
                    assertThat(sum).as("day %d", day).isCloseTo(bv + f - r, within(1e-15));
                }
            }
            assertThat(MartinezReinaSupport.parameter(p, "queue_clips")).as("conserve %s", conserve).isGreaterThan(0);
        }
    }
}
