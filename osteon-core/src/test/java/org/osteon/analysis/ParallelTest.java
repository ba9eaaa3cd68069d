package org.osteon.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void resultsComeBackInIndexOrderWithProgress() {
        AtomicInteger reported = new AtomicInteger();
        List<Integer> r = Parallel.map(500, 4, new Monitor() {
            @Override
            public void progress(int done, int total) {
                assertThat(total).isEqualTo(500);
                reported.accumulateAndGet(done, Math::max);
            }
        }, i -> i * i);
        assertThat(r).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(r.get(i)).isEqualTo(i * i);
        }
        assertThat(reported.get()).isEqualTo(500);
    }

    @Test
    void firstFailureIsRethrownAndStopsTheRest() {
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.map(10_000, 2, Monitor.NONE, i -> {
            started.incrementAndGet();
            if (i == 10) {
                throw new IllegalStateException("boom at 10");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom at 10");
        assertThat(started.get()).isLessThan(10_000);
    }

    @Test
    void cancellationStopsWorkersAndThrows() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Monitor cancelAfter20 = new Monitor() {
            @Override
            public void progress(int d, int total) {
                done.set(Math.max(done.get(), d));
            }

            @Override
            public boolean cancelled() {
                return done.get() >= 20;
            }
        };
        assertThatThrownBy(() -> Parallel.map(1000, 3, cancelAfter20, i -> started.incrementAndGet()))
                .isInstanceOf(CancellationException.class);
        // Each of the 3 workers may have started one more item after the 20th was counted.
        assertThat(started.get()).isBetween(20, 23);
    }
}
